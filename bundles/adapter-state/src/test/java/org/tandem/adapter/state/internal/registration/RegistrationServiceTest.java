package org.tandem.adapter.state.internal.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.NoSuchElementException;

import javax.ws.rs.ClientErrorException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.adapter.state.internal.testing.Cases;
import org.tandem.adapter.state.internal.testing.FakeIntake;
import org.tandem.adapter.state.internal.testing.StateStack;
import org.tandem.api.AccessDeniedException;
import org.tandem.api.Caller;
import org.tandem.api.FieldError;
import org.tandem.api.Role;
import org.tandem.api.ValidationException;
import org.tandem.api.cases.VictimCase;
import org.tandem.api.registration.Registration;

class RegistrationServiceTest {

    private static final Caller ADVOCATE = new Caller("advocate", "PD-DEMO", EnumSet.of(Role.ADVOCATE));

    @TempDir
    Path dir;

    private StateStack stack;
    private RegistrationService service;
    private VictimCase victimCase;

    @BeforeEach
    void setUp() {
        stack = new StateStack(dir);
        victimCase = Cases.sample("PD-DEMO");
        stack.cases.insert(victimCase);
        service = new RegistrationService(new FakeIntake(stack.cases), stack.registrations, Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        stack.close();
    }

    @Test
    void registersAPersonOnTheCaseForAnOffenderOrTheCase() {
        String maria = victimCase.persons().get(0).id();

        Registration offender = service.register(ADVOCATE, victimCase.id(), maria, "IL-4471983");
        Registration kase = service.register(ADVOCATE, victimCase.id(), maria, null);

        assertThat(offender.forOffender()).isTrue();
        assertThat(kase.forOffender()).isFalse();
        assertThat(offender.createdBy()).isEqualTo("advocate");
        assertThat(stack.registrations.activeMatching("IL-4471983", victimCase.id())).containsExactlyInAnyOrder(offender, kase);
        assertThat(service.listForCase(ADVOCATE, victimCase.id(), 0, 20).total()).isEqualTo(2);
        assertThat(service.get(ADVOCATE, offender.id())).contains(offender);
    }

    @Test
    void theSameActiveRegistrationTwiceIsAConflictUntilCancelled() {
        String maria = victimCase.persons().get(0).id();
        Registration first = service.register(ADVOCATE, victimCase.id(), maria, "IL-4471983");

        assertThatThrownBy(() -> service.register(ADVOCATE, victimCase.id(), maria, "IL-4471983"))
                .isInstanceOfSatisfying(ClientErrorException.class, e -> assertThat(e.getResponse().getStatus()).isEqualTo(409));
        assertThat(service.cancel(ADVOCATE, first.id())).isTrue();
        assertThat(service.register(ADVOCATE, victimCase.id(), maria, "IL-4471983").id()).isNotEqualTo(first.id());
    }

    @Test
    void badInputIsRejectedAndOtherAgenciesSeeNothing() {
        assertThatThrownBy(() -> service.register(ADVOCATE, victimCase.id(), "not-on-case", "X"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("personId"));
        assertThatThrownBy(() -> service.register(ADVOCATE, null, null, " bad\n"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("caseId", "personId", "offenderId"));
        Caller other = new Caller("officer2", "SO-DEMO", EnumSet.of(Role.OFFICER));
        assertThatThrownBy(() -> service.register(other, victimCase.id(), victimCase.persons().get(0).id(), null))
                .isInstanceOf(NoSuchElementException.class);
        Registration r = service.register(ADVOCATE, victimCase.id(), victimCase.persons().get(0).id(), null);
        assertThat(service.get(other, r.id())).isEmpty();
        assertThat(service.cancel(other, r.id())).isFalse();
        assertThatThrownBy(() -> service.register(new Caller("s", "PD-DEMO", EnumSet.of(Role.SUPERVISOR)),
                victimCase.id(), victimCase.persons().get(0).id(), null)).isInstanceOf(AccessDeniedException.class);
        assertThat(stack.count("registration")).isEqualTo(1);
    }
}
