package org.tandem.store.internal.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.api.Page;
import org.tandem.api.audit.AuditEvent;
import org.tandem.api.audit.AuditPurge;
import org.tandem.api.audit.AuditQuery;
import org.tandem.api.audit.AuditRecord;
import org.tandem.api.audit.AuditVerification;
import org.tandem.store.internal.migration.SchemaMigrator;
import org.tandem.store.testing.MutableClock;
import org.tandem.store.testing.TestDatabase;

/**
 * Retention on a real database with a clock the test moves: only records older than the retention go, the chain
 * verifies from the purge's anchor, a deletion that is not a purge is still found, and the purge is audited.
 */
class AuditRetentionTest {

    private static final Instant T0 = Instant.parse("2025-01-10T08:00:00Z");
    private static final Duration YEAR = Duration.ofDays(365);

    @TempDir
    Path tempDir;

    private final MutableClock clock = new MutableClock(T0);
    private TestDatabase db;
    private JdbcAuditLog audit;
    private JdbcAuditPurge purger;
    private AuditRetentionService retention;

    @BeforeEach
    void setUp() {
        db = TestDatabase.create(tempDir);
        new SchemaMigrator(db.dataSource()).migrate();
        audit = new JdbcAuditLog(db.dataSource(), clock);
        purger = new JdbcAuditPurge(db.dataSource(), audit, clock);
        retention = new AuditRetentionService(purger);
    }

    @AfterEach
    void tearDown() {
        retention.close();
        audit.close();
        db.close();
    }

    private AuditRecord recordAt(Instant at, String caseId) {
        clock.set(at);
        return audit.record(new AuditEvent("officer", "PD-DEMO", "officer", "GET /cases/{id}", "case", caseId,
                caseId, "persons", "10.0.0.7", "200"));
    }

    /** Records 1..old on day 0 (one a minute), then 'young' records 100 days later; the clock ends a year on. */
    private void history(int old, int young) {
        for (int i = 0; i < old; i++) {
            recordAt(T0.plus(Duration.ofMinutes(i)), "old" + i);
        }
        for (int i = 0; i < young; i++) {
            recordAt(T0.plus(Duration.ofDays(100)).plus(Duration.ofMinutes(i)), "young" + i);
        }
        clock.set(T0.plus(YEAR).plus(Duration.ofDays(1)));
    }

