package org.tandem.adapter.state.internal.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.adapter.state.internal.claims.ClaimSettings.Protocol;
import org.tandem.adapter.state.internal.testing.Cases;
import org.tandem.adapter.state.internal.testing.StateStack;
import org.tandem.adapter.state.internal.testing.StubStateEndpoint;
import org.tandem.api.Ids;
import org.tandem.api.cases.VictimCase;
import org.tandem.api.claims.Claim;
import org.tandem.api.claims.ClaimStatus;
import org.tandem.api.integration.DeadLetter;

/** The claim sender against a real in-process HTTP server speaking SOAP (the shipped WSDL) or JSON. */
class ClaimRoutesTest {

    private static final String STATE = "STATE-VC";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String WSDL = Path.of("../../examples/state/compensation.wsdl").toAbsolutePath().toUri()
            .toString();

    @TempDir
    Path dir;

    private StateStack stack;
    private CamelContext camel;
    private StubStateEndpoint stub;
    private VictimCase victimCase;

    @BeforeEach
    void setUp() {
        stack = new StateStack(dir);
        victimCase = Cases.sample("PD-DEMO");
        stack.cases.insert(victimCase);
    }

    @AfterEach
    void tearDown() {
        if (camel != null) {
            camel.stop();
        }
        if (stub != null) {
            stub.close();
        }
        stack.close();
    }

    private void start(Protocol protocol, int failures, int redeliveries) throws Exception {
        stub = new StubStateEndpoint(failures);
        ClaimSettings settings = new ClaimSettings(STATE, stub.url(), protocol, 100, redeliveries, 50, 400, 60_000, WSDL);
        camel = new DefaultCamelContext();
        camel.start();
        camel.addRoutes(new ClaimRoutes(settings, stack.claims, stack.cases, stack.consents,
                (source, reference, reason) -> stack.deadLetters.insert(
                        new DeadLetter(Ids.newId(), source, reference, reason, Instant.now(), null)),
                Clock.systemUTC()));
    }

    private Claim queue(int person) {
        Instant now = Instant.now();
        Claim claim = new Claim(Ids.newId(), "PD-DEMO", victimCase.id(), victimCase.persons().get(person).id(),
                ClaimStatus.QUEUED, 0, null, null, "advocate", now, now, null);
        stack.claims.insert(claim);
        return claim;
    }

    private Claim awaitStatus(Claim claim, ClaimStatus status) {
        Awaitility.await().atMost(WAIT).until(() -> stack.claims.find(claim.id()).orElseThrow().status() == status);
        return stack.claims.find(claim.id()).orElseThrow();
    }

    @Test
    void aSoapClaimThatFailsTwiceThenSucceedsIsDeliveredOnce() throws Exception {
        stack.consents.grant(victimCase.persons().get(0).id(), STATE);
        start(Protocol.SOAP, 2, 3);
        Claim claim = queue(0);

        Claim delivered = awaitStatus(claim, ClaimStatus.DELIVERED);

        assertThat(stub.requests).hasSize(3);
        assertThat(stub.accepted.get()).isEqualTo(1);
        assertThat(delivered.attempts()).isEqualTo(3);
        assertThat(delivered.stateReference()).isEqualTo("VC-2026-1");
        assertThat(delivered.deliveredAt()).isNotNull();
        assertThat(delivered.lastError()).as("the last failure is kept for the record").isNotBlank();
        String request = stub.requests.get(2);
        assertThat(request).contains("Envelope").contains("ClaimSubmission").contains("<vc:ClaimID>" + claim.id())
                .contains("<vc:IncidentNumber>2026-000200").contains("<vc:Offense>13A").contains("<vc:Offense>90J")
                .contains("<vc:GivenName>Maria").contains("consent-" + claim.personId());
        assertThat(stub.requests).as("redeliveries resend the same claim").allSatisfy(r ->
                assertThat(r).contains("<vc:ClaimID>" + claim.id()));
        assertThat(stack.deadLetters.unresolved(null, 10)).isEmpty();
        assertThat(stack.claims.due(Instant.now(), 10)).isEmpty();
    }

