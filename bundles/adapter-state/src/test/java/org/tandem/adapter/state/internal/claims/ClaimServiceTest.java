package org.tandem.adapter.state.internal.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
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
import org.tandem.api.Role;
import org.tandem.api.ValidationException;
import org.tandem.api.cases.VictimCase;
import org.tandem.api.claims.Claim;
import org.tandem.api.claims.ClaimStatus;

class ClaimServiceTest {

    private static final Caller ADVOCATE = new Caller("advocate", "PD-DEMO", EnumSet.of(Role.ADVOCATE));

    @TempDir
    Path dir;

    private StateStack stack;
    private ClaimService service;
    private VictimCase victimCase;
    private String maria;

    @BeforeEach
    void setUp() {
        stack = new StateStack(dir);
        victimCase = Cases.sample("PD-DEMO");
        stack.cases.insert(victimCase);
        maria = victimCase.persons().get(0).id();
        service = new ClaimService(new FakeIntake(stack.cases), stack.claims, stack.consents, "STATE-VC",
                Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        stack.close();
    }

    @Test
    void aClaimNeedsTheVictimsShareWithStateConsentForTheStateProgram() {
        assertThatThrownBy(() -> service.submit(ADVOCATE, victimCase.id(), maria))
                .isInstanceOfSatisfying(ClientErrorException.class, e -> {
                    assertThat(e.getResponse().getStatus()).isEqualTo(409);
                    assertThat(e.getMessage()).contains("SHARE_WITH_STATE");
                });
        stack.consents.grant(maria, "SOME-OTHER-AGENCY");
        assertThatThrownBy(() -> service.submit(ADVOCATE, victimCase.id(), maria)).isInstanceOf(ClientErrorException.class);
        assertThat(stack.count("compensation_claim")).isZero();

        stack.consents.grant(maria, "STATE-VC");
        Claim claim = service.submit(ADVOCATE, victimCase.id(), maria);

        assertThat(claim.status()).isEqualTo(ClaimStatus.QUEUED);
        assertThat(claim.createdBy()).isEqualTo("advocate");
        assertThat(service.list(ADVOCATE, victimCase.id(), 0, 20).items()).containsExactly(claim);
    }

    @Test
    void oneLiveClaimPerPersonAndCaseButADeadOneMayBeReplaced() {
        stack.consents.grant(maria, "STATE-VC");
        Claim first = service.submit(ADVOCATE, victimCase.id(), maria);
        assertThatThrownBy(() -> service.submit(ADVOCATE, victimCase.id(), maria)).isInstanceOf(ClientErrorException.class);

        stack.claims.transition(first.id(), List.of(ClaimStatus.QUEUED), ClaimStatus.DEAD, true, "gone", null, Instant.now());
        assertThat(service.submit(ADVOCATE, victimCase.id(), maria).id()).isNotEqualTo(first.id());
    }

    @Test
    void witnessesOtherAgenciesAndOtherRolesCannotClaim() {
        String witness = victimCase.persons().get(2).id();
        stack.consents.grant(witness, "STATE-VC");
        assertThatThrownBy(() -> service.submit(ADVOCATE, victimCase.id(), witness)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> service.submit(ADVOCATE, victimCase.id(), "nobody")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> service.submit(new Caller("o2", "SO-DEMO", EnumSet.of(Role.OFFICER)), victimCase.id(), maria))
                .isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> service.submit(new Caller("s", "PD-DEMO", EnumSet.of(Role.SUPERVISOR)), victimCase.id(),
                maria)).isInstanceOf(AccessDeniedException.class);
        assertThat(service.list(new Caller("s", "PD-DEMO", EnumSet.of(Role.SUPERVISOR)), victimCase.id(), 0, 20).total())
                .isZero();
        assertThat(stack.count("compensation_claim")).isZero();
    }
}
