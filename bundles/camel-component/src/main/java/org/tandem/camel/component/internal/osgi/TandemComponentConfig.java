package org.tandem.camel.component.internal.osgi;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code org.tandem.camel.component} ({@code etc/org.tandem.camel.component.cfg}). */
@ObjectClassDefinition(name = "Tandem Camel component", description = "Defaults of the tandem: Camel endpoints")
public @interface TandemComponentConfig {

    @AttributeDefinition(name = "Agency", required = false,
            description = "Agency that tandem:intake opens cases for when the route names none (tandem:intake?agency=...)")
    String agencyId() default "";

    @AttributeDefinition(name = "Integration user", description = "Recorded as the creator of cases opened by routes")
    String user() default "camel";

    @AttributeDefinition(name = "Maximum document size", min = "1024",
            description = "Largest document (bytes) tandem:intake reads into memory")
    long maxDocumentBytes() default 1_048_576L;
}
