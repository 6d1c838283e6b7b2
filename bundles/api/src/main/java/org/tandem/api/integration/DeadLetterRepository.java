package org.tandem.api.integration;

import java.time.Instant;
import java.util.List;

/** The dead-letter store of the integration routes (implemented by the store bundle). */
public interface DeadLetterRepository {

    /** Reasons longer than this are truncated. */
    int MAX_REASON = 2000;

    void insert(DeadLetter deadLetter);

    /** Unresolved dead letters, newest first; {@code source} null for every source. */
    List<DeadLetter> unresolved(String source, int max);

    /** Unresolved dead letters about one message. */
    List<DeadLetter> forReference(String source, String reference);

    /** Marks every unresolved dead letter of the message resolved; returns how many. */
    int resolve(String source, String reference, Instant at);
}
