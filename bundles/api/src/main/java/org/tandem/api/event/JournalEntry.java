package org.tandem.api.event;

import java.time.Instant;
import java.util.Map;

/**
 * One journaled event: the EventAdmin topic and properties it was (or would have been) posted with.
 *
 * @param sequence position in the journal; a later commit always has a higher sequence
 * @param properties values are {@code String}, {@code Long}, {@code Integer}, {@code Boolean} or {@code String[]}
 */
public record JournalEntry(long sequence, String topic, Map<String, Object> properties, Instant recordedAt) {

    public JournalEntry {
        properties = Map.copyOf(properties);
    }
}
