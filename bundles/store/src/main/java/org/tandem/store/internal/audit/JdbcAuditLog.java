package org.tandem.store.internal.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.api.Page;
import org.tandem.api.audit.AuditEvent;
import org.tandem.api.audit.AuditLog;
import org.tandem.api.audit.AuditQuery;
import org.tandem.api.audit.AuditRecord;
import org.tandem.api.audit.AuditVerification;
import org.tandem.store.internal.jdbc.Jdbc;

/**
 * The audit trail in plain JDBC. Writes go through one writer thread that commits whatever is queued in one
 * transaction (group commit): every caller still waits until its record is durable, but concurrent requests share
 * the fsync instead of queueing for one each.
 */
public final class JdbcAuditLog implements AuditLog, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcAuditLog.class);
    private static final int MAX_BATCH = 200;
    private static final long WRITE_TIMEOUT_SECONDS = 30;
    static final String COLUMNS = "seq, recorded_at, user_name, agency_id, roles, action, object_type,"
            + " object_id, case_id, fields, client_address, outcome, prev_hash, hash";

    private final DataSource dataSource;
    private final Clock clock;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean open = true;

    private record Pending(AuditEvent event, CompletableFuture<AuditRecord> result) {
    }

    public JdbcAuditLog(DataSource dataSource, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.writer = new Thread(this::writeLoop, "tandem-audit-writer");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public AuditRecord record(AuditEvent event) {
        Objects.requireNonNull(event, "event");
        if (!open) {
            throw new IllegalStateException("Audit log closed");
        }
        Pending p = new Pending(fitted(event), new CompletableFuture<>());
        queue.add(p);
        try {
            return p.result().get(WRITE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Audit record not stored: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Audit record not stored within " + WRITE_TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while storing an audit record", e);
        }
    }

    private void writeLoop() {
        List<Pending> batch = new ArrayList<>();
        while (open || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                List<AuditRecord> written = write(batch);
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).result().complete(written.get(i));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                LOG.error("Audit batch of {} record(s) not stored: {}", batch.size(), e.getMessage());
                batch.forEach(p -> p.result().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
        queue.forEach(p -> p.result().completeExceptionally(new IllegalStateException("Audit log closed")));
    }

    private List<AuditRecord> write(List<Pending> batch) {
        List<AuditEvent> events = batch.stream().map(Pending::event).toList();
        return Jdbc.inTransaction(dataSource, "append audit records", c -> {
            lockHead(c);
            return appendLocked(c, Jdbc.toStored(clock.instant()), events);
        });
    }

    /** Locks the head row until commit: appends and purges (on every node) are serialised by it. */
    public static void lockHead(Connection c) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("UPDATE audit_head SET last_seq = last_seq WHERE id = 1")) {
            if (lock.executeUpdate() != 1) {
                throw new SQLException("audit_head has no row: schema V006 incomplete");
            }
        }
    }

    /** Appends the events to the chain in the caller's transaction, which must hold {@link #lockHead}. */
    public static List<AuditRecord> appendLocked(Connection c, Instant now, List<AuditEvent> events) throws SQLException {
        long seq;
        String previous;
        try (PreparedStatement ps = c.prepareStatement("SELECT last_seq, last_hash FROM audit_head WHERE id = 1");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            seq = rs.getLong(1);
            previous = rs.getString(2);
        }
        List<AuditRecord> out = new ArrayList<>(events.size());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_record (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (AuditEvent e : events) {
                seq++;
                String hash = AuditChain.hash(previous, seq, now, e);
                int i = 1;
                ps.setLong(i++, seq);
                Jdbc.setInstant(ps, i++, now);
                for (String v : new String[] {e.user(), e.agencyId(), e.roles(), e.action(), e.objectType(),
                    e.objectId(), e.caseId(), e.fields(), e.clientAddress(), e.outcome()}) {
                    Jdbc.setString(ps, i++, v);
                }
                ps.setString(i++, previous);
                ps.setString(i, hash);
                ps.addBatch();
                out.add(new AuditRecord(seq, now, e, previous, hash));
                previous = hash;
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1")) {
            ps.setLong(1, seq);
            ps.setString(2, previous);
            ps.executeUpdate();
        }
        return out;
    }

    public static AuditEvent fitted(AuditEvent e) {
        return new AuditEvent(AuditChain.fit(e.user(), 100), AuditChain.fit(e.agencyId(), 32),
                AuditChain.fit(e.roles(), 200), AuditChain.fit(e.action(), 200), AuditChain.fit(e.objectType(), 40),
                AuditChain.fit(e.objectId(), 100), AuditChain.fit(e.caseId(), 32), AuditChain.fit(e.fields(), 400),
                AuditChain.fit(e.clientAddress(), 64), AuditChain.fit(e.outcome(), 40));
    }

    @Override
    public Page<AuditRecord> search(AuditQuery q) {
        Objects.requireNonNull(q, "query");
        if (q.agencyId() == null || q.agencyId().isBlank()) {
            throw new IllegalArgumentException("An audit search is always within one agency");
        }
        if (q.page() < 0 || q.size() < 1 || q.size() > Page.MAX_SIZE) {
            throw new IllegalArgumentException("Invalid page " + q.page() + " / size " + q.size());
        }
        StringBuilder where = new StringBuilder(" WHERE agency_id = ?");
        List<Object> params = new ArrayList<>(List.of(q.agencyId()));
        if (q.caseId() != null) {
            where.append(" AND case_id = ?");
            params.add(q.caseId());
        }
        if (q.user() != null) {
            where.append(" AND user_name = ?");
            params.add(q.user());
        }
        if (q.from() != null) {
            where.append(" AND recorded_at >= ?");
            params.add(q.from());
        }
        if (q.to() != null) {
            where.append(" AND recorded_at < ?");
            params.add(q.to());
        }
        return Jdbc.withConnection(dataSource, "search audit", c -> {
            long total;
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM audit_record" + where)) {
                bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<AuditRecord> items = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM audit_record" + where
                    + " ORDER BY seq DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
                int next = bind(ps, params);
                ps.setLong(next++, (long) q.page() * q.size());
                ps.setInt(next, q.size());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(read(rs));
                    }
                }
            }
            return new Page<>(items, q.page(), q.size(), total);
        });
    }

    private static int bind(PreparedStatement ps, List<Object> params) throws SQLException {
        int i = 1;
        for (Object p : params) {
            if (p instanceof Instant t) {
                Jdbc.setInstant(ps, i++, t);
            } else {
                ps.setString(i++, (String) p);
            }
        }
        return i;
    }

    static AuditRecord read(ResultSet rs) throws SQLException {
        AuditEvent e = new AuditEvent(rs.getString("user_name"), rs.getString("agency_id"), rs.getString("roles"),
                rs.getString("action"), rs.getString("object_type"), rs.getString("object_id"),
                rs.getString("case_id"), rs.getString("fields"), rs.getString("client_address"),
                rs.getString("outcome"));
        return new AuditRecord(rs.getLong("seq"), Jdbc.getInstant(rs, "recorded_at"), e, rs.getString("prev_hash"),
                rs.getString("hash"));
    }

    /**
     * Streams the chain in sequence order from the latest purge anchor (or from genesis), then checks the head
     * points at its end. A record deleted at the start without an anchor is as missing as one in the middle.
     */
    @Override
    public AuditVerification verify() {
        return Jdbc.withConnection(dataSource, "verify audit chain", c -> {
            AuditVerification v = null;
            // a purge or an append committed while reading makes the chain look cut: read it again then
            for (int attempt = 0; attempt < 3; attempt++) {
                long headBefore = headSeq(c);
                Anchor anchorBefore = Anchor.latest(c);
                v = verifyOnce(c);
                if (v.intact() || (headSeq(c) == headBefore && Anchor.latest(c).equals(anchorBefore))) {
                    return v;
                }
            }
            return v;
        });
    }

    private static long headSeq(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT last_seq FROM audit_head WHERE id = 1");
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }

    private static AuditVerification verifyOnce(Connection c) throws SQLException {
        Anchor anchor = Anchor.latest(c);
        String expectedPrevious = anchor.lastHash();
        long expectedSeq = anchor.throughSeq() + 1;
        long checked = 0;
        // a purge anchor counts only when the chain itself names it (the purge's AUDIT_PURGED record, written in
        // the transaction that moved the anchor): an anchor row added by hand does not hide deleted records
        boolean attested = anchor.id() == 0;
        String attestation = JdbcAuditPurge.attestation(anchor.throughSeq(), anchor.lastHash());
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                + " FROM audit_record WHERE seq > ? ORDER BY seq")) {
            ps.setLong(1, anchor.throughSeq());
            ps.setFetchSize(500);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    AuditRecord r = read(rs);
                    String mismatch = AuditChain.mismatch(r, expectedSeq, expectedPrevious);
                    if (mismatch != null) {
                        return new AuditVerification(false, checked, expectedSeq,
                                mismatch + anchor.describe());
                    }
                    if (!attested && JdbcAuditPurge.ACTION.equals(r.event().action()) && r.event().fields() != null
                            && r.event().fields().contains(attestation)) {
                        attested = true;
                    }
                    expectedPrevious = r.hash();
                    expectedSeq++;
                    checked++;
                }
            }
        }
        long last = expectedSeq - 1;
        try (PreparedStatement ps = c.prepareStatement("SELECT last_seq, last_hash FROM audit_head WHERE id = 1");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            if (rs.getLong(1) != last || !rs.getString(2).equals(expectedPrevious)) {
                return new AuditVerification(false, checked, last + 1,
                        "the chain ends at record " + last + " but " + rs.getLong(1) + " were written"
                                + " (records removed from the end)" + anchor.describe());
            }
        }
        if (!attested) {
            return new AuditVerification(false, checked, anchor.throughSeq(), "the purge anchor at record "
                    + anchor.throughSeq() + " is not named by any " + JdbcAuditPurge.ACTION + " record of the chain"
                    + " (anchor added or changed outside a purge: records before it may have been removed)");
        }
        return new AuditVerification(true, checked, -1, "verified " + checked + " record(s) from "
                + (anchor.throughSeq() == 0 ? "genesis" : "anchor seq " + anchor.throughSeq())
                + ", chain intact");
    }

    @Override
    public void close() {
        open = false;
        try {
            writer.join(TimeUnit.SECONDS.toMillis(WRITE_TIMEOUT_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
