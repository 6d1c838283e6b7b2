package org.tandem.store.internal.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.api.Ids;
import org.tandem.api.audit.AuditQuery;
import org.tandem.api.audit.AuditRecord;
import org.tandem.api.cases.CasePurge;
import org.tandem.api.cases.CaseStatus;
import org.tandem.api.cases.Person;
import org.tandem.api.cases.VictimCase;
import org.tandem.store.internal.audit.JdbcAuditLog;
import org.tandem.store.internal.cases.JdbcCaseRepository;
import org.tandem.store.internal.migration.SchemaMigrator;
import org.tandem.store.testing.MutableClock;
import org.tandem.store.testing.TestCases;
import org.tandem.store.testing.TestDatabase;

/**
 * The closed-case retention purge on a real database (Derby, or PostgreSQL with -Dtandem.test.db=postgresql) with a
 * clock the test moves: a case closed longer than the retention goes with every row in every table that refers to
 * it or its persons; a younger closed case, an old open case and a reopened case stay untouched; each purge is
 * audited and the chain still verifies; a failure half-way through a case leaves all of it in place.
 */
class CaseRetentionTest {

    private static final Instant T0 = Instant.parse("2025-01-10T08:00:00Z");
    private static final Duration RETENTION = Duration.ofDays(2555);
    private static final String AGENCY = "TX0000000";

    @TempDir
    Path tempDir;

    private final MutableClock clock = new MutableClock(T0);
    private TestDatabase db;
    private JdbcCaseRepository cases;
    private JdbcAuditLog audit;

    /** The ids of the rows seeded for one case, to count them whatever the purge did to the rows linking them. */
    private record Seed(String caseId, List<String> personIds, String referralId, String notificationId,
            String noticeId, String codeId) {
    }

    @BeforeEach
    void setUp() throws SQLException {
        db = TestDatabase.create(tempDir);
        new SchemaMigrator(db.dataSource()).migrate();
        cases = new JdbcCaseRepository(db.dataSource());
        audit = new JdbcAuditLog(db.dataSource(), clock);
        insert("INSERT INTO provider (id, name, accepting_referrals, statewide, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)", "prov-1", "Shelter", true, true, T0, T0);
    }

    @AfterEach
    void tearDown() {
        audit.close();
        db.close();
    }

