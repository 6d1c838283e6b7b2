package org.tandem.store.internal.event;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.api.event.EventJournal;
import org.tandem.api.event.JournalEntry;
import org.tandem.store.internal.jdbc.Jdbc;

/**
 * The journal in plain JDBC. {@link #consume} holds its consumer's cursor row locked (an UPDATE, so the lock is the
 * same on Derby and PostgreSQL) for the whole batch: on several nodes the second consumer waits instead of handling
 * the same entries. The handler's own database work uses other connections.
 */
public final class JdbcEventJournal implements EventJournal {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcEventJournal.class);

    private final DataSource dataSource;
    private final Clock clock;

    public JdbcEventJournal(DataSource dataSource, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public long append(String topic, Map<String, ?> properties) {
        JournalWriter.Event event = new JournalWriter.Event(topic, Objects.requireNonNull(properties, "properties"));
        return Jdbc.inTransaction(dataSource, "append event", c -> {
            JournalWriter.append(c, List.of(event), clock.instant());
            return Jdbc.query(c, "SELECT last_seq FROM event_journal_head WHERE id = 1", List.of(),
                    rs -> rs.getLong(1)).get(0);
        });
    }

    @Override
    public int consume(String consumer, int max, JournalHandler handler) {
        if (consumer == null || consumer.isBlank() || consumer.length() > 100) {
            throw new IllegalArgumentException("Consumer name must be 1 to 100 characters");
        }
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1");
        }
        Objects.requireNonNull(handler, "handler");
        ensureCursor(consumer);
        return Jdbc.inTransaction(dataSource, "consume events for " + consumer, c -> {
            long from = lockCursor(c, consumer);
            List<JournalEntry> entries = read(c, from, max);
            long handledUpTo = from;
            int handled = 0;
            for (JournalEntry entry : entries) {
                try {
                    handler.handle(entry);
                } catch (Exception e) {
                    LOG.warn("Consumer {} failed on event {} ({}); it is offered again next time: {}", consumer,
                            entry.sequence(), entry.topic(), e.toString());
                    break;
                }
                handledUpTo = entry.sequence();
                handled++;
            }
            if (handledUpTo != from) {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE event_cursor SET last_seq = ?, updated_at = ? WHERE consumer = ?")) {
                    ps.setLong(1, handledUpTo);
                    Jdbc.setInstant(ps, 2, clock.instant());
                    ps.setString(3, consumer);
                    ps.executeUpdate();
                }
            }
            return handled;
        });
    }

    /** Creates a missing cursor at the journal's head, in its own transaction. */
    private void ensureCursor(String consumer) {
        Jdbc.withConnection(dataSource, "create cursor for " + consumer, c -> {
            if (!Jdbc.query(c, "SELECT last_seq FROM event_cursor WHERE consumer = ?", List.of(consumer),
                    rs -> rs.getLong(1)).isEmpty()) {
                return null;
            }
            long head = head(c);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO event_cursor (consumer, last_seq, updated_at) VALUES (?, ?, ?)")) {
                ps.setString(1, consumer);
                ps.setLong(2, head);
                Jdbc.setInstant(ps, 3, clock.instant());
                ps.executeUpdate();
                LOG.info("Event consumer {} starts at journal sequence {}", consumer, head);
            } catch (SQLException e) {
                // another node created it first: fine, its row is used
                if (!"23505".equals(e.getSQLState())) {
                    throw e;
                }
            }
            return null;
        });
    }

    /** Locks the cursor row until the transaction ends; @return the cursor. */
    private static long lockCursor(Connection c, String consumer) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE event_cursor SET last_seq = last_seq WHERE consumer = ?")) {
            ps.setString(1, consumer);
            if (ps.executeUpdate() != 1) {
                throw new SQLException("Event cursor " + consumer + " vanished");
            }
        }
        return Jdbc.query(c, "SELECT last_seq FROM event_cursor WHERE consumer = ?", List.of(consumer),
                rs -> rs.getLong(1)).get(0);
    }

    private static List<JournalEntry> read(Connection c, long after, int max) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, topic, properties, recorded_at FROM event_journal"
                + " WHERE seq > ? ORDER BY seq FETCH FIRST " + max + " ROWS ONLY")) {
            ps.setLong(1, after);
            try (var rs = ps.executeQuery()) {
                List<JournalEntry> out = new java.util.ArrayList<>();
                while (rs.next()) {
                    out.add(new JournalEntry(rs.getLong("seq"), rs.getString("topic"),
                            EventPropertiesCodec.decode(rs.getString("properties")),
                            Jdbc.getInstant(rs, "recorded_at")));
                }
                return out;
            }
        }
    }

    @Override
    public long head() {
        return Jdbc.withConnection(dataSource, "read journal head", JdbcEventJournal::head);
    }

    private static long head(Connection c) throws SQLException {
        return Jdbc.query(c, "SELECT last_seq FROM event_journal_head WHERE id = 1", List.of(), rs -> rs.getLong(1))
                .get(0);
    }

    @Override
    public Map<String, Long> cursors() {
        return Jdbc.withConnection(dataSource, "read event cursors", c -> {
            Map<String, Long> out = new LinkedHashMap<>();
            Jdbc.query(c, "SELECT consumer, last_seq FROM event_cursor ORDER BY consumer", List.of(), rs -> {
                out.put(rs.getString(1), rs.getLong(2));
                return null;
            });
            return out;
        });
    }
}