    private List<Long> sequences() {
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT seq FROM audit_record ORDER BY seq");
                ResultSet rs = ps.executeQuery()) {
            List<Long> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertIntact(AuditVerification v) {
        assertThat(v.intact()).as(v.detail()).isTrue();
    }

    @Test
    void recordsOlderThanTheRetentionArePurgedYoungerOnesKeptAndTheChainVerifiesFromTheAnchor() {
        history(5, 3);

        AuditPurge p = retention.purge("admin", "admin", "console");

        assertThat(p.purged()).isEqualTo(5);
        assertThat(p.anchorSequence()).isEqualTo(5);
        assertThat(p.cutoff()).isEqualTo(T0.plus(Duration.ofDays(1)));
        assertThat(p.batches()).isEqualTo(1);
        // 6..8 young, 9 the purge's own record
        assertThat(sequences()).containsExactly(6L, 7L, 8L, 9L);
        assertThat(db.count("audit_anchor")).isEqualTo(1);
        AuditVerification v = audit.verify();
        assertIntact(v);
        assertThat(v.checked()).isEqualTo(4);
        assertThat(v.detail()).contains("verified 4 record(s) from anchor seq 5");

        // a second purge finds nothing more; a year later the rest goes too and the chain still verifies
        assertThat(retention.purge("admin", "admin", "console").purged()).isZero();
        clock.set(clock.instant().plus(YEAR).plus(Duration.ofDays(1)));
        assertThat(retention.purge("system", "system", "scheduler").purged()).isEqualTo(5);
        assertIntact(audit.verify());
        assertThat(audit.verify().detail()).contains("from anchor seq 10");
    }

    @Test
    void thePurgeIsAuditedAndStoresItsAnchor() throws SQLException {
        history(4, 1);

        retention.purge("admin", "admin", "console");

        AuditRecord last = audit.search(new AuditQuery("PD-DEMO", null, null, null, null, 0, 1)).items().get(0);
        assertThat(last.event().caseId()).isEqualTo("young0");
        List<AuditRecord> all = all();
        AuditRecord purge = all.get(all.size() - 1);
        assertThat(purge.sequence()).isEqualTo(6);
        assertThat(purge.event().action()).isEqualTo(JdbcAuditPurge.ACTION);
        assertThat(purge.event().user()).isEqualTo("admin");
        assertThat(purge.event().clientAddress()).isEqualTo("console");
        assertThat(purge.event().outcome()).isEqualTo("OK");
        assertThat(purge.event().fields()).contains("count=4", "through=4", "retentionDays=365",
                ",hash=" + all().get(0).previousHash());
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT purged_through_seq, last_hash, purged_count,"
                        + " purged_by, purged_at FROM audit_anchor");
                ResultSet rs = ps.executeQuery()) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).isEqualTo(4);
            assertThat(rs.getString(2)).hasSize(64);
            assertThat(rs.getLong(3)).isEqualTo(4);
            assertThat(rs.getString(4)).isEqualTo("admin");
            assertThat(rs.next()).isFalse();
        }
    }

    @Test
    void aRecordDeletedBySqlInTheMiddleIsFoundAfterAPurge() {
        history(3, 4);
        retention.purge("admin", "admin", "console");
        assertIntact(audit.verify());

        db.execute("DELETE FROM audit_record WHERE seq = 5");

        AuditVerification v = audit.verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBroken()).isEqualTo(5);
        assertThat(v.detail()).contains("record 5 is missing", "anchor seq 3");
    }

    @Test
    void theOldestRemainingRecordDeletedWithoutMovingTheAnchorIsFound() {
        history(3, 4);
        retention.purge("admin", "admin", "console");

        db.execute("DELETE FROM audit_record WHERE seq = 4");

        AuditVerification v = audit.verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBroken()).isEqualTo(4);
        assertThat(v.detail()).contains("record 4 is missing");
    }

    @Test
    void theFirstRecordDeletedWithoutAnyAnchorIsFound() {
        history(3, 0);

        db.execute("DELETE FROM audit_record WHERE seq = 1");

        AuditVerification v = audit.verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBroken()).isEqualTo(1);
        assertThat(v.detail()).contains("record 1 is missing");
    }

    @Test
    void aPurgeStoppedBetweenBatchesLeavesAVerifiableChainAndTheNextOneFinishes() {
        history(7, 2);

        // batches of 2, stopped after two of them: 4 of the 7 old records gone
        AuditPurge first = purger.purge(YEAR, 2, 2, "admin", "admin", "console");
        assertThat(first.purged()).isEqualTo(4);
        assertThat(first.batches()).isEqualTo(2);
        assertThat(first.anchorSequence()).isEqualTo(4);
        assertThat(db.count("audit_anchor")).as("one anchor row per purge").isEqualTo(1);
        assertIntact(audit.verify());
        assertThat(audit.verify().detail()).contains("from anchor seq 4");

        AuditPurge second = purger.purge(YEAR, 2, "system", "system", "scheduler");
        assertThat(second.purged()).isEqualTo(3);
        assertThat(second.batches()).isEqualTo(2);
        assertThat(second.anchorSequence()).isEqualTo(7);
        assertThat(db.count("audit_anchor")).isEqualTo(2);
        // 8, 9 young; 10..13 the AUDIT_PURGED record of each batch
        assertThat(sequences()).containsExactly(8L, 9L, 10L, 11L, 12L, 13L);
        assertThat(all()).extracting(r -> r.event().action()).endsWith(JdbcAuditPurge.ACTION, JdbcAuditPurge.ACTION,
                JdbcAuditPurge.ACTION, JdbcAuditPurge.ACTION);
        assertIntact(audit.verify());
    }

    @Test
    void aPurgeNeverDeletesATamperedRecordAndIsAuditedAsFailed() {
        history(4, 1);
        db.execute("UPDATE audit_record SET outcome = '404' WHERE seq = 3");

        assertThatThrownBy(() -> purger.purge(YEAR, 1, "admin", "admin", "console"))
                .hasMessageContaining("record 3 was changed");

        // the two intact records before it went (one batch each), the evidence stays
        assertThat(sequences()).startsWith(3L, 4L, 5L);
        AuditRecord failed = all().get(all().size() - 1);
        assertThat(failed.event().action()).isEqualTo(JdbcAuditPurge.ACTION);
        assertThat(failed.event().outcome()).isEqualTo("FAILED");
        assertThat(failed.event().fields()).contains("count=2", "through=2").doesNotContain("hash=");
        AuditVerification v = audit.verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBroken()).isEqualTo(3);
    }

    @Test
    void anAnchorRowAddedBySqlDoesNotHideRecordsDeletedFromTheStart() {
        history(5, 0);
        AuditRecord second = all().get(1);
        db.execute("DELETE FROM audit_record WHERE seq <= 2");
        db.execute("INSERT INTO audit_anchor (id, purged_through_seq, last_hash, purged_at, purged_count, purged_by)"
                + " VALUES (1, 2, '" + second.hash() + "', CURRENT_TIMESTAMP, 2, 'admin')");

        AuditVerification v = audit.verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBroken()).isEqualTo(2);
        assertThat(v.detail()).contains("anchor at record 2 is not named");
    }

    @Test
    void anAnchorMovedBySqlAfterAPurgeIsFound() {
        history(3, 3);
        retention.purge("admin", "admin", "console");
        AuditRecord fourth = all().get(0);
        db.execute("DELETE FROM audit_record WHERE seq = 4");
        db.execute("UPDATE audit_anchor SET purged_through_seq = 4, last_hash = '" + fourth.hash() + "'");

        AuditVerification v = audit.verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.detail()).contains("anchor at record 4 is not named");
    }

    @Test
    void everythingPurgedLeavesAnEmptyChainThatVerifiesAndGrowsOn() {
        history(3, 0);
        retention.purge("admin", "admin", "console");
        clock.set(clock.instant().plus(YEAR).plus(Duration.ofDays(1)));
        retention.purge("admin", "admin", "console");
        assertThat(sequences()).containsExactly(5L);

        recordAt(clock.instant(), "later");

        assertIntact(audit.verify());
        assertThat(audit.verify().detail()).contains("verified 2 record(s) from anchor seq 4");
    }

    @Test
    void aRetentionBelowTheMinimumIsRefusedAndThePreviousValueKept() {
        assertThat(retention.retention()).isEqualTo(Duration.ofDays(365));
        assertThat(retention.configure(90, 12, 500)).isTrue();
        assertThat(retention.retention()).isEqualTo(Duration.ofDays(90));
        assertThat(retention.intervalHours()).isEqualTo(12);
        assertThat(retention.batchSize()).isEqualTo(500);

        assertThat(retention.configure(29, 12, 500)).isFalse();
        assertThat(retention.retention()).isEqualTo(Duration.ofDays(90));
        assertThat(retention.configure(30, 0, 0)).isFalse();
        assertThat(retention.retention()).isEqualTo(Duration.ofDays(30));
        assertThat(retention.intervalHours()).isEqualTo(12);
        assertThat(retention.batchSize()).isEqualTo(500);
    }

    @Test
    void theRetentionInForceDecidesWhatIsPurged() {
        history(2, 2);
        // day 366: with 90 days' retention the records of day 100 are due too
        retention.configure(90, 24, 1000);
        assertThat(retention.purge("admin", "admin", "console").purged()).isEqualTo(4);
        assertIntact(audit.verify());
    }

    @Test
    void theScheduleRunsThePurgeByItself() {
        history(3, 1);

        retention.schedule(Duration.ofMillis(10), Duration.ofHours(1));

        await().atMost(Duration.ofSeconds(20)).until(() -> db.count("audit_anchor") == 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> all().stream()
                .anyMatch(r -> r.event().action().equals(JdbcAuditPurge.ACTION)));
        AuditRecord purge = all().get(all().size() - 1);
        assertThat(purge.event().user()).isEqualTo("system");
        assertThat(purge.event().clientAddress()).isEqualTo("scheduler");
        assertIntact(audit.verify());
    }

    private List<AuditRecord> all() {
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT " + JdbcAuditLog.COLUMNS
                        + " FROM audit_record ORDER BY seq");
                ResultSet rs = ps.executeQuery()) {
            List<AuditRecord> out = new ArrayList<>();
            while (rs.next()) {
                out.add(JdbcAuditLog.read(rs));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
