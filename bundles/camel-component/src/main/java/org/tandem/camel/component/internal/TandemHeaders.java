package org.tandem.camel.component.internal;

/** Header and exchange-property names the {@code tandem:} endpoints read and write (see docs/integration.md). */
public final class TandemHeaders {

    /** Out (intake): the id of the opened or supplemented case. In (notify): the case the notification is about. */
    public static final String CASE_ID = "TandemCaseId";
    /** Out (intake): true when a case was opened, false when an existing case was supplemented or matched. */
    public static final String CASE_CREATED = "TandemCaseCreated";
    /** Out (intake): how many persons a supplement added. */
    public static final String PERSONS_ADDED = "TandemPersonsAdded";
    /** In (notify): the person to notify. */
    public static final String PERSON_ID = "TandemPersonId";
    /** In (notify): the message subject. */
    public static final String SUBJECT = "TandemSubject";
    /**
     * In (notify): the request's idempotency key; the same key twice queues once. Default: the exchange id, so a
     * redelivery of one exchange does not queue twice.
     */
    public static final String REQUEST_ID = "TandemRequestId";
    /** Out (events): the event topic, e.g. org/tandem/custody/STATUS_CHANGED. */
    public static final String EVENT_TOPIC = "TandemEventTopic";
    /** Out (events) / in (notify): the event type, e.g. CUSTODY_STATUS_CHANGED. */
    public static final String EVENT_TYPE = "TandemEventType";
    /**
     * Exchange property (never a header, so no transport can set it): the {@link org.tandem.api.Caller} that
     * {@code tandem:intake} acts as, e.g. the authenticated user of an HTTP endpoint.
     */
    public static final String CALLER_PROPERTY = "TandemCaller";

    private TandemHeaders() {
    }
}
