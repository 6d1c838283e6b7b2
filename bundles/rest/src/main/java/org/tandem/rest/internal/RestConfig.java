package org.tandem.rest.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * PID {@code org.tandem.rest} ({@code etc/org.tandem.rest.cfg}). Changes apply without a restart; an
 * invalid value is rejected with an error in the log and the previous configuration stays
 * ({@link RestSettings}).
 */
@ObjectClassDefinition(name = "Tandem REST API", description = "The /tandem/api/v1 endpoint")
public @interface RestConfig {

    @AttributeDefinition(name = "Maximum body size (bytes)", min = "1024", max = "104857600",
            description = "Largest accepted request body in bytes, 1024 to 104857600 (100 MiB); larger bodies get 413")
    long maxBodyBytes() default 1_048_576L;

    @AttributeDefinition(name = "Maximum JSON depth", min = "4", max = "1000",
            description = "Deepest accepted JSON nesting, 4 to 1000; deeper documents get 400")
    int maxJsonDepth() default 32;
}
