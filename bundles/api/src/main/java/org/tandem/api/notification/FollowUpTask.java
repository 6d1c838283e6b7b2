package org.tandem.api.notification;

import java.time.Instant;

/**
 * Work for a person when automation is not enough: an urgent notice nobody confirmed, one that could not be
 * delivered on any allowed channel, or an urgent notice that must wait for the safe hours. Assigned to the case's
 * advocate (or the agency's default advocate); the advocate records the outcome.
 *
 * @param taskKey unique, {@code noticeId|kind}: an escalation happens once
 * @param assignee the user it is assigned to; null when the case has no advocate and the agency no default one
 */
public record FollowUpTask(String id, String taskKey, String agencyId, String caseId, String personId,
        String noticeId, Kind kind, String assignee, State state, String reason, Instant createdAt, Outcome outcome,
        String outcomeNote, String closedBy, Instant closedAt) {

    public enum Kind {
        /** An urgent notice was not confirmed in time. */
        UNCONFIRMED_URGENT,
        /** A notice that needed confirmation was still unconfirmed when its reminders ended. */
        UNCONFIRMED,
        /** The notice could not be delivered on any channel it was allowed to use. */
        UNDELIVERABLE,
        /** An urgent notice arrived outside safe hours and the person has no channel marked safe for urgent alerts. */
        URGENT_WAITING_FOR_SAFE_HOURS
    }

    public enum State { OPEN, DONE }

    /** What the advocate did. */
    public enum Outcome { REACHED_BY_PHONE, REACHED_IN_PERSON, COULD_NOT_REACH }
}
