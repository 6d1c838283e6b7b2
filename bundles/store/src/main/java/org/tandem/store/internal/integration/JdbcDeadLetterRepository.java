package org.tandem.store.internal.integration;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tandem.api.integration.DeadLetter;
import org.tandem.api.integration.DeadLetterRepository;
import org.tandem.api.store.StoreInfo;
import org.tandem.store.internal.jdbc.Jdbc;

/** The dead-letter store in plain JDBC; reasons are truncated to {@link #MAX_REASON} characters. */
@Component(service = DeadLetterRepository.class, configurationPid = "org.tandem.store")
public final class JdbcDeadLetterRepository implements DeadLetterRepository {

    private static final String COLUMNS = "id, source_name, message_ref, reason, failed_at, resolved_at";

    private final DataSource dataSource;

    @Activate
    public JdbcDeadLetterRepository(
            @Reference(name = "dataSource", target = "(dataSourceName=tandem)") DataSource dataSource,
            @Reference(name = "storeInfo") StoreInfo storeInfo) {
        this(dataSource);
    }

    public JdbcDeadLetterRepository(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public void insert(DeadLetter d) {
        Objects.requireNonNull(d, "deadLetter");
        Jdbc.inTransaction(dataSource, "insert dead letter", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO dead_letter (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, d.id());
                ps.setString(2, truncate(d.source(), 64));
                ps.setString(3, truncate(d.reference(), 400));
                ps.setString(4, truncate(d.reason() == null ? "(no reason)" : d.reason(), MAX_REASON));
                Jdbc.setInstant(ps, 5, d.failedAt());
                Jdbc.setInstant(ps, 6, d.resolvedAt());
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public List<DeadLetter> unresolved(String source, int max) {
        String where = source == null ? "" : " AND source_name = ?";
        return Jdbc.withConnection(dataSource, "list dead letters", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM dead_letter"
                    + " WHERE resolved_at IS NULL" + where + " ORDER BY failed_at DESC, id"
                    + " OFFSET 0 ROWS FETCH NEXT ? ROWS ONLY")) {
                int i = 1;
                if (source != null) {
                    ps.setString(i++, source);
                }
                ps.setInt(i, Math.max(1, max));
                try (ResultSet rs = ps.executeQuery()) {
                    List<DeadLetter> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(map(rs));
                    }
                    return out;
                }
            }
        });
    }

    @Override
    public List<DeadLetter> forReference(String source, String reference) {
        return Jdbc.withConnection(dataSource, "find dead letters", c -> Jdbc.query(c, "SELECT " + COLUMNS
                + " FROM dead_letter WHERE source_name = ? AND message_ref = ? AND resolved_at IS NULL"
                + " ORDER BY failed_at, id", List.of(source, reference), JdbcDeadLetterRepository::map));
    }

    @Override
    public int resolve(String source, String reference, Instant at) {
        return Jdbc.inTransaction(dataSource, "resolve dead letters", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE dead_letter SET resolved_at = ?"
                    + " WHERE source_name = ? AND message_ref = ? AND resolved_at IS NULL")) {
                Jdbc.setInstant(ps, 1, at);
                ps.setString(2, source);
                ps.setString(3, reference);
                return ps.executeUpdate();
            }
        });
    }

    private static DeadLetter map(ResultSet rs) throws SQLException {
        return new DeadLetter(rs.getString("id"), rs.getString("source_name"), rs.getString("message_ref"),
                rs.getString("reason"), Jdbc.getInstant(rs, "failed_at"), Jdbc.getInstant(rs, "resolved_at"));
    }

    private static String truncate(String s, int max) {
        Objects.requireNonNull(s);
        return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }
}
