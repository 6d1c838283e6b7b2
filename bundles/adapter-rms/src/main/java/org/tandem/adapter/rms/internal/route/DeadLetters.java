package org.tandem.adapter.rms.internal.route;

/** Records why a message was given up (the store's dead-letter table in the container). */
@FunctionalInterface
public interface DeadLetters {

    void record(String source, String reference, String reason);
}
