package org.tandem.adapter.rms.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code org.tandem.adapter.rms} ({@code etc/org.tandem.adapter.rms.cfg}); changes restart the routes. */
@ObjectClassDefinition(name = "Tandem RMS adapter", description = "NIEM incident reports from an RMS: watched folder and HTTP")
public @interface RmsConfig {

    String PID = "org.tandem.adapter.rms";

    @AttributeDefinition(name = "Agency", required = false,
            description = "Agency the folder's reports open cases for; the folder route does not start without it"
                    + " (HTTP reports belong to the caller's agency)")
    String agencyId() default "";

    @AttributeDefinition(name = "Allowed ORIs", required = false,
            description = "If set, only reports of these ORIs are accepted (comma-separated)")
    String allowedOris() default "";

    @AttributeDefinition(name = "Watch the folder", description = "Start the watched-folder route")
    boolean folderEnabled() default true;

    @AttributeDefinition(name = "Inbox", description = "Folder the RMS drops *.xml reports into (relative: to karaf.base)")
    String inboxDir() default "integration/rms/inbox";

    @AttributeDefinition(name = "Error folder", description = "Rejected reports and their .reason files")
    String errorDir() default "integration/rms/error";

    @AttributeDefinition(name = "Archive folder", required = false,
            description = "Processed reports are moved here (in a folder per day); empty: deleted once processed")
    String archiveDir() default "integration/rms/archive";

    @AttributeDefinition(name = "Poll interval (ms)", min = "100")
    long pollDelayMs() default 1000;

    @AttributeDefinition(name = "Maximum document size (bytes)", min = "1024")
    long maxDocumentBytes() default 1_048_576L;

    @AttributeDefinition(name = "Local time zone",
            description = "Zone of report date-times without offset (nc:DateTime 2026-11-20T22:15:00) and of nc:Date")
    String localTimeZone() default "UTC";

    @AttributeDefinition(name = "Redeliveries", min = "0",
            description = "Attempts after the first when storing a report fails for a reason other than the report")
    int maximumRedeliveries() default 3;

    @AttributeDefinition(name = "Redelivery delay (ms)", min = "0", description = "First delay; doubles each attempt")
    long redeliveryDelayMs() default 1000;
}
