package org.tandem.intake.internal.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tandem.intake.internal.testing.TestCases.caller;
import static org.tandem.intake.internal.testing.TestCases.example;
import static org.tandem.intake.internal.testing.TestCases.officer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tandem.api.Caller;
import org.tandem.api.FieldError;
import org.tandem.api.Role;
import org.tandem.api.TandemTopics;
import org.tandem.api.ValidationException;
import org.tandem.api.cases.Incident;
import org.tandem.api.cases.NewCase;
import org.tandem.api.cases.ServiceCategory;
import org.tandem.api.cases.VictimCase;
import org.tandem.api.spi.ExtensionStatus;
import org.tandem.api.spi.Extensions;
import org.tandem.api.spi.IntakeEnricher;
import org.tandem.api.spi.IntakeValidator;
import org.tandem.intake.internal.extension.IntakeExtensions;
import org.tandem.intake.internal.testing.InMemoryCaseRepository;
import org.tandem.intake.internal.testing.RecordingEventAdmin;

/** Agency enrichers and validators in the real intake service: order, selection, isolation, counting. */
class IntakeExtensionsWiringTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    private final InMemoryCaseRepository repository = new InMemoryCaseRepository();
    private final RecordingEventAdmin events = new RecordingEventAdmin(
            e -> repository.contains((String) e.getProperty(TandemTopics.PROP_CASE_ID)));
    private final IntakeServiceImpl service = new IntakeServiceImpl(repository, events,
            new IntakeSettings(200, true, Duration.ofMillis(300)), Clock.fixed(NOW, ZoneOffset.UTC));
    private final IntakeExtensions extensions = service.whiteboard();
    private long nextServiceId = 100;

    @AfterEach
    void stop() {
        service.deactivate();
    }

    @Test
    void agencyValidatorErrorsReachTheCallerAndNothingIsStored() {
        IntakeValidator countyRule = ctx -> ctx.newCase().incident().location().contains("county:")
                ? List.of()
                : List.of(new FieldError("incident.location", "PD-DEMO requires a county code, e.g. county:167"));
        extensions.addValidator(countyRule, props(0, "IL0160000"), "agency.bundle 1.0.0");

        assertThatThrownBy(() -> service.open(officer(), example()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).containsExactly(
                        new FieldError("incident.location", "PD-DEMO requires a county code, e.g. county:167")));
        assertThat(repository.size()).isZero();
        assertThat(events.posted).isEmpty();

        VictimCase opened = service.open(officer(), withLocation("county:167 400 Main St"));
        assertThat(opened.incident().location()).isEqualTo("county:167 400 Main St");
    }

    @Test
    void agencyFilterSelectsWhichCasesAnExtensionSees() {
        List<String> seen = new CopyOnWriteArrayList<>();
        extensions.addValidator(ctx -> {
            seen.add(ctx.caller().agencyId());
            return List.of(new FieldError("narrative", "no"));
        }, props(0, "OTHER-AGENCY"), "b");

        service.open(officer(), example());

        assertThat(seen).isEmpty();
        assertThatThrownBy(() -> service.open(caller("o", "OTHER-AGENCY", Role.OFFICER), example()))
                .isInstanceOf(ValidationException.class);
        assertThat(seen).containsExactly("OTHER-AGENCY");
    }

    @Test
    void enrichersRunByRankingEachOnThePreviousResultBeforeValidation() {
        List<String> order = new CopyOnWriteArrayList<>();
        extensions.addEnricher(ctx -> {
            order.add("low");
            assertThat(ctx.newCase().needs()).contains(ServiceCategory.INFORMATION_AND_REFERRAL);
            return ctx.newCase();
        }, props(-10, null), "b");
        extensions.addEnricher(ctx -> {
            order.add("high");
            List<ServiceCategory> needs = new ArrayList<>(ctx.newCase().needs());
            needs.add(ServiceCategory.INFORMATION_AND_REFERRAL);
            NewCase c = ctx.newCase();
            return new NewCase(c.incident(), c.persons(), needs, c.narrative());
        }, props(10, null), "b");
        List<NewCase> validated = new CopyOnWriteArrayList<>();
        extensions.addValidator(ctx -> {
            validated.add(ctx.newCase());
            return List.of();
        }, props(0, null), "b");

        VictimCase opened = service.open(officer(), example());

        assertThat(order).containsExactly("high", "low");
        assertThat(opened.needs()).containsExactly(ServiceCategory.COUNSELING, ServiceCategory.SHELTER,
                ServiceCategory.INFORMATION_AND_REFERRAL);
        assertThat(validated).singleElement().extracting(NewCase::needs).isEqualTo(opened.needs());
        assertThat(repository.find("IL0160000", opened.id()).orElseThrow().needs()).isEqualTo(opened.needs());
    }

    @Test
    void anEnricherCannotMakeAnInvalidCaseAcceptable() {
        extensions.addEnricher(ctx -> withLocation("x".repeat(10_000)), props(0, null), "b");

        assertThatThrownBy(() -> service.open(officer(), example()))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors()).extracting(FieldError::field).contains("incident.location"));
        assertThat(repository.size()).isZero();
    }

    @Test
    void extensionsSeeAReadOnlyCaseAndTheCaller() {
        List<Caller> callers = new CopyOnWriteArrayList<>();
        extensions.addValidator(ctx -> {
            callers.add(ctx.caller());
            assertThat(ctx.receivedAt()).isEqualTo(NOW);
            ctx.newCase().needs().clear(); // immutable: throws, counted as a failure
            return List.of();
        }, props(0, null), "b");

        VictimCase opened = service.open(officer(), example());

        assertThat(callers).containsExactly(officer());
        assertThat(opened.needs()).isEqualTo(example().needs());
        assertThat(service.extensions()).singleElement().satisfies(s -> {
            assertThat(s.failures()).isEqualTo(1);
            assertThat(s.lastFailure()).contains("UnsupportedOperationException");
        });
    }

    @Test
    void throwingNullAndHangingExtensionsAreSkippedCountedAndIntakeGoesOn() {
        CountDownLatch release = new CountDownLatch(1);
        extensions.addEnricher(ctx -> {
            throw new IllegalStateException("agency enricher bug");
        }, props(3, null), "bad.bundle 1.0.0");
        extensions.addEnricher(ctx -> null, props(2, null), "bad.bundle 1.0.0");
        extensions.addValidator(ctx -> {
            throw new NoClassDefFoundError("com/agency/Gone");
        }, props(1, null), "bad.bundle 1.0.0");
        extensions.addValidator(ctx -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return List.of(new FieldError("narrative", "too late"));
        }, props(0, null), "slow.bundle 1.0.0");

        long t0 = System.nanoTime();
        VictimCase opened = service.open(officer(), example());
        long millis = (System.nanoTime() - t0) / 1_000_000;
        release.countDown();

        assertThat(repository.contains(opened.id())).isTrue();
        assertThat(events.posted).hasSize(1);
        assertThat(millis).as("one hanging validator costs at most its timeout").isLessThan(3_000);
        assertThat(service.extensions()).extracting(ExtensionStatus::kind, ExtensionStatus::invocations,
                ExtensionStatus::failures).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("IntakeEnricher", 1L, 1L),
                        org.assertj.core.groups.Tuple.tuple("IntakeEnricher", 1L, 1L),
                        org.assertj.core.groups.Tuple.tuple("IntakeValidator", 1L, 1L),
                        org.assertj.core.groups.Tuple.tuple("IntakeValidator", 1L, 1L));
        assertThat(service.extensions()).extracting(ExtensionStatus::lastFailure).containsExactly(
                "threw java.lang.IllegalStateException: agency enricher bug", "returned null",
                "threw java.lang.NoClassDefFoundError: com/agency/Gone", "did not answer within 300 ms");
        assertThat(extensions.totalFailures()).isEqualTo(4);
    }

    @Test
    void removedAndDisabledExtensionsAreNotCalled() {
        Map<String, Object> props = props(0, null);
        extensions.addValidator(ctx -> List.of(new FieldError("narrative", "agency rule")), props, "b");
        assertThatThrownBy(() -> service.open(officer(), example())).isInstanceOf(ValidationException.class);

        service.modified(config(false));
        service.open(officer(), example());

        service.modified(config(true));
        assertThatThrownBy(() -> service.open(officer(), example())).isInstanceOf(ValidationException.class);
        extensions.removeValidator(props);
        service.open(officer(), example());
        assertThat(service.extensions()).isEmpty();
    }

    @Test
    void blankErrorsFromAValidatorStillMakeAUsefulProblem() {
        extensions.addValidator(ctx -> java.util.Arrays.asList(new FieldError(null, null), null), props(0, null), "b");

        assertThatThrownBy(() -> service.open(officer(), example()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).containsExactly(
                        new FieldError("body", "rejected by an agency rule"),
                        new FieldError("body", "rejected by an agency rule")));
    }

    private Map<String, Object> props(int ranking, String agency) {
        Map<String, Object> p = new java.util.HashMap<>();
        p.put("service.id", nextServiceId++);
        p.put("service.ranking", ranking);
        if (agency != null) {
            p.put(Extensions.AGENCY, new String[] { agency });
        }
        return p;
    }

    private static NewCase withLocation(String location) {
        NewCase c = example();
        Incident i = c.incident();
        return new NewCase(new Incident(i.number(), i.ori(), i.occurredAt(), i.offenses(), location), c.persons(),
                c.needs(), c.narrative());
    }

    private static IntakeConfig config(boolean enabled) {
        return new IntakeConfig() {
            @Override
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return IntakeConfig.class;
            }

            @Override
            public int maxPageSize() {
                return 200;
            }

            @Override
            public boolean extensionsEnabled() {
                return enabled;
            }

            @Override
            public int extensionTimeoutMillis() {
                return 300;
            }
        };
    }

}
