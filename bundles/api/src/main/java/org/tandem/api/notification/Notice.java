package org.tandem.api.notification;

import java.time.Instant;

import org.tandem.api.cases.Channel;

/**
 * One event for one recipient that must be confirmed (configurable per event type). Its messages are ordinary
 * outbox records (the first one, then reminders on the person's channels in turn); each carries a way to confirm.
 * The first confirmation on any of them confirms the notice and stops the reminders.
 *
 * @param noticeKey {@code eventType|eventId|personId|recipientType}, unique
 * @param firstNotificationId the record of the first message, where escalations are recorded in the history
 * @param rounds reminder rounds planned so far (0: only the first message)
 * @param nextRoundAt when the next reminder is due; null when none is planned
 * @param escalateAt when an unconfirmed notice becomes a task for the advocate; null when it never does
 * @param expiresAt when reminders end
 * @param confirmedBy how it was confirmed (a {@link ConfirmationKind} name), null until then
 */
public record Notice(String id, String noticeKey, String agencyId, String caseId, String personId,
        RecipientType recipientType, String eventType, String eventId, Urgency urgency, NoticeState state,
        String firstNotificationId, int rounds, Instant nextRoundAt, Instant escalateAt, Instant expiresAt,
        Instant escalatedAt, Instant confirmedAt, Channel confirmedChannel, String confirmedBy, Instant createdAt,
        Instant updatedAt) {

    public Notice withRound(int newRounds, Instant newNextRoundAt, Instant now) {
        return new Notice(id, noticeKey, agencyId, caseId, personId, recipientType, eventType, eventId, urgency,
                state, firstNotificationId, newRounds, newNextRoundAt, escalateAt, expiresAt, escalatedAt,
                confirmedAt, confirmedChannel, confirmedBy, createdAt, now);
    }

    public Notice withState(NoticeState newState, Instant now) {
        return new Notice(id, noticeKey, agencyId, caseId, personId, recipientType, eventType, eventId, urgency,
                newState, firstNotificationId, rounds, newState == NoticeState.AWAITING ? nextRoundAt : null,
                escalateAt, expiresAt, escalatedAt, confirmedAt, confirmedChannel, confirmedBy, createdAt, now);
    }
}
