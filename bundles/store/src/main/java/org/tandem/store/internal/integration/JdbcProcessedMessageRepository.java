package org.tandem.store.internal.integration;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tandem.api.integration.ProcessedMessageRepository;
import org.tandem.api.store.StoreInfo;
import org.tandem.store.internal.jdbc.Jdbc;
import org.tandem.store.internal.jdbc.StoreException;

/**
 * The processed-message ledger in plain JDBC. {@link #begin} inserts a PENDING row in its own transaction (a
 * failed insert aborts a PostgreSQL transaction) and, when the key exists, takes over a PENDING row of
 * another owner with an UPDATE conditional on that owner, so two nodes cannot both win it.
 */
@Component(service = ProcessedMessageRepository.class, configurationPid = "org.tandem.store")
public final class JdbcProcessedMessageRepository implements ProcessedMessageRepository {

    static final String PENDING = "PENDING";
    static final String DONE = "DONE";
    static final int MAX_KEY = 400;
    static final int MAX_PROCESSOR = 64;

    private final DataSource dataSource;
    private final Clock clock;

    /** The store's readiness is required so the ledger appears only on a migrated schema. */
    @Activate
    public JdbcProcessedMessageRepository(
            @Reference(name = "dataSource", target = "(dataSourceName=tandem)") DataSource dataSource,
            @Reference(name = "storeInfo") StoreInfo storeInfo) {
        this(dataSource, Clock.systemUTC(), true);
    }

    /** Not a second two-argument constructor: SCR would not know which one to call. */
    private JdbcProcessedMessageRepository(DataSource dataSource, Clock clock, boolean checked) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** For tests and tools: the ledger over a DataSource, with a clock. */
    public static JdbcProcessedMessageRepository create(DataSource dataSource, Clock clock) {
        return new JdbcProcessedMessageRepository(dataSource, clock, true);
    }

    @Override
    public boolean begin(String processor, String key, String owner) {
        check(processor, key);
        Objects.requireNonNull(owner, "owner");
        Instant now = clock.instant();
        try {
            Jdbc.inTransaction(dataSource, "begin processed message", c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO processed_message (processor, message_key,"
                        + " status, owner_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                    ps.setString(1, processor);
                    ps.setString(2, key);
                    ps.setString(3, PENDING);
                    ps.setString(4, owner);
                    Jdbc.setInstant(ps, 5, now);
                    Jdbc.setInstant(ps, 6, now);
                    return ps.executeUpdate();
                }
            });
            return true;
        } catch (StoreException e) {
            if (!e.isDuplicateKey()) {
                throw e;
            }
        }
        return takeOver(processor, key, owner, now);
    }

    private boolean takeOver(String processor, String key, String owner, Instant now) {
        List<String[]> rows = Jdbc.withConnection(dataSource, "read processed message", c -> Jdbc.query(c,
                "SELECT status, owner_id FROM processed_message WHERE processor = ? AND message_key = ?",
                List.of(processor, key), rs -> new String[] {rs.getString(1), rs.getString(2)}));
        if (rows.isEmpty()) {
            // removed in between (a failed attempt was rolled back): try again from the start
            return begin(processor, key, owner);
        }
        String status = rows.get(0)[0];
        String previousOwner = rows.get(0)[1];
        if (!PENDING.equals(status) || owner.equals(previousOwner)) {
            return false;
        }
        return Jdbc.inTransaction(dataSource, "take over processed message", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE processed_message SET owner_id = ?, updated_at = ?"
                    + " WHERE processor = ? AND message_key = ? AND status = ? AND owner_id = ?")) {
                ps.setString(1, owner);
                Jdbc.setInstant(ps, 2, now);
                ps.setString(3, processor);
                ps.setString(4, key);
                ps.setString(5, PENDING);
                ps.setString(6, previousOwner);
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public void confirm(String processor, String key) {
        check(processor, key);
        Instant now = clock.instant();
        Jdbc.inTransaction(dataSource, "confirm processed message", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE processed_message SET status = ?, updated_at = ?"
                    + " WHERE processor = ? AND message_key = ?")) {
                ps.setString(1, DONE);
                Jdbc.setInstant(ps, 2, now);
                ps.setString(3, processor);
                ps.setString(4, key);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public void remove(String processor, String key) {
        check(processor, key);
        Jdbc.inTransaction(dataSource, "remove processed message", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM processed_message WHERE processor = ? AND message_key = ?")) {
                ps.setString(1, processor);
                ps.setString(2, key);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public boolean contains(String processor, String key) {
        check(processor, key);
        return Jdbc.withConnection(dataSource, "find processed message", c -> !Jdbc.query(c,
                "SELECT status FROM processed_message WHERE processor = ? AND message_key = ?",
                List.of(processor, key), rs -> rs.getString(1)).isEmpty());
    }

    @Override
    public void clear(String processor) {
        Objects.requireNonNull(processor, "processor");
        Jdbc.inTransaction(dataSource, "clear processed messages", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM processed_message WHERE processor = ?")) {
                ps.setString(1, processor);
                return ps.executeUpdate();
            }
        });
    }

    private static void check(String processor, String key) {
        Objects.requireNonNull(processor, "processor");
        Objects.requireNonNull(key, "key");
        if (processor.length() > MAX_PROCESSOR || key.length() > MAX_KEY) {
            throw new IllegalArgumentException("processor at most " + MAX_PROCESSOR + " and key at most " + MAX_KEY
                    + " characters");
        }
    }
}
