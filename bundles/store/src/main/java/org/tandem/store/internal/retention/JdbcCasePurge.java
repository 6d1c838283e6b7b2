package org.tandem.store.internal.retention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.api.audit.AuditEvent;
import org.tandem.api.audit.AuditLog;
import org.tandem.api.cases.CasePurge;
import org.tandem.api.cases.CaseStatus;
import org.tandem.store.internal.audit.JdbcAuditLog;
import org.tandem.store.internal.jdbc.Jdbc;

/**
 * Deletes CLOSED cases whose {@code closed_at} is older than the retention, with every row that depends on them,
 * one transaction per case: the transaction first re-checks and locks the case row (a case reopened meanwhile is
 * skipped), deletes the dependent rows children first, then the case, and appends the {@code CASE_PURGED} audit
 * record to the chain in the same transaction — a case is gone exactly when its purge is audited. A case whose
 * transaction fails is rolled back entirely, audited as FAILED and left for the next run; the run goes on with the
 * next case. A case's audit record carries the case's agency (not the purging user's, who has none): the agency's
 * supervisors find the purge with {@code GET /audit?case=}. Candidates are read in batches, oldest closing first (keyset paging, so failed cases are not read
 * again in the same run). The audit trail and the event journal (ids only) are not touched.
 */
public final class JdbcCasePurge {

    public static final String ACTION = "CASE_PURGED";
    private static final Logger LOG = LoggerFactory.getLogger(JdbcCasePurge.class);

    private static final String PERSONS = "(SELECT id FROM case_person WHERE case_id = ?)";
    private static final String BY_CASE_OR_PERSON = " WHERE case_id = ? OR person_id IN " + PERSONS;
    private static final String NOTIFICATIONS = "(SELECT id FROM notification" + BY_CASE_OR_PERSON + ")";
    private static final String NOTICES = "(SELECT id FROM notice" + BY_CASE_OR_PERSON + ")";
    private static final String REFERRALS = "(SELECT id FROM referral" + BY_CASE_OR_PERSON + ")";

    /** Every table that holds rows of a case or of its persons, children before parents. Each {@code ?} is the case id. */
    static final List<Step> STEPS = List.of(
            new Step("confirmation_code", "DELETE FROM confirmation_code WHERE notice_id IN " + NOTICES
                    + " OR notification_id IN " + NOTIFICATIONS),
            new Step("followup_task", "DELETE FROM followup_task" + BY_CASE_OR_PERSON),
            new Step("notice", "DELETE FROM notice" + BY_CASE_OR_PERSON),
            new Step("notification_attempt", "DELETE FROM notification_attempt WHERE notification_id IN "
                    + NOTIFICATIONS),
            new Step("notification_param", "DELETE FROM notification_param WHERE notification_id IN "
                    + NOTIFICATIONS),
            new Step("notification", "DELETE FROM notification" + BY_CASE_OR_PERSON),
            new Step("registration", "DELETE FROM registration" + BY_CASE_OR_PERSON),
            new Step("compensation_claim", "DELETE FROM compensation_claim" + BY_CASE_OR_PERSON),
            new Step("referral_service", "DELETE FROM referral_service WHERE referral_id IN " + REFERRALS),
            new Step("referral_transition", "DELETE FROM referral_transition WHERE referral_id IN " + REFERRALS),
            new Step("referral", "DELETE FROM referral" + BY_CASE_OR_PERSON),
            new Step("consent", "DELETE FROM consent" + BY_CASE_OR_PERSON),
            new Step("person_pin", "DELETE FROM person_pin WHERE person_id IN " + PERSONS),
            new Step("case_advocate", "DELETE FROM case_advocate WHERE case_id = ?"),
            new Step("person_channel", "DELETE FROM person_channel WHERE person_id IN " + PERSONS),
            new Step("case_person", "DELETE FROM case_person WHERE case_id = ?"),
            new Step("case_need", "DELETE FROM case_need WHERE case_id = ?"),
            new Step("case_offense", "DELETE FROM case_offense WHERE case_id = ?"),
            new Step("victim_case", "DELETE FROM victim_case WHERE id = ?"));

    /** One DELETE of the purge of a case; every parameter is the case id. */
    record Step(String table, String sql) {
        int parameters() {
            return (int) sql.chars().filter(ch -> ch == '?').count();
        }
    }

    /** Called after each step inside the case's transaction (tests make it fail half-way). */
    @FunctionalInterface
    interface StepListener {
        void afterStep(String caseId, String table) throws SQLException;
    }

    private record Candidate(String id, String agencyId, Instant closedAt) {
    }

    private final DataSource dataSource;
    private final AuditLog audit;
    private final Clock clock;
    private final StepListener listener;
    private volatile boolean stopped;

    public JdbcCasePurge(DataSource dataSource, AuditLog audit, Clock clock) {
        this(dataSource, audit, clock, (caseId, table) -> { });
    }

