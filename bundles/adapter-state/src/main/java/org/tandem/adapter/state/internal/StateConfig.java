package org.tandem.adapter.state.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration PID {@code org.tandem.adapter.state} ({@code etc/org.tandem.adapter.state.cfg}), shared by the
 * feed routes, the claim sender and the REST resources; changes restart the routes.
 */
@ObjectClassDefinition(name = "Tandem state adapter",
        description = "State custody and court feeds, VINE-style registrations, compensation claims")
public @interface StateConfig {

    String PID = "org.tandem.adapter.state";

    // ---------------------------------------------------------------- feeds

    @AttributeDefinition(name = "Watch the feed folders")
    boolean feedFoldersEnabled() default true;

    @AttributeDefinition(name = "Custody inbox", description = "Custody status reports (*.xml or *.json); relative to karaf.base")
    String custodyInboxDir() default "integration/state/custody/inbox";

    @AttributeDefinition(name = "Court inbox", description = "Court event reports (*.xml or *.json); relative to karaf.base")
    String courtInboxDir() default "integration/state/court/inbox";

    @AttributeDefinition(name = "Error folder", description = "Rejected reports and their .reason files")
    String feedErrorDir() default "integration/state/error";

    @AttributeDefinition(name = "Poll interval (ms)", min = "100")
    long feedPollDelayMs() default 1000;

    @AttributeDefinition(name = "Maximum report size (bytes)", min = "1024")
    long maxReportBytes() default 262_144L;

    @AttributeDefinition(name = "Local time zone", description = "Zone of report date-times without offset")
    String localTimeZone() default "UTC";

    @AttributeDefinition(name = "Feed redeliveries", min = "0")
    int feedMaximumRedeliveries() default 3;

    @AttributeDefinition(name = "Feed redelivery delay (ms)", min = "0")
    long feedRedeliveryDelayMs() default 1000;

    @AttributeDefinition(name = "Feed leader lock folder", description = "Several nodes: the same shared folder on every "
            + "node, so that one node at a time reads the feed folders (order matters for custody status) and another "
            + "takes over when it dies; empty = this node reads them (one node)")
    String feedLeaderLockDir() default "";

    // ---------------------------------------------------------------- claims

    @AttributeDefinition(name = "State agency", description = "Agency id of the state compensation program: the"
            + " recipient a victim's SHARE_WITH_STATE consent must name")
    String stateAgencyId() default "STATE-VC";

    @AttributeDefinition(name = "Claim endpoint", required = false,
            description = "URL of the state's compensation endpoint; empty: claims are accepted and queued, not sent")
    String claimsEndpoint() default "";

    @AttributeDefinition(name = "Claim protocol", description = "soap (the WSDL in examples/state) or rest (JSON POST)")
    String claimsProtocol() default "soap";

    @AttributeDefinition(name = "Claim poll interval (ms)", min = "100",
            description = "How often queued claims are picked up")
    long claimsPollIntervalMs() default 5000;

    @AttributeDefinition(name = "Claim redeliveries", min = "0")
    int claimsMaximumRedeliveries() default 5;

    @AttributeDefinition(name = "Claim redelivery delay (ms)", min = "0", description = "First delay; doubles each attempt")
    long claimsRedeliveryDelayMs() default 2000;

    @AttributeDefinition(name = "Claim maximum redelivery delay (ms)", min = "0")
    long claimsMaximumRedeliveryDelayMs() default 300_000;

    @AttributeDefinition(name = "Claim send timeout (ms)", min = "1000")
    long claimsTimeoutMs() default 30_000;

    @AttributeDefinition(name = "Stale send (ms)", min = "1000",
            description = "A claim left SENDING this long (e.g. by a restart) is sent again")
    long claimsStaleAfterMs() default 600_000;
}
