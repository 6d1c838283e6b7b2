package org.tandem.rest.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Tandem REST API", description = "The /tandem/api/v1 endpoint")
public @interface RestConfig {

    @AttributeDefinition(description = "Largest accepted request body in bytes; larger bodies get 413", min = "1024")
    long maxBodyBytes() default 1_048_576L;

    @AttributeDefinition(description = "Deepest accepted JSON nesting; deeper documents get 400", min = "4", max = "1000")
    int maxJsonDepth() default 32;
}
