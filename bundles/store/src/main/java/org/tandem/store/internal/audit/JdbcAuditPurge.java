package org.tandem.store.internal.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.api.audit.AuditEvent;
import org.tandem.api.audit.AuditLog;
import org.tandem.api.audit.AuditPurge;
import org.tandem.api.audit.AuditRecord;
import org.tandem.store.internal.jdbc.Jdbc;

/**
 * Deletes the oldest audit records in batches, one transaction each. A batch locks the chain's head (appends and
 * purges on every node wait), checks the records it is about to delete against the current anchor, moves the
 * anchor (V007 {@code audit_anchor}, one row per purge) to its last record and deletes them: the remaining chain
 * verifies from the anchor, and a purge stopped between batches leaves a consistent anchor. Only a prefix of the
 * chain is ever deleted (it stops at the first record younger than the cutoff). Each batch appends, in its own
 * transaction, an {@code AUDIT_PURGED} record naming the anchor it set (count, through seq, hash): verification
 * accepts an anchor only when the chain names it. A run that deletes nothing, or fails, is audited as one record.
 */
public final class JdbcAuditPurge {

    public static final String ACTION = "AUDIT_PURGED";
    private static final Logger LOG = LoggerFactory.getLogger(JdbcAuditPurge.class);

    private final DataSource dataSource;
    private final AuditLog audit;
    private final Clock clock;
    private volatile boolean stopped;

    private record Batch(long anchorId, long count, long throughSeq) {
    }

    public JdbcAuditPurge(DataSource dataSource, AuditLog audit, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Purges everything older than {@code retention}, batch after batch, and audits it. */
    public AuditPurge purge(Duration retention, int batchSize, String purgedBy, String roles, String clientAddress) {
        return purge(retention, batchSize, Integer.MAX_VALUE, purgedBy, roles, clientAddress);
    }

    /** As {@link #purge(Duration, int, String, String, String)}, stopping after {@code maxBatches} (tests). */
    AuditPurge purge(Duration retention, int batchSize, int maxBatches, String purgedBy, String roles,
            String clientAddress) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive: " + batchSize);
        }
        String by = purgedBy == null || purgedBy.isBlank() ? "unknown" : AuditChain.fit(purgedBy, 100);
        Instant cutoff = Jdbc.toStored(clock.instant().minus(retention));
        long anchorId = 0;
        long purged = 0;
        long through = 0;
        int batches = 0;
        try {
            while (batches < maxBatches && !stopped) {
                Batch b = batch(cutoff, retention, batchSize, anchorId, by, roles, clientAddress);
                through = b.throughSeq();
                if (b.count() == 0) {
                    break;
                }
                anchorId = b.anchorId();
                purged += b.count();
                batches++;
                if (b.count() < batchSize) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            LOG.error("Audit purge by {} stopped after {} record(s) in {} batch(es): {}", by, purged, batches,
                    e.getMessage());
            try {
                audit.record(event(by, roles, clientAddress, purged, through, null, cutoff, retention,
                        "FAILED"));
            } catch (RuntimeException notAudited) {
                e.addSuppressed(notAudited);
            }
            throw e;
        }
        if (batches == 0) {
            // nothing deleted, so no batch recorded it: the run is audited on its own
            audit.record(event(by, roles, clientAddress, 0, through, null, cutoff, retention, "OK"));
        }
        LOG.info("Audit purge by {}: {} record(s) recorded before {} deleted in {} batch(es); chain now verifies"
                + " from anchor seq {}", by, purged, cutoff, batches, through);
        return new AuditPurge(purged, through, cutoff, batches);
    }

    /** A purge running now stops after its current batch (the store is stopping); later ones do nothing. */
    public void stop() {
        stopped = true;
    }

    /**
     * The audit record of a purge. A batch's record carries the anchor it set ({@link #attestation}), which is
     * what verification requires of the latest anchor; the run's own record (nothing purged, or failed) has none.
     */
    private static AuditEvent event(String by, String roles, String clientAddress, long count, long through,
            String lastHash, Instant cutoff, Duration retention, String outcome) {
        return new AuditEvent(by, null, roles, ACTION, "audit", "through seq " + through, null,
                "count=" + count + (lastHash == null ? ",through=" + through + "," : attestation(through, lastHash))
                        + "cutoff=" + cutoff + ",retentionDays=" + retention.toDays(),
                clientAddress, outcome);
    }