    JdbcCasePurge(DataSource dataSource, AuditLog audit, Clock clock, StepListener listener) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Purges every case closed before now minus {@code retention}, {@code batchSize} candidates per read.
     *
     * @param retention null: purging is disabled; the run is audited (outcome DISABLED) and deletes nothing
     */
    public CasePurge purge(Duration retention, int batchSize, String purgedBy, String roles, String clientAddress) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive: " + batchSize);
        }
        String by = purgedBy == null || purgedBy.isBlank() ? "unknown" : (purgedBy.length() > 100 ? purgedBy.substring(0, 100) : purgedBy);
        if (retention == null) {
            audit.record(new AuditEvent(by, null, roles, ACTION, "case", null, null, "count=0,retentionDays=0",
                    clientAddress, "DISABLED"));
            LOG.info("Case purge by {}: disabled (caseRetentionDays = 0), nothing deleted", by);
            return new CasePurge(0, 0, null, 0);
        }
        Instant cutoff = Jdbc.toStored(clock.instant().minus(retention));
        long purged = 0;
        long failed = 0;
        long rows = 0;
        Candidate last = null;
        while (!stopped) {
            List<Candidate> batch = candidates(cutoff, last, batchSize);
            for (Candidate candidate : batch) {
                if (stopped) {
                    break;
                }
                try {
                    long deleted = purgeOne(candidate, cutoff, retention, by, roles, clientAddress);
                    if (deleted > 0) {
                        purged++;
                        rows += deleted;
                    }
                } catch (RuntimeException e) {
                    failed++;
                    LOG.error("Case purge by {}: case {} could not be purged (rolled back, left for the next run): {}",
                            by, candidate.id(), e.getMessage(), e);
                    try {
                        audit.record(new AuditEvent(by, candidate.agencyId(), roles, ACTION, "case", candidate.id(),
                                candidate.id(),
                                fields(candidate, cutoff, retention, 0), clientAddress, "FAILED"));
                    } catch (RuntimeException notAudited) {
                        LOG.error("Failed purge of case {} could not be audited: {}", candidate.id(),
                                notAudited.getMessage());
                    }
                }
            }
            if (batch.size() < batchSize) {
                break;
            }
            last = batch.get(batch.size() - 1);
        }
        if (purged == 0 && failed == 0) {
            // nothing deleted, so no case recorded it: the run is audited on its own
            audit.record(new AuditEvent(by, null, roles, ACTION, "case", null, null, "count=0,cutoff=" + cutoff
                    + ",retentionDays=" + retention.toDays(), clientAddress, "OK"));
        }
        LOG.info("Case purge by {}: {} case(s) closed before {} deleted ({} rows), {} failed", by, purged, cutoff,
                rows, failed);
        return new CasePurge(purged, failed, cutoff, rows);
    }

    /** A purge running now stops after its current case (the store is stopping); later ones do nothing. */
    public void stop() {
        stopped = true;
    }

    private static String fields(Candidate c, Instant cutoff, Duration retention, long rows) {
        return "closedAt=" + c.closedAt() + ",cutoff=" + cutoff + ",retentionDays=" + retention.toDays()
                + ",rows=" + rows;
    }

    private List<Candidate> candidates(Instant cutoff, Candidate after, int batchSize) {
        return Jdbc.withConnection(dataSource, "find closed cases to purge", c -> {
            String sql = "SELECT id, agency_id, closed_at FROM victim_case WHERE status = ? AND closed_at < ?"
                    + (after == null ? "" : " AND (closed_at > ? OR (closed_at = ? AND id > ?))")
                    + " ORDER BY closed_at, id OFFSET 0 ROWS FETCH NEXT ? ROWS ONLY";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                ps.setString(i++, CaseStatus.CLOSED.name());
                Jdbc.setInstant(ps, i++, cutoff);
                if (after != null) {
                    Jdbc.setInstant(ps, i++, after.closedAt());
                    Jdbc.setInstant(ps, i++, after.closedAt());
                    ps.setString(i++, after.id());
                }
                ps.setInt(i, batchSize);
                List<Candidate> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Candidate(rs.getString(1), rs.getString(2), Jdbc.getInstant(rs, "closed_at")));
                    }
                }
                return out;
            }
        });
    }

    /** @return rows deleted, 0 when the case is no longer due (reopened or deleted meanwhile) */
    private long purgeOne(Candidate candidate, Instant cutoff, Duration retention, String by, String roles,
            String clientAddress) {
        String id = candidate.id();
        return Jdbc.inTransaction(dataSource, "purge case " + id, c -> {
            // locks the case row and checks it is still due: a case reopened since it was read is kept
            try (PreparedStatement ps = c.prepareStatement("UPDATE victim_case SET updated_at = updated_at"
                    + " WHERE id = ? AND status = ? AND closed_at < ?")) {
                ps.setString(1, id);
                ps.setString(2, CaseStatus.CLOSED.name());
                Jdbc.setInstant(ps, 3, cutoff);
                if (ps.executeUpdate() == 0) {
                    return 0L;
                }
            }
            long rows = 0;
            for (Step step : STEPS) {
                try (PreparedStatement ps = c.prepareStatement(step.sql())) {
                    for (int i = 1; i <= step.parameters(); i++) {
                        ps.setString(i, id);
                    }
                    rows += ps.executeUpdate();
                }
                listener.afterStep(id, step.table());
            }
            // last and in the same transaction: no deletion without its audit record
            appendAudit(c, new AuditEvent(by, candidate.agencyId(), roles, ACTION, "case", id, id,
                    fields(candidate, cutoff, retention, rows), clientAddress, "OK"));
            return rows;
        });
    }

    private void appendAudit(Connection c, AuditEvent event) throws SQLException {
        JdbcAuditLog.lockHead(c);
        JdbcAuditLog.appendLocked(c, Jdbc.toStored(clock.instant()), List.of(JdbcAuditLog.fitted(event)));
    }
}
