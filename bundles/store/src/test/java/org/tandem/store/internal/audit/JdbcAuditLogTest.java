package org.tandem.store.internal.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.api.Page;
import org.tandem.api.audit.AuditEvent;
import org.tandem.api.audit.AuditQuery;
import org.tandem.api.audit.AuditRecord;
import org.tandem.api.audit.AuditVerification;
import org.tandem.store.internal.migration.SchemaMigrator;
import org.tandem.store.testing.TestDatabase;

/** The audit trail on a real Derby database: chained, durable per call, tamper-evident, agency-scoped search. */
class JdbcAuditLogTest {

    @TempDir
    Path tempDir;

    private TestDatabase db;
    private JdbcAuditLog audit;

    @BeforeEach
    void setUp() {
        db = TestDatabase.create(tempDir);
        new SchemaMigrator(db.dataSource()).migrate();
        audit = new JdbcAuditLog(db.dataSource(), Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        audit.close();
        db.close();
    }

    private static AuditEvent read(String user, String agency, String caseId, String outcome) {
        return new AuditEvent(user, agency, "officer", "GET /cases/{id}", "case", caseId, caseId, "persons",
                "10.0.0.7", outcome);
    }

    @Test
    void recordsAreChainedAndTheChainVerifies() {
        AuditRecord first = audit.record(read("officer", "PD-DEMO", "c1", "200"));
        AuditRecord second = audit.record(read("officer2", "SO-DEMO", "c1", "404"));

        assertThat(first.sequence()).isEqualTo(1);
        assertThat(first.previousHash()).isEqualTo("0".repeat(64));
        assertThat(second.previousHash()).isEqualTo(first.hash());
        assertThat(second.hash()).hasSize(64).isNotEqualTo(first.hash());
        assertThat(db.count("audit_record")).as("durable when record returns").isEqualTo(2);
        AuditVerification v = audit.verify();
        assertThat(v.intact()).as(v.detail()).isTrue();
        assertThat(v.checked()).isEqualTo(2);
    }

    @Test
    void aChangedRecordIsFound() {
        for (int i = 0; i < 5; i++) {
            audit.record(read("officer", "PD-DEMO", "c" + i, "200"));
        }
        db.execute("UPDATE audit_record SET outcome = '404' WHERE seq = 3");

        AuditVerification v = audit.verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBroken()).isEqualTo(3);
        assertThat(v.detail()).contains("changed");
    }

    @Test
    void aRemovedRecordInTheMiddleOrAtTheEndIsFound() {
        for (int i = 0; i < 4; i++) {
            audit.record(read("officer", "PD-DEMO", "c" + i, "200"));
        }
        db.execute("DELETE FROM audit_record WHERE seq = 4");
        AuditVerification end = audit.verify();
        assertThat(end.intact()).isFalse();
        assertThat(end.detail()).contains("removed from the end");

        db.execute("DELETE FROM audit_record WHERE seq = 2");
        AuditVerification middle = audit.verify();
        assertThat(middle.intact()).isFalse();
        assertThat(middle.firstBroken()).isEqualTo(2);
    }

    @Test
    void aRecomputedHashDoesNotHideAChangeFromTheNextLink() {
        for (int i = 0; i < 3; i++) {
            audit.record(read("officer", "PD-DEMO", "c" + i, "200"));
        }
        // an attacker who changes record 2 and recomputes its own hash still breaks record 3's link
        AuditRecord r2 = audit.search(new AuditQuery("PD-DEMO", "c1", null, null, null, 0, 10)).items().get(0);
        AuditEvent forged = read("officer", "PD-DEMO", "c1", "403");
        String forgedHash = AuditChain.hash(r2.previousHash(), 2, r2.recordedAt(), forged);
        db.execute("UPDATE audit_record SET outcome = '403', hash = '" + forgedHash + "' WHERE seq = 2");

        AuditVerification v = audit.verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBroken()).isEqualTo(3);
    }

    @Test
    void concurrentWritersMakeOneUnbrokenChain() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<AuditRecord>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 400; i++) {
                String c = "c" + (i % 10);
                results.add(pool.submit(() -> audit.record(read("officer", "PD-DEMO", c, "200"))));
            }
            Set<Long> seqs = new HashSet<>();
            for (Future<AuditRecord> f : results) {
                seqs.add(f.get(1, TimeUnit.MINUTES).sequence());
            }
            assertThat(seqs).hasSize(400);
        } finally {
            pool.shutdownNow();
        }
        AuditVerification v = audit.verify();
        assertThat(v.intact()).as(v.detail()).isTrue();
        assertThat(v.checked()).isEqualTo(400);
    }

    @Test
    void searchStaysInOneAgencyAndFiltersByCaseUserAndTime() {
        Instant before = Instant.now().minusSeconds(1);
        audit.record(read("officer", "PD-DEMO", "c1", "200"));
        audit.record(read("officer", "PD-DEMO", "c2", "200"));
        audit.record(read("supervisor", "PD-DEMO", "c1", "200"));
        audit.record(read("officer2", "SO-DEMO", "c1", "404"));

        Page<AuditRecord> c1 = audit.search(new AuditQuery("PD-DEMO", "c1", null, null, null, 0, 10));
        assertThat(c1.total()).isEqualTo(2);
        assertThat(c1.items()).extracting(r -> r.event().user()).containsExactly("supervisor", "officer");
        assertThat(audit.search(new AuditQuery("PD-DEMO", null, "officer", null, null, 0, 10)).total()).isEqualTo(2);
        assertThat(audit.search(new AuditQuery("SO-DEMO", null, null, before, null, 0, 10)).items())
                .extracting(r -> r.event().outcome()).containsExactly("404");
        assertThat(audit.search(new AuditQuery("PD-DEMO", null, null, null, before, 0, 10)).total()).isZero();
        assertThatThrownBy(() -> audit.search(new AuditQuery(null, null, null, null, null, 0, 10)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void overlongValuesAreCutNotRefused() {
        AuditRecord r = audit.record(new AuditEvent("u".repeat(500), "PD-DEMO", null, "GET /" + "x".repeat(500),
                null, null, null, null, null, "200"));
        assertThat(r.event().user()).hasSize(100);
        assertThat(audit.verify().intact()).isTrue();
    }
}
