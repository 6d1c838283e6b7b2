package org.tandem.store.internal.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.api.Page;
import org.tandem.api.cases.CaseQuery;
import org.tandem.api.cases.CaseStatus;
import org.tandem.api.cases.ContactPreferences;
import org.tandem.api.cases.Person;
import org.tandem.api.cases.SafeHours;
import org.tandem.api.cases.VictimCase;
import org.tandem.store.internal.jdbc.StoreException;
import org.tandem.store.internal.migration.SchemaMigrator;
import org.tandem.store.testing.TestCases;
import org.tandem.store.testing.TestDatabase;

class JdbcCaseRepositoryTest {

    private static final String AGENCY = "TX0000000";
    private static final String OTHER_AGENCY = "TX9999999";
    /** Millisecond precision: what the store keeps. */
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
    void insertedCaseReadsBackEqual() {
        VictimCase stored = TestCases.sample(AGENCY, T0);

        repository.insert(stored);

        VictimCase read = repository.find(AGENCY, stored.id()).orElseThrow();
        assertThat(read).isEqualTo(stored);
        // the record equality above covers these; spelled out because order is the point
        assertThat(read.incident().offenses()).containsExactly("90Z", "13A", "11A");
        assertThat(read.persons()).extracting(Person::givenName).containsExactly("Maria", "Ana");
        assertThat(read.persons().get(0).contact().channels()).isEqualTo(stored.persons().get(0).contact().channels());
        assertThat(db.count("case_person")).isEqualTo(2);
        assertThat(db.count("person_channel")).isEqualTo(4);
    }

    @Test
    void caseWithoutIncidentPersonsOrNeedsReadsBackEqual() {
        VictimCase bare = new VictimCase("bare0000000000000000000a", AGENCY, CaseStatus.CLOSED, null, List.of(),
                List.of(), null, "advocate.kim", T0, T0);

        repository.insert(bare);

        assertThat(repository.find(AGENCY, bare.id())).contains(bare);
    }

    @Test
    void anotherAgencysCaseIsNotFound() {
        VictimCase stored = TestCases.sample(AGENCY, T0);
        repository.insert(stored);

        assertThat(repository.find(OTHER_AGENCY, stored.id())).isEmpty();
        assertThat(repository.find(AGENCY, "nosuchcase")).isEmpty();
        assertThat(repository.find(null, stored.id())).isEmpty();
    }

    @Test
    void storeKeepsMillisecondPrecision() {
        Instant micros = Instant.parse("2026-11-25T14:03:07.123456Z");
        VictimCase stored = TestCases.sample(AGENCY, micros);

        repository.insert(stored);

        VictimCase read = repository.find(AGENCY, stored.id()).orElseThrow();
        assertThat(read.createdAt()).isEqualTo(micros.truncatedTo(ChronoUnit.MILLIS));
        assertThat(read.incident().occurredAt()).isEqualTo(stored.incident().occurredAt().truncatedTo(ChronoUnit.MILLIS));
    }

