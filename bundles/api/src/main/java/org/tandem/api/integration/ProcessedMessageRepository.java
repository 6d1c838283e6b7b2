package org.tandem.api.integration;

/**
 * A persistent ledger of message keys per processor (e.g. {@code rms-intake}: "ORI|incident|document id"),
 * for idempotent consumers that must not process a message twice across restarts. A key is first
 * PENDING (being processed by {@code owner}) and then DONE; a PENDING key of another owner is taken over,
 * because its owner (a previous run of this node) stopped before finishing.
 */
public interface ProcessedMessageRepository {

    /**
     * Claims a key for processing.
     *
     * @param owner identifies this running instance (e.g. a random id per start)
     * @return true when the caller should process the message: the key was unknown, or PENDING for another
     *         owner; false when it is DONE, or PENDING for {@code owner} (a concurrent duplicate)
     */
    boolean begin(String processor, String key, String owner);

    /** Marks a key DONE; processing it again will be refused. */
    void confirm(String processor, String key);

    /** Forgets a key (processing failed and may be retried). */
    void remove(String processor, String key);

    /** True when the key is known, pending or done. */
    boolean contains(String processor, String key);

    /** Forgets every key of a processor. */
    void clear(String processor);
}
