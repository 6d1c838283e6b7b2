package org.tandem.intake.internal.service;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of case intake, PID {@code org.tandem.intake} ({@code etc/org.tandem.intake.cfg}).
 * Changes apply without a restart; an invalid value is rejected with an error in the log and the
 * previous configuration stays in force (see {@link IntakeSettings}).
 */
@ObjectClassDefinition(name = "Tandem Intake",
        description = "Case intake: listing limits and agency extensions (validators, enrichers)")
public @interface IntakeConfig {

    @AttributeDefinition(name = "Maximum page size", min = "1", max = "1000",
            description = "Largest page a case list may request (size parameter), 1 to 1000")
    int maxPageSize() default 200;

    @AttributeDefinition(name = "Agency extensions enabled",
            description = "Run the IntakeEnricher and IntakeValidator services of agency bundles; false switches them all off")
    boolean extensionsEnabled() default true;

    @AttributeDefinition(name = "Extension timeout (ms)", min = "10", max = "60000",
            description = "How long one enricher or validator may take before it is skipped (and counted as failed), 10 to 60000 ms")
    int extensionTimeoutMillis() default 2000;
}
