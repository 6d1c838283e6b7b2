package org.tandem.intake.internal.service;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of case intake, PID {@code org.tandem.intake} ({@code etc/org.tandem.intake.cfg}). */
@ObjectClassDefinition(name = "Tandem Intake",
        description = "Case intake: validation and listing limits")
public @interface IntakeConfig {

    @AttributeDefinition(name = "Maximum page size", min = "1", max = "1000",
            description = "Largest page a case list may request (size parameter)")
    int maxPageSize() default 200;
}
