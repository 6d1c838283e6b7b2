package org.tandem.store.internal.event;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.tandem.store.internal.jdbc.Jdbc;

/**
 * Appends journal entries inside the caller's transaction. Call it last, just before the commit: taking the
 * sequence locks the journal's head row until the commit, which keeps sequences in commit order (see V005).
 */
public final class JournalWriter {

    private JournalWriter() {
    }

    /** One sequence per event, in list order. */
    public static void append(Connection c, List<Event> events, Instant now) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        // encode first: a bad property fails before the head row is locked
        List<String> encoded = events.stream().map(e -> EventPropertiesCodec.encode(e.properties())).toList();
        long last;
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE event_journal_head SET last_seq = last_seq + ? WHERE id = 1")) {
            ps.setInt(1, events.size());
            if (ps.executeUpdate() != 1) {
                throw new SQLException("event_journal_head has no row: schema V005 incomplete");
            }
        }
        last = Jdbc.query(c, "SELECT last_seq FROM event_journal_head WHERE id = 1", List.of(), rs -> rs.getLong(1))
                .get(0);
        long first = last - events.size() + 1;
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO event_journal (seq, topic, properties, recorded_at) VALUES (?, ?, ?, ?)")) {
            for (int i = 0; i < events.size(); i++) {
                ps.setLong(1, first + i);
                ps.setString(2, events.get(i).topic());
                ps.setString(3, encoded.get(i));
                Jdbc.setInstant(ps, 4, now);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** A topic and its properties (values as for {@link org.tandem.api.event.EventJournal#append}). */
    public record Event(String topic, Map<String, ?> properties) {

        public Event {
            if (topic == null || topic.isBlank() || topic.length() > 128) {
                throw new IllegalArgumentException("Event topic must be 1 to 128 characters");
            }
            Map<String, Object> present = new java.util.HashMap<>();
            properties.forEach((k, v) -> {
                if (v != null) {
                    present.put(k, v);
                }
            });
            properties = java.util.Collections.unmodifiableMap(present);
        }
    }
}
