package org.tandem.notification.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code org.tandem.notification} ({@code etc/org.tandem.notification.cfg}); live changes apply. */
@ObjectClassDefinition(name = "Tandem notifications",
        description = "Outbox dispatcher, retry policy, consent wait and templates")
public @interface NotificationConfig {

    String PID = "org.tandem.notification";

    @AttributeDefinition(description = "Turns the dispatcher off (records are still queued)")
    boolean dispatcherEnabled() default true;

    @AttributeDefinition(description = "How often the dispatcher looks for due records, in milliseconds", min = "50")
    long pollIntervalMillis() default 1000;

    @AttributeDefinition(description = "Records taken per round", min = "1", max = "1000")
    int batchSize() default 50;

    @AttributeDefinition(description = "Sends per second at most (0 = unlimited), e.g. a provider's rate limit", min = "0")
    int maxSendsPerSecond() default 0;

    @AttributeDefinition(description = "Send attempts per channel before it is given up (DEAD) and the next channel is tried", min = "1")
    int maxAttempts() default 6;

    @AttributeDefinition(description = "Delay after the first failed attempt, in seconds; doubles with every further failure", min = "1")
    long backoffBaseSeconds() default 30;

    @AttributeDefinition(description = "Longest delay between attempts, in seconds", min = "1")
    long backoffMaxSeconds() default 3600;

    @AttributeDefinition(description = "How long a dispatcher holds a record while sending, in seconds; a record held by a dispatcher that died is sent again after this", min = "10")
    long leaseSeconds() default 120;

    @AttributeDefinition(description = "How long a notification waits for the person's NOTIFY consent (e.g. recorded right after the case was opened) before it is withheld, in minutes", min = "0")
    long consentWaitMinutes() default 60;

    @AttributeDefinition(description = "How often a notification waiting for consent is checked again, in seconds", min = "1")
    long consentRecheckSeconds() default 30;

    @AttributeDefinition(description = "A channel with no service since the dispatcher started this many seconds ago counts as not installed: the next channel is tried at once", min = "0")
    long channelInstallGraceSeconds() default 60;

    @AttributeDefinition(description = "Folder with the message templates and labels (<template>_<language>.tmpl); empty = ${karaf.etc}/tandem/templates. Built-in templates are used for files that are not there.")
    String templateDir() default "";

    @AttributeDefinition(description = "Time zone for dates in messages when the person has no safe-hours zone")
    String defaultZone() default "America/Chicago";

    @AttributeDefinition(description = "Contact line printed in messages (advocate line), used when there is no contact.<agencyId> entry")
    String contactDefault() default "";
}