    /**
     * Written under one default zone, read under another, with instants whose UTC wall-clock time falls in
     * a local DST gap: nothing may shift when every temporal value goes through a UTC calendar.
     */
    @Test
    void valuesDoNotDependOnTheJvmDefaultZone() {
        TimeZone original = TimeZone.getDefault();
        Instant inNewYorkGap = Instant.parse("2026-03-08T02:30:00.250Z");
        VictimCase stored = TestCases.sample(AGENCY, inNewYorkGap);
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
            repository.insert(stored);
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
            assertThat(repository.find(AGENCY, stored.id())).contains(stored);
            TimeZone.setDefault(TimeZone.getTimeZone("America/Los_Angeles"));
            assertThat(repository.find(AGENCY, stored.id())).contains(stored);
        } finally {
            TimeZone.setDefault(original);
        }
    }

    @Test
    void searchPagesNewestFirstWithTotal() {
        List<VictimCase> cases = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            cases.add(TestCases.sample(AGENCY, T0.plusSeconds(i)));
        }
        cases.forEach(repository::insert);
        repository.insert(TestCases.sample(OTHER_AGENCY, T0.plusSeconds(100)));

        Page<VictimCase> first = repository.search(new CaseQuery(AGENCY, null, null, 0, 2));
        Page<VictimCase> last = repository.search(new CaseQuery(AGENCY, null, null, 2, 2));
        Page<VictimCase> beyond = repository.search(new CaseQuery(AGENCY, null, null, 3, 2));

        assertThat(first.items()).containsExactly(cases.get(4), cases.get(3));
        assertThat(first.total()).isEqualTo(5);
        assertThat(first.page()).isZero();
        assertThat(first.size()).isEqualTo(2);
        assertThat(last.items()).containsExactly(cases.get(0));
        assertThat(last.total()).isEqualTo(5);
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.total()).isEqualTo(5);
        assertThat(repository.count(AGENCY)).isEqualTo(5);
        assertThat(repository.count(OTHER_AGENCY)).isEqualTo(1);
    }

    @Test
    void casesCreatedAtTheSameInstantAreOrderedById() {
        VictimCase a = withId(TestCases.sample(AGENCY, T0), "aaaaaaaaaaaaaaaaaaaaaaaa");
        VictimCase b = withId(TestCases.sample(AGENCY, T0), "bbbbbbbbbbbbbbbbbbbbbbbb");
        repository.insert(b);
        repository.insert(a);

        assertThat(repository.search(new CaseQuery(AGENCY, null, null, 0, 10)).items()).containsExactly(a, b);
    }

    @Test
    void searchFiltersByStatusAndIncidentNumber() {
        VictimCase open1 = TestCases.sample(AGENCY, T0, CaseStatus.OPEN, "INC-1");
        VictimCase closed1 = TestCases.sample(AGENCY, T0.plusSeconds(1), CaseStatus.CLOSED, "INC-1");
        VictimCase open2 = TestCases.sample(AGENCY, T0.plusSeconds(2), CaseStatus.OPEN, "INC-2");
        VictimCase otherAgency = TestCases.sample(OTHER_AGENCY, T0.plusSeconds(3), CaseStatus.OPEN, "INC-1");
        List.of(open1, closed1, open2, otherAgency).forEach(repository::insert);

        assertThat(repository.search(new CaseQuery(AGENCY, CaseStatus.OPEN, null, 0, 10)).items())
                .containsExactly(open2, open1);
        assertThat(repository.search(new CaseQuery(AGENCY, null, "INC-1", 0, 10)).items())
                .containsExactly(closed1, open1);
        Page<VictimCase> both = repository.search(new CaseQuery(AGENCY, CaseStatus.CLOSED, "INC-1", 0, 10));
        assertThat(both.items()).containsExactly(closed1);
        assertThat(both.total()).isEqualTo(1);
        assertThat(repository.search(new CaseQuery(AGENCY, null, "INC-", 0, 10)).items()).as("exact match")
                .isEmpty();
    }

    @Test
    void searchNeedsAnAgencyAndASanePage() {
        assertThatThrownBy(() -> repository.search(new CaseQuery(null, null, null, 0, 10)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> repository.search(new CaseQuery(AGENCY, null, null, -1, 10)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> repository.search(new CaseQuery(AGENCY, null, null, 0, 0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> repository.search(new CaseQuery(AGENCY, null, null, 0, Page.MAX_SIZE + 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void duplicatePersonIdLeavesNoRowsBehind() {
        repository.insert(TestCases.sample(AGENCY, T0));
        Map<String, Long> before = counts();
        VictimCase sample = TestCases.sample(AGENCY, T0.plusSeconds(1));
        Person first = sample.persons().get(0);
        VictimCase bad = withPersons(sample, List.of(first, sample.persons().get(1).withId(first.id())));

        assertThatThrownBy(() -> repository.insert(bad)).isInstanceOfSatisfying(StoreException.class,
                e -> assertThat(e.isDuplicateKey()).isTrue());

        assertThat(counts()).isEqualTo(before);
        assertThat(repository.find(AGENCY, bad.id())).isEmpty();
    }

    @Test
    void personWithoutGivenNameLeavesNoRowsBehind() {
        repository.insert(TestCases.sample(AGENCY, T0));
        Map<String, Long> before = counts();
        VictimCase sample = TestCases.sample(AGENCY, T0.plusSeconds(1));
        Person p = sample.persons().get(1);
        Person nameless = new Person(p.id(), p.role(), p.relationship(), null, p.familyName(), p.birthDate(),
                p.language(), p.contact());
        VictimCase bad = withPersons(sample, List.of(sample.persons().get(0), nameless));

        assertThatThrownBy(() -> repository.insert(bad)).isInstanceOfSatisfying(StoreException.class,
                e -> assertThat(e.sqlState()).isEqualTo("23502"));

        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void safeHoursFinerThanMinutesAreRejectedAndNothingIsStored() {
        VictimCase sample = TestCases.sample(AGENCY, T0);
        Person p = sample.persons().get(0);
        ContactPreferences c = p.contact();
        Person withSeconds = new Person(p.id(), p.role(), p.relationship(), p.givenName(), p.familyName(),
                p.birthDate(), p.language(), new ContactPreferences(c.email(), c.phone(), c.channels(),
                        new SafeHours(LocalTime.of(8, 0, 30), LocalTime.of(20, 0), ZoneId.of("UTC")),
                        c.noVoicemail(), c.safeToContact(), c.alternateContact()));

        assertThatThrownBy(() -> repository.insert(withPersons(sample, List.of(withSeconds))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whole minutes");

        assertThat(counts().values()).containsOnly(0L);
    }

    @Test
    void duplicateCaseIdIsADuplicateKey() {
        VictimCase stored = TestCases.sample(AGENCY, T0);
        repository.insert(stored);
        VictimCase again = withId(TestCases.sample(AGENCY, T0), stored.id());

        assertThatThrownBy(() -> repository.insert(again)).isInstanceOfSatisfying(StoreException.class,
                e -> assertThat(e.isDuplicateKey()).isTrue());
        assertThat(repository.find(AGENCY, stored.id())).contains(stored);
    }

    @Test
    void personWithoutContactPreferencesGetsTheDefaults() {
        VictimCase sample = TestCases.sample(AGENCY, T0);
        Person p = sample.persons().get(0);
        Person noContact = new Person(p.id(), p.role(), null, "Lee", null, null, null, null);

        repository.insert(withPersons(sample, List.of(noContact)));

        Person read = repository.find(AGENCY, sample.id()).orElseThrow().persons().get(0);
        assertThat(read.contact()).isEqualTo(ContactPreferences.none());
        assertThat(read.birthDate()).isNull();
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TestDatabase.TABLES) {
            counts.put(table, db.count(table));
        }
        return counts;
    }

    private static VictimCase withId(VictimCase c, String id) {
        return new VictimCase(id, c.agencyId(), c.status(), c.incident(), c.persons(), c.needs(), c.narrative(),
                c.createdBy(), c.createdAt(), c.updatedAt());
    }

    private static VictimCase withPersons(VictimCase c, List<Person> persons) {
        return new VictimCase(c.id(), c.agencyId(), c.status(), c.incident(), persons, c.needs(), c.narrative(),
                c.createdBy(), c.createdAt(), c.updatedAt());
    }
}
