package org.tandem.intake.internal.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tandem.intake.internal.testing.TestCases.ana;
import static org.tandem.intake.internal.testing.TestCases.caller;
import static org.tandem.intake.internal.testing.TestCases.example;
import static org.tandem.intake.internal.testing.TestCases.maria;
import static org.tandem.intake.internal.testing.TestCases.withPersons;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.tandem.api.AccessDeniedException;
import org.tandem.api.Caller;
import org.tandem.api.FieldError;
import org.tandem.api.Role;
import org.tandem.api.TandemTopics;
import org.tandem.api.ValidationException;
import org.tandem.api.cases.IntakeResult;
import org.tandem.api.cases.Person;
import org.tandem.api.cases.PersonRole;
import org.tandem.intake.internal.testing.InMemoryCaseRepository;
import org.tandem.intake.internal.testing.RecordingEventAdmin;

/** openOrSupplement: RMS supplemental reports add persons to the incident's case instead of a new case. */
class IntakeServiceSupplementTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final Caller RMS = caller("rms-adapter", "IL0160000", Role.INTEGRATOR);

    private final InMemoryCaseRepository repository = new InMemoryCaseRepository();
    private final RecordingEventAdmin events = new RecordingEventAdmin(
            e -> repository.contains((String) e.getProperty(TandemTopics.PROP_CASE_ID)));
    private final IntakeServiceImpl service = new IntakeServiceImpl(repository, events, 200,
            Clock.fixed(NOW, ZoneOffset.UTC));

    private static Person witness() {
        return new Person(null, PersonRole.WITNESS, null, "Robert", "King", null, "en", null);
    }

    @Test
    void opensACaseWhenTheIncidentIsNew() {
        IntakeResult result = service.openOrSupplement(RMS, example());

        assertThat(result.created()).isTrue();
        assertThat(result.addedPersons()).isEmpty();
        assertThat(repository.find("IL0160000", result.victimCase().id())).contains(result.victimCase());
        assertThat(events.posted).extracting(e -> e.getTopic()).containsExactly(TandemTopics.CASE_OPENED);
    }

    @Test
    void aSupplementAddsOnlyTheNewPersonsAndPostsCaseUpdated() {
        IntakeResult first = service.openOrSupplement(RMS, withPersons(maria()));

        // the supplement repeats the victim (names in another case) and brings her mother and a witness
        Person mariaAgain = new Person(null, PersonRole.PRIMARY_VICTIM, null, " MARIA ", "lopez",
                maria().birthDate(), "es", null);
        IntakeResult second = service.openOrSupplement(RMS, withPersons(mariaAgain, ana(), witness()));

        assertThat(second.created()).isFalse();
        assertThat(second.victimCase().id()).isEqualTo(first.victimCase().id());
        assertThat(second.addedPersons()).extracting(Person::givenName).containsExactly("Ana", "Robert");
        assertThat(second.addedPersons()).allMatch(p -> p.id() != null);
        assertThat(repository.size()).isEqualTo(1);
        assertThat(repository.find("IL0160000", first.victimCase().id()).orElseThrow().persons())
                .extracting(Person::givenName).containsExactly("Maria", "Ana", "Robert");
        assertThat(second.victimCase().updatedAt()).isEqualTo(NOW);
        assertThat(events.posted).extracting(e -> e.getTopic())
                .containsExactly(TandemTopics.CASE_OPENED, TandemTopics.CASE_UPDATED);
        assertThat(events.posted.get(1).getProperty(TandemTopics.PROP_CASE_ID)).isEqualTo(first.victimCase().id());
        assertThat(events.storedWhenPosted).containsOnly(true);
    }

    @Test
    void aReplayAddsNothingAndPostsNothing() {
        service.openOrSupplement(RMS, example());
        repository.calls.clear();

        IntakeResult replay = service.openOrSupplement(RMS, example());

        assertThat(replay.created()).isFalse();
        assertThat(replay.addedPersons()).isEmpty();
        assertThat(repository.calls).containsExactly("findByIncident");
        assertThat(events.posted).hasSize(1);
    }

    @Test
    void aDifferentPrimaryVictimIsRejectedAndNothingIsStored() {
        service.openOrSupplement(RMS, example());
        Person someoneElse = new Person(null, PersonRole.PRIMARY_VICTIM, null, "Linh", "Nguyen", null, "vi", null);

        assertThatThrownBy(() -> service.openOrSupplement(RMS, withPersons(someoneElse, witness())))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("persons[0].role"));
        assertThat(repository.calls).doesNotContain("addPersons");
        assertThat(repository.find("IL0160000", repository.findByIncident("IL0160000", "IL0160000", "2026-000123")
                .orElseThrow().id()).orElseThrow().persons()).hasSize(2);
    }

    @Test
    void anotherAgencysCaseOfTheSameIncidentIsNeverSupplemented() {
        IntakeResult theirs = service.openOrSupplement(caller("o", "IL0990000", Role.OFFICER), example());

        IntakeResult ours = service.openOrSupplement(RMS, example());

        assertThat(ours.created()).isTrue();
        assertThat(ours.victimCase().id()).isNotEqualTo(theirs.victimCase().id());
    }

    @Test
    void theSameRulesAsOpen() {
        assertThatThrownBy(() -> service.openOrSupplement(caller("s", "IL0160000", Role.SUPERVISOR), example()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.openOrSupplement(RMS, withPersons(witness())))
                .isInstanceOf(ValidationException.class);
        assertThat(repository.size()).isZero();
        assertThat(events.posted).isEmpty();
    }

    @Test
    void samePersonIgnoresCaseAndBlanksButNotBirthDateOrRole() {
        Person m = maria();
        assertThat(IntakeServiceImpl.samePerson(m, new Person(null, m.role(), null, "maria", " LOPEZ ",
                m.birthDate(), null, null))).isTrue();
        assertThat(IntakeServiceImpl.samePerson(m, new Person(null, m.role(), null, "Maria", "Lopez",
                m.birthDate().plusDays(1), null, null))).isFalse();
        assertThat(IntakeServiceImpl.samePerson(m, new Person(null, PersonRole.WITNESS, null, "Maria", "Lopez",
                m.birthDate(), null, null))).isFalse();
    }
}
