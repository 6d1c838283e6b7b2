package org.tandem.api.notification;

/**
 * The OSGi EventAdmin events that trigger notifications, the events the notification engine posts, and their
 * property keys. Like every Tandem event they carry ids and codes, never names or contact data.
 * <p>
 * Every triggering event carries {@link #PROP_CASE_ID} and {@link #PROP_AGENCY_ID} (the agency that owns the case).
 * {@link #PROP_PERSON_IDS} (a {@code String[]} or a {@code Collection<String>}) narrows the recipients; without it
 * every victim on the case (primary and secondary) is notified. {@link #PROP_EVENT_ID}, when present, is the
 * event's identity for de-duplication; otherwise it is derived from the topic and the event's properties.
 */
public final class NotificationEvents {

    /** {@code org/tandem/case/OPENED} (posted by intake): caseId, agencyId. Template {@code case-opened}. */
    public static final String CASE_OPENED = org.tandem.api.TandemTopics.CASE_OPENED;

    /**
     * {@code org/tandem/referral/STATUS_CHANGED}: caseId, agencyId, {@link #PROP_REFERRAL_ID},
     * {@link #PROP_STATUS} (new status, e.g. ACCEPTED), {@link #PROP_PERSON_ID} (the referred person), optionally
     * {@link #PROP_TIMESTAMP}. Template {@code referral-status-changed}.
     */
    public static final String REFERRAL_STATUS_CHANGED = "org/tandem/referral/STATUS_CHANGED";

    /**
     * {@code org/tandem/custody/STATUS_CHANGED} (from the state adapter): caseId, agencyId, {@link #PROP_OFFENDER_ID},
     * {@link #PROP_CUSTODY_STATUS} (IN_CUSTODY, RELEASED, ESCAPED, TRANSFERRED, DECEASED ...), optionally
     * {@link #PROP_FACILITY}, {@link #PROP_REGISTRATION_ID}, {@link #PROP_PERSON_IDS}, {@link #PROP_OCCURRED_AT},
     * {@link #PROP_EVENT_ID}. Template {@code custody-status-changed}.
     */
    public static final String CUSTODY_STATUS_CHANGED = "org/tandem/custody/STATUS_CHANGED";

    /**
     * {@code org/tandem/court/EVENT_SCHEDULED} (from the state adapter): caseId, agencyId,
     * {@link #PROP_COURT_EVENT_TYPE} (ARRAIGNMENT, HEARING, TRIAL, SENTENCING, PAROLE_HEARING ...),
     * {@link #PROP_SCHEDULED_AT} (ISO-8601 instant or epoch milliseconds), optionally {@link #PROP_COURT} (court
     * name and room), {@link #PROP_DOCKET_NUMBER}, {@link #PROP_PERSON_IDS}, {@link #PROP_EVENT_ID}. Template
     * {@code court-event-scheduled}.
     */
    public static final String COURT_EVENT_SCHEDULED = "org/tandem/court/EVENT_SCHEDULED";

    /**
     * Posted by the engine when a person could not be notified because of a rule (not safe to contact without
     * alternate contact, no consent, no usable channel): caseId, agencyId, personId, notificationId, reason. The
     * advocate sees the WITHHELD record in the case's notifications.
     */
    public static final String NOTIFICATION_WITHHELD = "org/tandem/notification/WITHHELD";

    /** Posted by the engine when a record gave up (DEAD) with no further channel: caseId, agencyId, personId, notificationId, reason. */
    public static final String NOTIFICATION_DEAD = "org/tandem/notification/DEAD";

    /**
     * {@code org/tandem/protective-order/CHANGED}: caseId, agencyId, {@link #PROP_ORDER_STATUS} (ISSUED, SERVED,
     * MODIFIED, EXPIRED, DISMISSED ...), optionally {@link #PROP_ORDER_NUMBER}, {@link #PROP_PERSON_IDS},
     * {@link #PROP_EVENT_ID}. Template {@code protective-order-changed}.
     *
     * @since 1.2
     */
    public static final String PROTECTIVE_ORDER_CHANGED = "org/tandem/protective-order/CHANGED";
    /**
     * Posted when a notice that needed confirmation was handed to a person: caseId, agencyId, personId,
     * {@link #PROP_NOTICE_ID}, {@link #PROP_TASK_ID}, {@link #PROP_TASK_KIND}, {@link #PROP_ASSIGNEE}, reason.
     *
     * @since 1.2
     */
    public static final String NOTIFICATION_ESCALATED = "org/tandem/notification/ESCALATED";
    /**
     * Posted when a recipient confirmed a notice: caseId, agencyId, personId, {@link #PROP_NOTICE_ID},
     * notificationId, channel.
     *
     * @since 1.2
     */
    public static final String NOTIFICATION_CONFIRMED = "org/tandem/notification/CONFIRMED";
    public static final String PROP_CASE_ID = org.tandem.api.TandemTopics.PROP_CASE_ID;
    public static final String PROP_AGENCY_ID = org.tandem.api.TandemTopics.PROP_AGENCY_ID;
    public static final String PROP_TIMESTAMP = org.tandem.api.TandemTopics.PROP_TIMESTAMP;
    public static final String PROP_EVENT_ID = "eventId";
    public static final String PROP_PERSON_ID = "personId";
    public static final String PROP_PERSON_IDS = "personIds";
    public static final String PROP_REFERRAL_ID = "referralId";
    public static final String PROP_PROVIDER_ID = "providerId";
    public static final String PROP_STATUS = "status";
    public static final String PROP_OFFENDER_ID = "offenderId";
    public static final String PROP_REGISTRATION_ID = "registrationId";
    public static final String PROP_CUSTODY_STATUS = "custodyStatus";
    public static final String PROP_FACILITY = "facility";
    public static final String PROP_OCCURRED_AT = "occurredAt";
    public static final String PROP_COURT_EVENT_TYPE = "courtEventType";
    public static final String PROP_SCHEDULED_AT = "scheduledAt";
    public static final String PROP_COURT = "court";
    public static final String PROP_DOCKET_NUMBER = "docketNumber";
    public static final String PROP_NOTIFICATION_ID = "notificationId";
    public static final String PROP_REASON = "reason";

    public static final String PROP_ORDER_STATUS = "orderStatus";
    public static final String PROP_ORDER_NUMBER = "orderNumber";
    public static final String PROP_NOTICE_ID = "noticeId";
    public static final String PROP_TASK_ID = "taskId";
    public static final String PROP_TASK_KIND = "taskKind";
    public static final String PROP_ASSIGNEE = "assignee";
    public static final String PROP_CHANNEL = "channel";
    /** Event types recorded on notifications ({@link Notification#eventType()}). */
    public static final String TYPE_CASE_OPENED = "CASE_OPENED";
    public static final String TYPE_REFERRAL_STATUS_CHANGED = "REFERRAL_STATUS_CHANGED";
    public static final String TYPE_CUSTODY_STATUS_CHANGED = "CUSTODY_STATUS_CHANGED";
    public static final String TYPE_COURT_EVENT_SCHEDULED = "COURT_EVENT_SCHEDULED";
    public static final String TYPE_MANUAL = "MANUAL";
    public static final String TYPE_PROTECTIVE_ORDER_CHANGED = "PROTECTIVE_ORDER_CHANGED";
    /** An e-mail to the case's advocate about a follow-up task. */
    public static final String TYPE_ESCALATION = "ESCALATION";

    private NotificationEvents() {
    }
}
