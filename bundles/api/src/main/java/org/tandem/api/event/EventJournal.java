package org.tandem.api.event;

import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The journal of platform events (provided by the store). The store journals the events of the changes it commits
 * itself ({@code org/tandem/case/OPENED}, {@code org/tandem/referral/STATUS_CHANGED}); other producers append.
 * Every consumer has a named cursor: {@link #consume} hands it the entries after its cursor, in order, and moves
 * the cursor past each one handled. Delivery is at least once (a crash inside the handler repeats that entry), so a
 * handler must be idempotent.
 */
@ProviderType
public interface EventJournal {

    /**
     * Appends an event in its own transaction.
     *
     * @param properties values must be {@code String}, {@code Long}, {@code Integer}, {@code Boolean} or
     *        {@code String[]}; no personally identifying information (ids only)
     * @return the entry's sequence
     * @throws IllegalArgumentException for a blank topic or a value of another type
     */
    long append(String topic, Map<String, ?> properties);

    /**
     * Hands up to {@code max} entries after the consumer's cursor to {@code handler}, oldest first, advancing the
     * cursor past every entry handled; stops at the first entry the handler throws on (the cursor stays before it,
     * so it is offered again next time). Only one caller at a time consumes for a given consumer name, across
     * every node sharing the database. A consumer seen for the first time starts at the current end of the journal
     * unless a cursor was created for it beforehand.
     *
     * @return the number of entries handled
     */
    int consume(String consumer, int max, JournalHandler handler);

    /** The sequence of the last entry, 0 when the journal is empty. */
    long head();

    /** Every consumer's cursor (the sequence of the last entry it handled). */
    Map<String, Long> cursors();

    /** Handles one entry; throwing stops the consumption before this entry. */
    @FunctionalInterface
    interface JournalHandler {
        void handle(JournalEntry entry) throws Exception;
    }
}
