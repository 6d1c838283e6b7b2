package org.tandem.api.registration;

/**
 * Topics and properties of the events the state adapter posts when a custody or court report matches
 * registrations: one event per report and case, after the report is recorded as processed, so a replayed
 * report (same {@link #REPORT_ID}) posts nothing. Properties are ids and codes, never names or contact data.
 */
public final class StateEventProperties {

    /** A custody status change of an offender someone on the case is registered for. */
    public static final String CUSTODY_STATUS_CHANGED = "org/tandem/custody/STATUS_CHANGED";
    /** A court event (hearing scheduled, continued, sentence) about a registered offender or case. */
    public static final String COURT_EVENT_SCHEDULED = "org/tandem/court/EVENT_SCHEDULED";

    /** String: the Tandem case id. */
    public static final String CASE_ID = "caseId";
    /** String: the agency owning the case. */
    public static final String AGENCY_ID = "agencyId";
    /** String[]: the ids of the persons on the case who are registered for this event. */
    public static final String PERSON_IDS = "personIds";
    /** String: the state's offender id, when the report names one. */
    public static final String OFFENDER_ID = "offenderId";
    /** String: a {@link CustodyStatus} or {@link CourtEventType} name. */
    public static final String STATUS = "status";
    /** Long: when the change happened (custody) or the court event is scheduled for, epoch milliseconds. */
    public static final String OCCURRED_AT = "occurredAt";
    /** String: the id the state gave the report; unique per feed. */
    public static final String REPORT_ID = "reportId";

    private StateEventProperties() {
    }
}