    /** How a batch's audit record names the anchor it set; verification looks for exactly this text. */
    static String attestation(long through, String lastHash) {
        return ",through=" + through + ",hash=" + lastHash + ",";
    }

    private Batch batch(Instant cutoff, Duration retention, int batchSize, long runAnchorId, String by, String roles,
            String clientAddress) {
        return Jdbc.inTransaction(dataSource, "purge audit records", c -> {
            // the same lock as an append: nothing is added to or purged from the chain meanwhile
            JdbcAuditLog.lockHead(c);
            Anchor anchor = Anchor.latest(c);
            long expectedSeq = anchor.throughSeq() + 1;
            String lastHash = anchor.lastHash();
            long count = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT " + JdbcAuditLog.COLUMNS + " FROM audit_record"
                    + " WHERE seq > ? ORDER BY seq OFFSET 0 ROWS FETCH NEXT ? ROWS ONLY")) {
                ps.setLong(1, anchor.throughSeq());
                ps.setInt(2, batchSize);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        AuditRecord r = JdbcAuditLog.read(rs);
                        if (!r.recordedAt().isBefore(cutoff)) {
                            break;
                        }
                        String mismatch = AuditChain.mismatch(r, expectedSeq, lastHash);
                        if (mismatch != null) {
                            // deleting it would destroy the evidence: leave it for audit-verify to report
                            throw new IllegalStateException("audit chain broken, nothing more purged: " + mismatch
                                    + anchor.describe());
                        }
                        lastHash = r.hash();
                        expectedSeq++;
                        count++;
                    }
                }
            }
            if (count == 0) {
                return new Batch(runAnchorId, 0, anchor.throughSeq());
            }
            long through = expectedSeq - 1;
            long anchorId = moveAnchor(c, runAnchorId, through, lastHash, count, by);
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM audit_record WHERE seq > ? AND seq <= ?")) {
                ps.setLong(1, anchor.throughSeq());
                ps.setLong(2, through);
                int deleted = ps.executeUpdate();
                if (deleted != count) {
                    throw new SQLException("expected to delete " + count + " audit record(s), deleted " + deleted);
                }
            }
            // in the same transaction: the chain itself names every anchor it starts from
            JdbcAuditLog.appendLocked(c, Jdbc.toStored(clock.instant()), List.of(JdbcAuditLog.fitted(
                    event(by, roles, clientAddress, count, through, lastHash, cutoff, retention, "OK"))));
            return new Batch(anchorId, count, through);
        });
    }

    /** The run's first batch adds its anchor row; the following ones move it. Returns the row's id. */
    private long moveAnchor(Connection c, long runAnchorId, long through, String lastHash, long count, String by)
            throws SQLException {
        Instant now = Jdbc.toStored(clock.instant());
        if (runAnchorId != 0) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE audit_anchor SET purged_through_seq = ?,"
                    + " last_hash = ?, purged_at = ?, purged_count = purged_count + ? WHERE id = ?")) {
                ps.setLong(1, through);
                ps.setString(2, lastHash);
                Jdbc.setInstant(ps, 3, now);
                ps.setLong(4, count);
                ps.setLong(5, runAnchorId);
                if (ps.executeUpdate() == 1) {
                    return runAnchorId;
                }
            }
            throw new SQLException("audit anchor " + runAnchorId + " disappeared during the purge");
        }
        long id;
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(id), 0) + 1 FROM audit_anchor");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            id = rs.getLong(1);
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_anchor (id, purged_through_seq, last_hash,"
                + " purged_at, purged_count, purged_by) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setLong(2, through);
            ps.setString(3, lastHash);
            Jdbc.setInstant(ps, 4, now);
            ps.setLong(5, count);
            ps.setString(6, by);
            ps.executeUpdate();
        }
        return id;
    }
}
