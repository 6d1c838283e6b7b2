package org.tandem.camel.internal.routes;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * PID {@code org.tandem.camel} ({@code etc/org.tandem.camel.cfg}). Changes apply without a restart; an
 * invalid value is rejected with an error in the log and the previous value stays.
 */
@ObjectClassDefinition(name = "Tandem Camel context", description = "The Camel context 'tandem' that runs the routes of RoutesBuilder services")
public @interface CamelConfig {

    @AttributeDefinition(name = "Route shutdown timeout (s)", min = "1", max = "300",
            description = "How long a route being removed (its bundle stopped or the context stopping) may take to finish in-flight exchanges, 1 to 300 seconds")
    int shutdownTimeoutSeconds() default 10;
}
