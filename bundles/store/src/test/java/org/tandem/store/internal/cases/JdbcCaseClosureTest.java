package org.tandem.store.internal.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.api.TandemTopics;
import org.tandem.api.cases.CaseQuery;
import org.tandem.api.cases.CaseStatus;
import org.tandem.api.cases.CaseStatusConflictException;
import org.tandem.api.cases.VictimCase;
import org.tandem.store.internal.migration.SchemaMigrator;
import org.tandem.store.testing.TestCases;
import org.tandem.store.testing.TestDatabase;

/** Closing and reopening cases on a real database (schema V009). */
class JdbcCaseClosureTest {

    private static final String AGENCY = "TX0000000";
    private static final String OTHER_AGENCY = "TX9999999";
    private static final Instant T0 = Instant.parse("2026-11-25T14:03:07.123Z");

    @TempDir
    Path tempDir;

    private TestDatabase db;
    private JdbcCaseRepository repository;

    @BeforeEach
    void setUp() {
        db = TestDatabase.create(tempDir);
        new SchemaMigrator(db.dataSource()).migrate();
        repository = new JdbcCaseRepository(db.dataSource());
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void closeSetsStatusAndTimeJournalsTheEventAndReopenClearsThem() throws SQLException {
        VictimCase c = TestCases.sample(AGENCY, T0);
        repository.insert(c);
        Instant at = T0.plusSeconds(3600);

        VictimCase closed = repository.close(AGENCY, c.id(), "supervisor.kim", "services completed", at);

        assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(closed.closedAt()).isEqualTo(at);
        assertThat(closed.updatedAt()).isEqualTo(at);
        assertThat(closed.persons()).hasSize(2);
        assertThat(repository.find(AGENCY, c.id()).orElseThrow()).isEqualTo(closed);
        assertThat(repository.search(new CaseQuery(AGENCY, CaseStatus.CLOSED, null, 0, 10)).items())
                .extracting(VictimCase::id).containsExactly(c.id());
        assertThat(repository.search(new CaseQuery(AGENCY, CaseStatus.OPEN, null, 0, 10)).items()).isEmpty();
        assertThat(column(c.id(), "close_reason")).isEqualTo("services completed");
        assertThat(column(c.id(), "closed_by")).isEqualTo("supervisor.kim");
        assertThat(topics()).containsExactly(TandemTopics.CASE_OPENED, TandemTopics.CASE_CLOSED);

        VictimCase reopened = repository.reopen(AGENCY, c.id(), "supervisor.kim", at.plusSeconds(60));

        assertThat(reopened.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(reopened.closedAt()).isNull();
        assertThat(column(c.id(), "close_reason")).isNull();
        assertThat(column(c.id(), "closed_by")).isNull();
    }

    @Test
    void conflictsAndOtherAgenciesChangeNothing() throws SQLException {
        VictimCase c = TestCases.sample(AGENCY, T0);
        repository.insert(c);

        assertThatThrownBy(() -> repository.reopen(AGENCY, c.id(), "supervisor.kim", T0))
                .isInstanceOf(CaseStatusConflictException.class);
        assertThatThrownBy(() -> repository.close(OTHER_AGENCY, c.id(), "x", "y", T0))
                .isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> repository.close(AGENCY, "nosuchcase", "x", "y", T0))
                .isInstanceOf(NoSuchElementException.class);
        assertThat(repository.find(AGENCY, c.id()).orElseThrow()).isEqualTo(c);

        VictimCase closed = repository.close(AGENCY, c.id(), "officer.jones", "done", T0.plusSeconds(1));
        assertThatThrownBy(() -> repository.close(AGENCY, c.id(), "officer.jones", "again", T0.plusSeconds(2)))
                .isInstanceOf(CaseStatusConflictException.class)
                .satisfies(e -> assertThat(((CaseStatusConflictException) e).status()).isEqualTo(CaseStatus.CLOSED));
        assertThatThrownBy(() -> repository.reopen(OTHER_AGENCY, c.id(), "x", T0))
                .isInstanceOf(NoSuchElementException.class);
        assertThat(repository.find(AGENCY, c.id()).orElseThrow()).isEqualTo(closed);
        assertThat(column(c.id(), "close_reason")).isEqualTo("done");
        assertThat(topics()).containsExactly(TandemTopics.CASE_OPENED, TandemTopics.CASE_CLOSED);
    }

    private String column(String caseId, String column) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT " + column + " FROM victim_case WHERE id = ?")) {
            ps.setString(1, caseId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private List<String> topics() throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT topic FROM event_journal ORDER BY seq");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
