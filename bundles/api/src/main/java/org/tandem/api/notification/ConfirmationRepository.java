package org.tandem.api.notification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.tandem.api.cases.Channel;

/**
 * Notices that need confirmation, their codes, failed tries and PINs (implemented by the store bundle). Like the
 * outbox, notices are claimed with a lease before a reminder round is planned, so several nodes never plan the
 * same round twice.
 *
 * @since notification 1.2
 */
public interface ConfirmationRepository {

    /** @return false, and nothing changes, when a notice with the same key exists */
    boolean insertIfAbsent(Notice notice);

    Optional<Notice> find(String id);

    Optional<Notice> findByKey(String noticeKey);

    /** A case's notices, oldest first. */
    List<Notice> forCase(String agencyId, String caseId);

    /** AWAITING notices whose next round is due and nobody holds. */
    List<Notice> dueRounds(Instant now, int limit);

    /** AWAITING notices past their escalation time and not yet escalated, or past their expiry. */
    List<Notice> dueEscalations(Instant now, int limit);

    /** @return a claim token, or empty when another node holds the notice or it is no longer awaiting */
    Optional<String> claim(String noticeId, Instant now, Instant leaseUntil);

    /**
     * Writes a claimed notice's new round (rounds, next round, state) and inserts the reminder's outbox record in the
     * same transaction, releasing the lease. @return false when the claim was lost
     */
    boolean completeRound(String claimToken, Notice updated, Notification reminder);

    /**
     * Sets {@code escalated_at} (once: false when it was set before) and, when {@code expire}, the state EXPIRED.
     * The history entry is added to the notice's first notification in the same transaction.
     */
    boolean markEscalated(String noticeId, Instant at, boolean expire, NotificationAttempt entry);

    /** AWAITING → EXPIRED (reminders ended). @return false when it was no longer awaiting */
    boolean expire(String noticeId, Instant at);

    /** Adds a history entry to a notification (its seq is assigned here). */
    void addHistory(String notificationId, NotificationAttempt entry);

    void insertCode(ConfirmationCode code);

    /** Codes with this secret hash (and, for SMS codes, this address hash), newest first. */
    List<ConfirmationCode> findCodes(String secretHash, String addressHash);

    /**
     * In one transaction: marks the code used (when {@code codeId} is not null; only if unused), the notice CONFIRMED
     * (if AWAITING or EXPIRED: a late confirmation still counts) and adds the entry to the notification's history.
     *
     * @return true when the notice became confirmed now
     */
    boolean confirm(String codeId, String noticeId, String notificationId, Channel channel, ConfirmationKind kind,
            Instant at, NotificationAttempt entry);

    void recordFailure(String scopeKey, Instant at);

    int failuresSince(String scopeKey, Instant since);

    void setPin(String personId, String pinHash, String setBy, Instant at);

    Optional<String> pinHash(String personId);
}