    @Test
    void purgesAnOldClosedCaseWithEveryDependentRowAndKeepsTheOthers() throws SQLException {
        Seed old = seed(T0);
        Seed young = seed(T0);
        Seed open = seed(T0.minus(Duration.ofDays(4000)));
        cases.close(AGENCY, old.caseId(), "supervisor.kim", "services completed", T0);
        cases.close(AGENCY, young.caseId(), "supervisor.kim", "moved away", T0.plus(Duration.ofDays(100)));
        Map<String, Long> oldBefore = counts(old);
        Map<String, Long> youngBefore = counts(young);
        Map<String, Long> openBefore = counts(open);
        Map<String, Long> totalBefore = totals();
        // every table of the purge holds a row of the case before: the test exercises every step
        assertThat(oldBefore).allSatisfy((table, n) -> assertThat(n).as(table).isPositive());

        clock.set(T0.plus(RETENTION).plus(Duration.ofDays(1)));
        CasePurge result = purger().purge(RETENTION, 10, "admin", "admin", "console");

        assertThat(result.purged()).isEqualTo(1);
        assertThat(result.failed()).isZero();
        assertThat(result.rows()).isEqualTo(oldBefore.values().stream().mapToLong(Long::longValue).sum());
        assertThat(counts(old)).allSatisfy((table, n) -> assertThat(n).as(table).isZero());
        assertThat(counts(young)).isEqualTo(youngBefore);
        assertThat(counts(open)).isEqualTo(openBefore);
        Map<String, Long> totalAfter = totals();
        for (String table : totalBefore.keySet()) {
            assertThat(totalAfter.get(table)).as(table).isEqualTo(totalBefore.get(table) - oldBefore.get(table));
        }
        assertThat(db.count("provider")).isEqualTo(1);

        List<AuditRecord> purges = purgeRecords(old.caseId());
        assertThat(purges).hasSize(1);
        assertThat(purges.get(0).event().outcome()).isEqualTo("OK");
        assertThat(purges.get(0).event().user()).isEqualTo("admin");
        assertThat(purges.get(0).event().fields()).contains("rows=" + result.rows()).doesNotContain("Maria", "Lopez");
        assertThat(audit.verify().intact()).isTrue();

        // the young one goes once its own period is over; the open one never
        clock.set(T0.plus(Duration.ofDays(100)).plus(RETENTION).plus(Duration.ofDays(1)));
        assertThat(purger().purge(RETENTION, 10, "system", "system", "scheduler").purged()).isEqualTo(1);
        assertThat(counts(young)).allSatisfy((table, n) -> assertThat(n).as(table).isZero());
        assertThat(counts(open)).isEqualTo(openBefore);
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void aFailureHalfWayLeavesTheWholeCaseAndTheNextCaseIsStillPurged() throws SQLException {
        Seed failing = seed(T0);
        Seed other = seed(T0);
        cases.close(AGENCY, failing.caseId(), "officer.jones", "done", T0);
        cases.close(AGENCY, other.caseId(), "officer.jones", "done", T0.plusSeconds(60));
        Map<String, Long> failingBefore = counts(failing);
        clock.set(T0.plus(RETENTION).plus(Duration.ofDays(1)));

        JdbcCasePurge broken = new JdbcCasePurge(db.dataSource(), audit, clock, (caseId, table) -> {
            if (caseId.equals(failing.caseId()) && table.equals("referral")) {
                throw new SQLException("disk full (test)");
            }
        });
        CasePurge result = broken.purge(RETENTION, 1, "system", "system", "scheduler");

        assertThat(result.purged()).isEqualTo(1);
        assertThat(result.failed()).isEqualTo(1);
        assertThat(counts(failing)).isEqualTo(failingBefore);
        assertThat(counts(other)).allSatisfy((table, n) -> assertThat(n).as(table).isZero());
        assertThat(purgeRecords(failing.caseId())).extracting(r -> r.event().outcome()).containsExactly("FAILED");
        assertThat(audit.verify().intact()).isTrue();

        // the next run takes it
        assertThat(purger().purge(RETENTION, 1, "system", "system", "scheduler").purged()).isEqualTo(1);
        assertThat(counts(failing)).allSatisfy((table, n) -> assertThat(n).as(table).isZero());
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void batchesGoThroughEveryDueCaseAndAReopenedCaseIsKept() throws SQLException {
        List<Seed> due = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Seed s = seed(T0);
            cases.close(AGENCY, s.caseId(), "supervisor.kim", "done", T0.plusSeconds(i % 2));
            due.add(s);
        }
        Seed reopened = seed(T0);
        cases.close(AGENCY, reopened.caseId(), "supervisor.kim", "done", T0);
        cases.reopen(AGENCY, reopened.caseId(), "supervisor.kim", T0.plusSeconds(5));
        Map<String, Long> reopenedBefore = counts(reopened);
        clock.set(T0.plus(RETENTION).plus(Duration.ofDays(1)));

        CasePurge result = purger().purge(RETENTION, 2, "system", "system", "scheduler");

        assertThat(result.purged()).isEqualTo(5);
        for (Seed s : due) {
            assertThat(counts(s)).allSatisfy((table, n) -> assertThat(n).as(table).isZero());
        }
        assertThat(counts(reopened)).isEqualTo(reopenedBefore);
        assertThat(cases.find(AGENCY, reopened.caseId()).orElseThrow().status()).isEqualTo(CaseStatus.OPEN);
    }

    @Test
    void nothingIsPurgedBeforeTheRetentionOrWhenDisabledAndTheRunIsAudited() throws SQLException {
        Seed s = seed(T0);
        cases.close(AGENCY, s.caseId(), "supervisor.kim", "done", T0);
        Map<String, Long> before = counts(s);

        clock.set(T0.plus(RETENTION).minus(Duration.ofDays(1)));
        assertThat(purger().purge(RETENTION, 10, "admin", "admin", "console").purged()).isZero();
        CaseRetentionService service = new CaseRetentionService(purger());
        try {
            assertThat(service.configure(10, 24, 100)).isFalse();
            assertThat(service.retention()).contains(Duration.ofDays(CaseRetentionService.DEFAULT_RETENTION_DAYS));
            assertThat(service.configure(0, 24, 100)).isTrue();
            assertThat(service.retention()).isEmpty();
            clock.set(T0.plus(Duration.ofDays(100_000)));
            assertThat(service.purge("admin", "admin", "console").purged()).isZero();
        } finally {
            service.close();
        }
        assertThat(counts(s)).isEqualTo(before);
        List<String> outcomes = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT outcome FROM audit_record WHERE action = ? ORDER BY seq")) {
            ps.setString(1, JdbcCasePurge.ACTION);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    outcomes.add(rs.getString(1));
                }
            }
        }
        assertThat(outcomes).containsExactlyInAnyOrder("OK", "DISABLED");
    }

    @Test
    void theScheduleRunsThePurgeByItselfAsSystem() throws SQLException {
        Seed s = seed(T0);
        cases.close(AGENCY, s.caseId(), "supervisor.kim", "done", T0);
        clock.set(T0.plus(RETENTION).plus(Duration.ofDays(1)));
        CaseRetentionService service = new CaseRetentionService(purger());
        try {
            assertThat(service.configure(2555, 24, 100)).isTrue();
            service.schedule(Duration.ofMillis(10), Duration.ofHours(1));

            await().atMost(Duration.ofSeconds(20)).until(() -> counts(s).get("victim_case") == 0);
            List<AuditRecord> purges = purgeRecords(s.caseId());
            assertThat(purges).hasSize(1);
            assertThat(purges.get(0).event().user()).isEqualTo("system");
            assertThat(purges.get(0).event().clientAddress()).isEqualTo("scheduler");
            assertThat(counts(s)).allSatisfy((table, n) -> assertThat(n).as(table).isZero());
        } finally {
            service.close();
        }
    }

    /** A table added later with a case or person column must be added to the purge (or this test explained). */
    @Test
    void theStepsCoverEveryTableThatRefersToACaseOrAPerson() throws SQLException {
        Set<String> referring = new TreeSet<>();
        try (Connection c = db.dataSource().getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            try (ResultSet rs = meta.getColumns(null, c.getSchema(), "%", "%")) {
                while (rs.next()) {
                    String column = rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT);
                    if (Set.of("case_id", "person_id", "notice_id", "notification_id", "referral_id")
                            .contains(column)) {
                        referring.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        // the audit trail is kept on purpose (ids only, no victim data)
        referring.remove("audit_record");
        Set<String> purged = JdbcCasePurge.STEPS.stream().map(JdbcCasePurge.Step::table).collect(Collectors.toSet());
        assertThat(referring).isNotEmpty();
        assertThat(purged).containsAll(referring);
    }

    // ------------------------------------------------------------------ fixtures

    private JdbcCasePurge purger() {
        return new JdbcCasePurge(db.dataSource(), audit, clock);
    }

    private List<AuditRecord> purgeRecords(String caseId) {
        return audit.search(new AuditQuery(AGENCY, caseId, null, null, null, 0, 100)).items().stream()
                .filter(r -> r.event().action().equals(JdbcCasePurge.ACTION)).toList();
    }

    /** A case with two persons and a row in every table that can refer to a case or a person. */
    private Seed seed(Instant createdAt) throws SQLException {
        VictimCase c = TestCases.sample(AGENCY, createdAt, CaseStatus.OPEN, "2025-" + Ids.newId().substring(0, 6));
        cases.insert(c);
        List<String> persons = c.persons().stream().map(Person::id).toList();
        String caseId = c.id();
        String p = persons.get(0);
        String consent = Ids.newId();
        String referral = Ids.newId();
        String notification = Ids.newId();
        String notice = Ids.newId();
        String code = Ids.newId();
        insert("INSERT INTO consent (id, case_id, person_id, scope, recipient_kind, recipient_id, purpose, form, items,"
                + " granted_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", consent, caseId, p,
                "SHARE_WITH_PROVIDER", "PROVIDER", "prov-1", "referral", "WRITTEN", "NAME", createdAt, "advocate");
        insert("INSERT INTO referral (id, case_id, agency_id, person_id, provider_id, consent_id, status, urgency,"
                + " created_by, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                referral, caseId, AGENCY, p, "prov-1", consent, "SENT", "ROUTINE", "advocate", createdAt, createdAt, 1);
        insert("INSERT INTO referral_service (referral_id, position, category) VALUES (?, ?, ?)", referral, 0,
                "SHELTER");
        insert("INSERT INTO referral_transition (referral_id, seq, to_status, changed_at, by_user) VALUES"
                + " (?, ?, ?, ?, ?)", referral, 0, "DRAFT", createdAt, "advocate");
        insert("INSERT INTO notification (id, idempotency_key, agency_id, case_id, person_id, recipient_type,"
                + " event_type, event_id, template, language_fallback, state, attempts, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", notification, "k-" + notification, AGENCY,
                caseId, p, "PERSON", "CASE_OPENED", caseId, "case-opened", false, "SENT", 1, createdAt, createdAt);
        insert("INSERT INTO notification_param (notification_id, name, param_value) VALUES (?, ?, ?)",
                notification, "caseId", caseId);
        insert("INSERT INTO notification_attempt (notification_id, seq, attempted_at, outcome) VALUES (?, ?, ?, ?)",
                notification, 1, createdAt, "SENT");
        insert("INSERT INTO registration (id, agency_id, case_id, person_id, created_by, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)", Ids.newId(), AGENCY, caseId, persons.get(1), "advocate", createdAt);
        insert("INSERT INTO compensation_claim (id, agency_id, case_id, person_id, status, attempts, created_by,"
                + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", Ids.newId(), AGENCY, caseId, p,
                "DELIVERED", 1, "advocate", createdAt, createdAt);
        insert("INSERT INTO notice (id, notice_key, agency_id, case_id, person_id, recipient_type, event_type,"
                + " event_id, urgency, state, first_notification_id, rounds, expires_at, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", notice, "n-" + notice, AGENCY, caseId, p,
                "PERSON", "CUSTODY", "ev-" + notice, "URGENT", "CONFIRMED", notification, 1, createdAt, createdAt,
                createdAt);
        insert("INSERT INTO confirmation_code (id, secret_hash, kind, notice_id, notification_id, channel,"
                + " created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", code, "h-" + code, "LINK", notice,
                notification, "EMAIL", createdAt, createdAt);
        insert("INSERT INTO person_pin (person_id, pin_hash, set_by, set_at) VALUES (?, ?, ?, ?)", p, "pbkdf2",
                "advocate", createdAt);
        insert("INSERT INTO case_advocate (case_id, agency_id, user_name, assigned_by, assigned_at)"
                + " VALUES (?, ?, ?, ?, ?)", caseId, AGENCY, "advocate", "supervisor.kim", createdAt);
        insert("INSERT INTO followup_task (id, task_key, agency_id, case_id, person_id, notice_id, kind, state,"
                + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", Ids.newId(), "t-" + notice, AGENCY, caseId,
                persons.get(1), notice, "UNCONFIRMED", "OPEN", createdAt);
        return new Seed(caseId, persons, referral, notification, notice, code);
    }

    /** Rows of the seeded case in every table of the purge, found by the ids seeded (not through the links). */
    private Map<String, Long> counts(Seed s) throws SQLException {
        String caseId = "'" + s.caseId() + "'";
        String persons = s.personIds().stream().map(id -> "'" + id + "'").collect(Collectors.joining(", ", "(", ")"));
        String byCaseOrPerson = "case_id = " + caseId + " OR person_id IN " + persons;
        Map<String, String> where = new LinkedHashMap<>();
        where.put("confirmation_code", "id = '" + s.codeId() + "'");
        where.put("followup_task", byCaseOrPerson);
        where.put("notice", byCaseOrPerson);
        where.put("notification_attempt", "notification_id = '" + s.notificationId() + "'");
        where.put("notification_param", "notification_id = '" + s.notificationId() + "'");
        where.put("notification", byCaseOrPerson);
        where.put("registration", byCaseOrPerson);
        where.put("compensation_claim", byCaseOrPerson);
        where.put("referral_service", "referral_id = '" + s.referralId() + "'");
        where.put("referral_transition", "referral_id = '" + s.referralId() + "'");
        where.put("referral", byCaseOrPerson);
        where.put("consent", byCaseOrPerson);
        where.put("person_pin", "person_id IN " + persons);
        where.put("case_advocate", "case_id = " + caseId);
        where.put("person_channel", "person_id IN " + persons);
        where.put("case_person", "case_id = " + caseId);
        where.put("case_need", "case_id = " + caseId);
        where.put("case_offense", "case_id = " + caseId);
        where.put("victim_case", "id = " + caseId);
        assertThat(where.keySet()).containsExactlyInAnyOrderElementsOf(
                JdbcCasePurge.STEPS.stream().map(JdbcCasePurge.Step::table).toList());
        Map<String, Long> out = new LinkedHashMap<>();
        try (Connection c = db.dataSource().getConnection()) {
            for (Map.Entry<String, String> e : where.entrySet()) {
                try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + e.getKey() + " WHERE "
                        + e.getValue()); ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    out.put(e.getKey(), rs.getLong(1));
                }
            }
        }
        return out;
    }

    private Map<String, Long> totals() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (JdbcCasePurge.Step step : JdbcCasePurge.STEPS) {
            out.put(step.table(), db.count(step.table()));
        }
        return out;
    }

    private void insert(String sql, Object... params) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                Object v = params[i];
                if (v instanceof Instant instant) {
                    org.tandem.store.internal.jdbc.Jdbc.setInstant(ps, i + 1, instant);
                } else {
                    ps.setObject(i + 1, v);
                }
            }
            ps.executeUpdate();
        }
    }
}
