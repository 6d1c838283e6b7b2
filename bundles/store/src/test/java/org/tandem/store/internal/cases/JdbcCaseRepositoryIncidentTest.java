package org.tandem.store.internal.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.api.Ids;
import org.tandem.api.cases.CaseStatus;
import org.tandem.api.cases.Channel;
import org.tandem.api.cases.ContactPreferences;
import org.tandem.api.cases.Person;
import org.tandem.api.cases.PersonRole;
import org.tandem.api.cases.VictimCase;
import org.tandem.store.internal.migration.SchemaMigrator;
import org.tandem.store.testing.TestCases;
import org.tandem.store.testing.TestDatabase;

/** Lookup by incident and supplemental persons (the RMS adapter's needs). */
class JdbcCaseRepositoryIncidentTest {

    private static final String AGENCY = "TX0000000";
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
    void findsTheOldestCaseOfTheAgencyForOriAndIncidentNumber() {
        VictimCase older = TestCases.sample(AGENCY, T0, CaseStatus.OPEN, "2026-000777");
        VictimCase newer = TestCases.sample(AGENCY, T0.plusSeconds(60), CaseStatus.OPEN, "2026-000777");
        VictimCase otherNumber = TestCases.sample(AGENCY, T0.minusSeconds(60), CaseStatus.OPEN, "2026-000778");
        VictimCase otherAgency = TestCases.sample("TX9999999", T0.minusSeconds(120), CaseStatus.OPEN, "2026-000777");
        List.of(newer, older, otherNumber, otherAgency).forEach(repository::insert);

        assertThat(repository.findByIncident(AGENCY, "TX0000000", "2026-000777")).contains(older);
        assertThat(repository.findByIncident(AGENCY, "TX1111111", "2026-000777")).isEmpty();
        assertThat(repository.findByIncident("TX9999999", "TX0000000", "2026-000777")).contains(otherAgency);
        assertThat(repository.findByIncident(AGENCY, "TX0000000", "2026-000779")).isEmpty();
        assertThat(repository.findByIncident(null, "TX0000000", "2026-000777")).isEmpty();
    }

    @Test
    void addedPersonsFollowTheExistingOnesWithTheirChannelsAndTheCaseIsTouched() {
        VictimCase stored = TestCases.sample(AGENCY, T0);
        repository.insert(stored);
        Person witness = new Person(Ids.newId(), PersonRole.WITNESS, null, "Robert", "King", null, "en",
                new ContactPreferences("rking@example.org", null, List.of(Channel.EMAIL, Channel.LETTER), null, false,
                        true, null));
        Person brother = new Person(Ids.newId(), PersonRole.SECONDARY_VICTIM, "BROTHER", "Luis", "Lopez", null, "es",
                ContactPreferences.none());
        Instant later = T0.plusSeconds(3600);

        repository.addPersons(AGENCY, stored.id(), List.of(witness, brother), later);

        VictimCase read = repository.find(AGENCY, stored.id()).orElseThrow();
        assertThat(read.persons()).extracting(Person::givenName).containsExactly("Maria", "Ana", "Robert", "Luis");
        assertThat(read.persons().get(2)).isEqualTo(witness);
        assertThat(read.persons().get(3)).isEqualTo(brother);
        assertThat(read.updatedAt()).isEqualTo(later);
        assertThat(read.createdAt()).isEqualTo(stored.createdAt());
        assertThat(db.count("person_channel")).isEqualTo(6);
    }

    @Test
    void addingToAnotherAgencysCaseFailsAndStoresNothing() {
        VictimCase stored = TestCases.sample(AGENCY, T0);
        repository.insert(stored);
        Person witness = new Person(Ids.newId(), PersonRole.WITNESS, null, "Robert", null, null, null, null);

        assertThatThrownBy(() -> repository.addPersons("TX9999999", stored.id(), List.of(witness), T0))
                .isInstanceOf(NoSuchElementException.class);
        assertThat(db.count("case_person")).isEqualTo(2);
        assertThat(repository.find(AGENCY, stored.id()).orElseThrow().updatedAt()).isEqualTo(stored.updatedAt());
    }

    @Test
    void aFailingInsertRollsBackTheWholeAddition() {
        VictimCase stored = TestCases.sample(AGENCY, T0);
        repository.insert(stored);
        Person ok = new Person(Ids.newId(), PersonRole.WITNESS, null, "Robert", null, null, null, null);
        Person duplicateId = new Person(stored.persons().get(0).id(), PersonRole.WITNESS, null, "Dup", null, null, null,
                null);

        assertThatThrownBy(() -> repository.addPersons(AGENCY, stored.id(), List.of(ok, duplicateId), T0.plusSeconds(5)))
                .isInstanceOf(RuntimeException.class);
        assertThat(repository.find(AGENCY, stored.id())).contains(stored);
    }
}
