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

    // ---------------------------------------------------------------- confirmed notifications

    @AttributeDefinition(description = "Events whose notices must be confirmed by the recipient: an event type, or type:status for custody (custodyStatus) and protective-order (orderStatus) events")
    String[] confirmEvents() default {"CUSTODY_STATUS_CHANGED:RELEASED", "CUSTODY_STATUS_CHANGED:ESCAPED",
            "CUSTODY_STATUS_CHANGED:TRANSFERRED", "PROTECTIVE_ORDER_CHANGED", "COURT_EVENT_SCHEDULED"};

    @AttributeDefinition(description = "URGENT events (the rest are ROUTINE): may go out at any hour, but outside the person's safe hours only on the channels they marked safe for urgent alerts; retried until confirmed and escalated")
    String[] urgentEvents() default {"CUSTODY_STATUS_CHANGED:RELEASED", "CUSTODY_STATUS_CHANGED:ESCAPED"};

    @AttributeDefinition(description = "Reminders of an unconfirmed urgent notice: ISO-8601 interval*count, comma-separated, counted from the first message; reminders end (the notice expires) at the end of the schedule")
    String reminderSchedule() default "PT30M*4, PT2H*11";

    @AttributeDefinition(description = "An urgent notice not confirmed this long (ISO-8601 duration) after its first message becomes a follow-up task for the case's advocate")
    String escalateAfter() default "PT2H";

    @AttributeDefinition(description = "How long a confirmation code or link stays valid, in minutes", min = "1")
    long codeTtlMinutes() default 1440;

    @AttributeDefinition(description = "Failed confirmation tries allowed per sender (SMS) or notice (PIN) within the window; more are refused", min = "1")
    int maxFailedConfirmations() default 5;

    @AttributeDefinition(description = "Window of the failed-try limit, in minutes", min = "1")
    long failureWindowMinutes() default 15;

    @AttributeDefinition(description = "Public base URL of the confirmation page; the link in an e-mail is this followed by a single-use token")
    String confirmBaseUrl() default "http://localhost:8181/tandem/confirm/";
}