    @Test
    void aRestClaimIsPostedAsJson() throws Exception {
        stack.consents.grant(victimCase.persons().get(1).id(), STATE);
        start(Protocol.REST, 1, 2);
        Claim claim = queue(1);

        Claim delivered = awaitStatus(claim, ClaimStatus.DELIVERED);

        assertThat(delivered.attempts()).isEqualTo(2);
        assertThat(delivered.stateReference()).isEqualTo("VC-2026-1");
        assertThat(stub.contentTypes).allSatisfy(t -> assertThat(t).contains("application/json"));
        assertThat(stub.requests.get(1)).contains("\"claimId\":\"" + claim.id() + "\"")
                .contains("\"relationship\":\"MOTHER\"").contains("\"ori\":\"IL0160000\"");
    }

    @Test
    void whenEveryAttemptFailsTheClaimIsDeadAndCanBeResubmitted() throws Exception {
        stack.consents.grant(victimCase.persons().get(0).id(), STATE);
        start(Protocol.SOAP, 1000, 2);
        Claim claim = queue(0);

        Claim dead = awaitStatus(claim, ClaimStatus.DEAD);

        assertThat(stub.requests).hasSize(3);
        assertThat(dead.attempts()).isEqualTo(3);
        assertThat(stack.deadLetters.forReference(ClaimRoutes.SEND, claim.id())).singleElement()
                .satisfies(d -> assertThat(d.reason()).isNotBlank());

        stub.failures = 0;
        assertThat(stack.claims.resubmit(claim.id(), Instant.now())).isTrue();
        Claim delivered = awaitStatus(claim, ClaimStatus.DELIVERED);
        assertThat(delivered.attempts()).isEqualTo(1);
        assertThat(stub.accepted.get()).isEqualTo(1);
    }

    @Test
    void withoutConsentNothingLeavesTandem() throws Exception {
        start(Protocol.SOAP, 0, 3);
        Claim claim = queue(0);

        Claim dead = awaitStatus(claim, ClaimStatus.DEAD);

        assertThat(stub.requests).isEmpty();
        assertThat(dead.lastError()).contains("SHARE_WITH_STATE");
        // the sender asked the disclosure gate (the single enforcement point) and was refused
        assertThat(stack.consents.asked).isNotEmpty().allSatisfy(d -> {
            assertThat(d.caseId()).isEqualTo(victimCase.id());
            assertThat(d.ownerAgencyId()).isEqualTo("PD-DEMO");
            assertThat(d.purpose()).isEqualTo("compensation claim " + claim.id() + " sent to the state");
        });
        assertThat(stack.deadLetters.unresolved(ClaimRoutes.SEND, 10)).extracting(DeadLetter::reference)
                .containsExactly(claim.id());
    }

    @Test
    void payloadsCarryOnlyTheClaimant() {
        Claim claim = new Claim("c1", "PD-DEMO", victimCase.id(), victimCase.persons().get(1).id(), ClaimStatus.SENDING,
                0, null, null, "a", Instant.EPOCH, Instant.EPOCH, null);
        String json = ClaimPayloads.json(claim, victimCase, victimCase.persons().get(1), "k1", Instant.EPOCH);
        assertThat(json).contains("Ana").doesNotContain("Maria").doesNotContain("Robert");
        assertThat(ClaimPayloads.receiptNumber("{\"claimNumber\":\"N-1\"}")).isEqualTo("N-1");
        assertThat(ClaimPayloads.receiptNumber("<a:ClaimReceipt><a:ClaimNumber>N-2</a:ClaimNumber></a:ClaimReceipt>"))
                .isEqualTo("N-2");
        assertThat(ClaimPayloads.receiptNumber("")).isNull();
        assertThat(List.of(ClaimPayloads.parse("<x/>").getDocumentElement().getTagName())).containsExactly("x");
    }
}
