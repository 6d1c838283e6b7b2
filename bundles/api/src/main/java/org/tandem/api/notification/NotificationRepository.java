package org.tandem.api.notification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.tandem.api.Page;
import org.tandem.api.cases.Channel;

/**
 * The durable outbox (implemented by the store bundle). Records are claimed with a lease before a send, so two
 * dispatchers (two nodes on a shared database, or a restarted one) never send the same record concurrently, and a
 * record claimed by a dispatcher that died becomes due again when its lease expires.
 */
public interface NotificationRepository {

    /**
     * Inserts the record (its history is ignored).
     *
     * @return false, and nothing changes, when a record with the same idempotency key exists
     */
    boolean insertIfAbsent(Notification notification);

    /** The record with its history. */
    Optional<Notification> find(String id);

    /** A case's records of one agency, newest first, each with its history. */
    Page<Notification> forCase(String agencyId, String caseId, int page, int size);

    /** Pending records (QUEUED or FAILED) whose next attempt is due at {@code now} and that nobody holds a lease on. */
    List<Notification> due(Instant now, int limit);

    /**
     * Takes the lease on a due record.
     *
     * @return a claim token, or empty when the record is no longer pending and due, or another dispatcher holds it
     */
    Optional<String> claim(String id, Instant now, Instant leaseUntil);

    /**
     * Writes the outcome of a claimed record in one transaction: the record's new state (state, reason, next
     * attempt, attempt count, content, provider id, timestamps), an optional history entry (its {@code seq} is
     * assigned here), an optional follow-up record (fallback to the next channel, inserted if its key is new), and
     * the lease released.
     *
     * @return false, and nothing changes, when the claim was lost (lease expired and taken by another dispatcher)
     */
    boolean complete(String claimToken, Notification updated, NotificationAttempt entry, Notification followUp);

    /**
     * Like {@link #complete} for records nobody claims (delivery receipts, operator retry): applies only if the record
     * is currently in {@code expected} state and not leased.
     */
    boolean transition(Notification updated, NotificationState expected, NotificationAttempt entry,
            Notification followUp);

    Optional<Notification> findByProviderMessageId(Channel channel, String providerMessageId);

    /** Records in any of the states, newest first, without history. */
    List<Notification> inStates(Set<NotificationState> states, int limit);

    /**
     * One agency's records in any of the states, newest first, without history (an advocate's worklist).
     *
     * @since 1.1
     */
    default List<Notification> inStates(String agencyId, Set<NotificationState> states, int limit) {
        return inStates(states, Math.max(limit, 1000)).stream().filter(n -> n.agencyId().equals(agencyId))
                .limit(limit).toList();
    }
}
