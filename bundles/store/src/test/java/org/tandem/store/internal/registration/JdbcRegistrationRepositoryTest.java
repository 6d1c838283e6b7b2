package org.tandem.store.internal.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.api.Ids;
import org.tandem.api.Page;
import org.tandem.api.cases.VictimCase;
import org.tandem.api.registration.Registration;
import org.tandem.store.internal.cases.JdbcCaseRepository;
import org.tandem.store.internal.migration.SchemaMigrator;
import org.tandem.store.testing.TestCases;
import org.tandem.store.testing.TestDatabase;

class JdbcRegistrationRepositoryTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final String AGENCY = "TX0000000";

    @TempDir
    Path tempDir;

    private TestDatabase db;
    private JdbcRegistrationRepository repository;
    private VictimCase case1;
    private VictimCase case2;

    @BeforeEach
    void setUp() {
        db = TestDatabase.create(tempDir);
        new SchemaMigrator(db.dataSource()).migrate();
        repository = new JdbcRegistrationRepository(db.dataSource());
        JdbcCaseRepository cases = new JdbcCaseRepository(db.dataSource());
        case1 = TestCases.sample(AGENCY, T0);
        case2 = TestCases.sample("TX9999999", T0);
        cases.insert(case1);
        cases.insert(case2);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private Registration registration(VictimCase c, int person, String offender, Instant at) {
        return new Registration(Ids.newId(), c.agencyId(), c.id(), c.persons().get(person).id(), offender, "officer",
                at, null);
    }

    @Test
    void matchesOffenderRegistrationsAcrossAgenciesAndCaseRegistrationsOfTheNamedCase() {
        Registration victimForOffender = registration(case1, 0, "SID-1", T0);
        Registration motherForCase = registration(case1, 1, null, T0.plusSeconds(1));
        Registration otherAgencyForOffender = registration(case2, 0, "SID-1", T0.plusSeconds(2));
        Registration otherOffender = registration(case1, 1, "SID-2", T0.plusSeconds(3));
        for (Registration r : new Registration[] {victimForOffender, motherForCase, otherAgencyForOffender, otherOffender}) {
            repository.insert(r);
        }

        assertThat(repository.activeMatching("SID-1", null))
                .containsExactlyInAnyOrder(victimForOffender, otherAgencyForOffender);
        assertThat(repository.activeMatching("SID-1", case1.id()))
                .containsExactlyInAnyOrder(victimForOffender, motherForCase, otherAgencyForOffender);
        assertThat(repository.activeMatching(null, case1.id())).containsExactly(motherForCase);
        assertThat(repository.activeMatching(null, null)).isEmpty();
    }

    @Test
    void cancelledRegistrationsNoLongerMatchAndReadsAreScopedToTheAgency() {
        Registration r = registration(case1, 0, "SID-1", T0);
        repository.insert(r);

        assertThat(repository.findActive(AGENCY, case1.id(), r.personId(), "SID-1")).contains(r);
        assertThat(repository.find("TX9999999", r.id())).isEmpty();
        assertThat(repository.cancel("TX9999999", r.id(), T0.plusSeconds(5))).isFalse();
        assertThat(repository.cancel(AGENCY, r.id(), T0.plusSeconds(5))).isTrue();
        assertThat(repository.cancel(AGENCY, r.id(), T0.plusSeconds(6))).isFalse();

        assertThat(repository.activeMatching("SID-1", null)).isEmpty();
        assertThat(repository.findActive(AGENCY, case1.id(), r.personId(), "SID-1")).isEmpty();
        assertThat(repository.find(AGENCY, r.id()).orElseThrow().cancelledAt()).isEqualTo(T0.plusSeconds(5));
    }

    @Test
    void listsACasesRegistrationsPaged() {
        for (int i = 0; i < 3; i++) {
            repository.insert(registration(case1, i % 2, "SID-" + i, T0.plusSeconds(i)));
        }

        Page<Registration> page = repository.listForCase(AGENCY, case1.id(), 1, 2);
        assertThat(page.total()).isEqualTo(3);
        assertThat(page.items()).extracting(Registration::offenderId).containsExactly("SID-2");
        assertThat(repository.listForCase("TX9999999", case1.id(), 0, 20).total()).isZero();
    }
}
