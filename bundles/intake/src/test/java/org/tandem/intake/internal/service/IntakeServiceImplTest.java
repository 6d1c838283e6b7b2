package org.tandem.intake.internal.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tandem.intake.internal.testing.TestCases.caller;
import static org.tandem.intake.internal.testing.TestCases.example;
import static org.tandem.intake.internal.testing.TestCases.officer;
import static org.tandem.intake.internal.testing.TestCases.withPersons;

import java.lang.annotation.Annotation;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;
import org.tandem.api.AccessDeniedException;
import org.tandem.api.FieldError;
import org.tandem.api.Ids;
import org.tandem.api.Page;
import org.tandem.api.Role;
import org.tandem.api.TandemTopics;
import org.tandem.api.ValidationException;
import org.tandem.api.cases.CaseQuery;
import org.tandem.api.cases.CaseStatus;
import org.tandem.api.cases.Person;
import org.tandem.api.cases.VictimCase;
import org.tandem.intake.internal.testing.InMemoryCaseRepository;
import org.tandem.intake.internal.testing.RecordingEventAdmin;
import org.tandem.intake.internal.testing.TestCases;

class IntakeServiceImplTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00.123456789Z");

    private final InMemoryCaseRepository repository = new InMemoryCaseRepository();
    private final RecordingEventAdmin events = new RecordingEventAdmin(
            e -> repository.contains((String) e.getProperty(TandemTopics.PROP_CASE_ID)));
    private final IntakeServiceImpl service = new IntakeServiceImpl(repository, events, 200,
            Clock.fixed(NOW, ZoneOffset.UTC));

    // ---------------------------------------------------------------- open

    @Test
    void opensACaseForTheCallersAgency() {
        VictimCase opened = service.open(officer(), example());

        assertThat(Ids.looksLikeId(opened.id())).isTrue();
        assertThat(opened.agencyId()).isEqualTo("IL0160000");
        assertThat(opened.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(opened.createdBy()).isEqualTo("officer1");
        assertThat(opened.createdAt()).isEqualTo(Instant.parse("2026-11-25T12:00:00.123Z"));
        assertThat(opened.updatedAt()).isEqualTo(opened.createdAt());
        assertThat(opened.incident()).isEqualTo(example().incident());
        assertThat(opened.needs()).isEqualTo(example().needs());
        assertThat(opened.narrative()).isEqualTo(example().narrative());
        assertThat(opened.persons()).extracting(Person::id).allMatch(Ids::looksLikeId).doesNotHaveDuplicates()
                .doesNotContain(opened.id());
        assertThat(opened.persons()).extracting(p -> p.withId(null)).isEqualTo(example().persons());
        assertThat(repository.find("IL0160000", opened.id())).contains(opened);
    }

    @Test
    void advocatesMayOpenCases() {
        VictimCase opened = service.open(caller("adv1", "VS0000001", Role.ADVOCATE), example());

        assertThat(opened.agencyId()).isEqualTo("VS0000001");
    }

    @Test
    void integratorsMayOpenCasesForTheirAgency() {
        VictimCase opened = service.open(caller("rms-adapter", "IL0160000", Role.INTEGRATOR), example());

        assertThat(opened.agencyId()).isEqualTo("IL0160000");
        assertThat(opened.createdBy()).isEqualTo("rms-adapter");
        assertThat(repository.find("IL0160000", opened.id())).contains(opened);
        assertThatThrownBy(() -> service.open(caller("rms-adapter", null, Role.INTEGRATOR), example()))
                .isInstanceOf(AccessDeniedException.class).hasMessage("account has no agency");
    }

    @Test
    void postsCaseOpenedAfterTheInsertWithoutPii() {
        VictimCase opened = service.open(officer(), example());

        assertThat(events.posted).hasSize(1);
        assertThat(events.storedWhenPosted).containsExactly(true);
        assertThat(repository.calls).containsExactly("insert");
        Event event = events.posted.get(0);
        assertThat(event.getTopic()).isEqualTo(TandemTopics.CASE_OPENED);
        Map<String, Object> properties = Arrays.stream(event.getPropertyNames())
                .filter(name -> !name.equals("event.topics"))
                .collect(Collectors.toMap(name -> name, event::getProperty));
        assertThat(properties).containsExactlyInAnyOrderEntriesOf(Map.of(
                TandemTopics.PROP_CASE_ID, opened.id(),
                TandemTopics.PROP_AGENCY_ID, "IL0160000",
                TandemTopics.PROP_INCIDENT_NUMBER, "2026-000123",
                TandemTopics.PROP_ORI, "IL0160000",
                TandemTopics.PROP_USER, "officer1",
                TandemTopics.PROP_TIMESTAMP, opened.createdAt().toEpochMilli()));
        String all = properties.values().toString();
        for (String pii : List.of("Maria", "Lopez", "Ana", "maria@example.org", "+12175550123", "1990",
                "400 Main St", "assault")) {
            assertThat(all).doesNotContain(pii);
        }
    }

    @Test
    void callersWithoutAnIntakeRoleMayNotOpen() {
        for (Role role : List.of(Role.SUPERVISOR, Role.ADMIN)) {
            assertThatThrownBy(() -> service.open(caller("u", "IL0160000", role), example()))
                    .as(role.id()).isInstanceOf(AccessDeniedException.class);
        }
        assertThatThrownBy(() -> service.open(caller("nobody", "IL0160000"), example()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.open(null, example())).isInstanceOf(AccessDeniedException.class);
        assertNothingStoredOrPosted();
    }

    @Test
    void callersWithoutAnAgencyMayNotOpen() {
        for (String agency : new String[] { null, "", "  " }) {
            assertThatThrownBy(() -> service.open(caller("o", agency, Role.OFFICER), example()))
                    .isInstanceOf(AccessDeniedException.class).hasMessage("account has no agency");
        }
        assertNothingStoredOrPosted();
    }

    @Test
    void invalidCaseIsNeitherStoredNorEvented() {
        assertThatThrownBy(() -> service.open(officer(), withPersons(TestCases.ana())))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("persons"));
        assertThatThrownBy(() -> service.open(officer(), null)).isInstanceOf(ValidationException.class);
        assertNothingStoredOrPosted();
    }

    @Test
    void rolesAreCheckedBeforeValidation() {
        assertThatThrownBy(() -> service.open(caller("s", "IL0160000", Role.SUPERVISOR), withPersons()))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void failedInsertPostsNoEvent() {
        repository.failInsertWith = new IllegalStateException("database down");

        assertThatThrownBy(() -> service.open(officer(), example())).hasMessage("database down");
        assertThat(events.posted).isEmpty();
    }

    @Test
    void undeliverableEventDoesNotUndoTheStoredCase() {
        events.failWith = new IllegalStateException("event admin stopped");

        VictimCase opened = service.open(officer(), example());

        assertThat(repository.contains(opened.id())).isTrue();
    }

    // ---------------------------------------------------------------- get

    @Test
    void readsOwnAgencysCase() {
        VictimCase opened = service.open(officer(), example());

        for (Role role : List.of(Role.OFFICER, Role.ADVOCATE, Role.SUPERVISOR)) {
            assertThat(service.get(caller("r", "IL0160000", role), opened.id())).as(role.id()).contains(opened);
        }
    }

    @Test
    void anotherAgencysCaseIsNotFound() {
        VictimCase opened = service.open(officer(), example());

        assertThat(service.get(caller("o2", "IL0990000", Role.OFFICER, Role.SUPERVISOR), opened.id())).isEmpty();
    }

    @Test
    void repositoryAnswerForAnotherAgencyIsFilteredOut() {
        VictimCase foreign = storedFor("IL0990000");
        repository.put(foreign);
        repository.ignoreAgencyOnFind = true; // a faulty store must still not leak the case

        assertThat(service.get(officer(), foreign.id())).isEmpty();
        assertThat(repository.calls).containsExactly("find");
    }

    @Test
    void idsThatCannotExistAreNotLookedUp() {
        for (String id : new String[] { null, "", "1", "../../etc/passwd", "ABCDEFGHIJKLMNOPQRSTUVWX", "' or 1=1 --" }) {
            assertThat(service.get(officer(), id)).isEmpty();
        }
        assertThat(repository.calls).isEmpty();
    }

    @Test
    void otherRolesMayNotRead() {
        for (Role role : List.of(Role.ADMIN, Role.INTEGRATOR)) {
            assertThatThrownBy(() -> service.get(caller("x", "IL0160000", role), Ids.newId()))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> service.list(caller("x", "IL0160000", role), null, null, 0, 20))
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThatThrownBy(() -> service.get(caller("s", null, Role.SUPERVISOR), Ids.newId()))
                .isInstanceOf(AccessDeniedException.class).hasMessage("account has no agency");
    }

    // ---------------------------------------------------------------- list

    @Test
    void listsOnlyTheCallersAgency() {
        VictimCase mine = service.open(officer(), example());
        repository.put(storedFor("IL0990000"));

        Page<VictimCase> page = service.list(caller("s", "IL0160000", Role.SUPERVISOR), CaseStatus.OPEN, "2026-000123",
                0, 20);

        assertThat(page.items()).containsExactly(mine);
        assertThat(page.total()).isEqualTo(1);
        assertThat(repository.queries)
                .containsExactly(new CaseQuery("IL0160000", CaseStatus.OPEN, "2026-000123", 0, 20));
    }

    @Test
    void blankIncidentFilterMatchesEverything() {
        service.list(officer(), null, " ", 1, 5);

        assertThat(repository.queries).containsExactly(new CaseQuery("IL0160000", null, null, 1, 5));
    }

    @Test
    void rejectsBadPageAndSizeTogether() {
        assertThatThrownBy(() -> service.list(officer(), null, null, -1, 0))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("page", "size"));
        assertThatThrownBy(() -> service.list(officer(), null, null, 0, 201))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .containsExactly(new FieldError("size", "must be between 1 and 200")));
        assertThatThrownBy(() -> service.list(officer(), null, null, Integer.MAX_VALUE, 200))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("page"));
        assertThatThrownBy(() -> service.list(officer(), null, "x".repeat(65), 0, 20))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("incident"));
        assertThat(repository.calls).isEmpty();
    }

    @Test
    void modifiedConfigurationChangesTheMaximumPageSize() {
        service.modified(config(10));

        assertThat(service.maxPageSize()).isEqualTo(10);
        assertThatThrownBy(() -> service.list(officer(), null, null, 0, 11)).isInstanceOf(ValidationException.class);
        assertThat(service.list(officer(), null, null, 0, 10).size()).isEqualTo(10);
    }

    @Test
    void invalidConfigurationIsRejectedAndTheOldValueStays() {
        service.modified(config(10));

        for (int bad : new int[] { 0, -5, 1001 }) {
            service.modified(config(bad));
            assertThat(service.maxPageSize()).as("after maxPageSize=" + bad).isEqualTo(10);
        }
        service.modified(config(10, 5)); // timeout below 10 ms: the whole change is rejected
        assertThat(service.maxPageSize()).isEqualTo(10);
        service.modified(config(1000));
        assertThat(service.maxPageSize()).isEqualTo(1000);
    }

    @Test
    void unreadableConfigurationIsRejectedToo() {
        service.modified(config(10));
        service.modified(new IntakeConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return IntakeConfig.class;
            }

            @Override
            public int maxPageSize() {
                throw new IllegalStateException("cannot convert 'abc' to int");
            }

            @Override
            public boolean extensionsEnabled() {
                return true;
            }

            @Override
            public int extensionTimeoutMillis() {
                return 2000;
            }
        });
        assertThat(service.maxPageSize()).isEqualTo(10);
    }

    @Test
    void activatesFromConfiguration() {
        IntakeServiceImpl fromConfig = new IntakeServiceImpl(repository, events, config(50));

        assertThat(fromConfig.maxPageSize()).isEqualTo(50);
    }

    @Test
    void activatesWithDefaultsWhenTheConfigurationIsInvalid() {
        IntakeServiceImpl fromConfig = new IntakeServiceImpl(repository, events, config(0));

        assertThat(fromConfig.maxPageSize()).isEqualTo(200);
    }

    // ---------------------------------------------------------------- helpers

    private void assertNothingStoredOrPosted() {
        assertThat(repository.size()).isZero();
        assertThat(repository.calls).isEmpty();
        assertThat(events.posted).isEmpty();
    }

    private static VictimCase storedFor(String agency) {
        return new VictimCase(Ids.newId(), agency, CaseStatus.OPEN, example().incident(),
                example().persons().stream().map(p -> p.withId(Ids.newId())).toList(), example().needs(), null,
                "other", NOW, NOW);
    }

    private static IntakeConfig config(int maxPageSize) {
        return config(maxPageSize, 2000);
    }

    private static IntakeConfig config(int maxPageSize, int timeoutMillis) {
        return new IntakeConfig() {
            @Override
            public boolean extensionsEnabled() {
                return true;
            }

            @Override
            public int extensionTimeoutMillis() {
                return timeoutMillis;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return IntakeConfig.class;
            }

            @Override
            public int maxPageSize() {
                return maxPageSize;
            }
        };
    }
}
