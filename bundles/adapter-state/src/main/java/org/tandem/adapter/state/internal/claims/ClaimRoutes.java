package org.tandem.adapter.state.internal.claims;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.tandem.api.cases.CaseRepository;
import org.tandem.api.cases.Person;
import org.tandem.api.cases.VictimCase;
import org.tandem.api.claims.Claim;
import org.tandem.api.claims.ClaimRepository;
import org.tandem.api.claims.ClaimStatus;
import org.tandem.api.consent.Consent;
import org.tandem.api.consent.ConsentScope;
import org.tandem.api.consent.Disclosure;
import org.tandem.api.consent.DisclosureGate;
import org.tandem.api.consent.Recipient;
import org.tandem.adapter.state.internal.feed.StateFeedRoutes.DeadLetterSink;

/**
 * Sends queued compensation claims to the state program:
 * <ul>
 * <li>{@value #POLL}: every poll interval, the due claims (QUEUED, or SENDING for longer than the stale time, i.e.
 * interrupted by a restart) one by one into {@value #SEND};</li>
 * <li>{@value #SEND}: claims the claim (QUEUED/SENDING to SENDING, compare-and-set), checks the consent again
 * (revocation is immediate), builds the payload and sends it through CXF ({@code cxf:} SOAP with the WSDL, or
 * {@code cxfrs:} REST). Failures are redelivered with exponential backoff, each attempt counted on the claim; after
 * the last one the claim goes to the dead-letter channel {@value #DEAD}: DEAD with its last error, and a row in the
 * dead-letter store ({@code tandem:claim-resubmit} queues it again). A missing consent is not retried.</li>
 * </ul>
 * The claim id travels with the claim (ClaimID): a redelivery after an unanswered send is the same claim for the
 * state.
 */
public class ClaimRoutes extends RouteBuilder {

    public static final String POLL = "state-claims-poll";
    public static final String SEND = "state-claim-send";
    public static final String DEAD = "state-claim-dead";
    static final String CLAIM_PROPERTY = "TandemClaim";
    static final int BATCH = 50;

    private final ClaimSettings settings;
    private final ClaimRepository claims;
    private final CaseRepository cases;
    private final DisclosureGate consents;
    private final DeadLetterSink deadLetters;
    private final Clock clock;

    public ClaimRoutes(ClaimSettings settings, ClaimRepository claims, CaseRepository cases, DisclosureGate consents,
            DeadLetterSink deadLetters, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.claims = Objects.requireNonNull(claims, "claims");
        this.cases = Objects.requireNonNull(cases, "cases");
        this.consents = Objects.requireNonNull(consents, "consents");
        this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void configure() {
        if (settings.endpoint() == null) {
            log.warn("Compensation claims are queued but not sent: set claimsEndpoint in etc/org.tandem.adapter.state.cfg");
            return;
        }
        from("timer:" + POLL + "?period=" + settings.pollIntervalMs() + "&delay=" + Math.min(1000, settings.pollIntervalMs()))
                .routeId(POLL)
                .process(e -> e.getIn().setBody(claims.due(clock.instant().minusMillis(settings.staleAfterMs()), BATCH)))
                .split(body())
                    .to("direct:" + SEND)
                .end();

        from("direct:" + SEND).routeId(SEND)
                .errorHandler(deadLetterChannel("direct:" + DEAD).deadLetterHandleNewException(false)
                        .maximumRedeliveries(settings.maximumRedeliveries())
                        .redeliveryDelay(settings.redeliveryDelayMs()).useExponentialBackOff().backOffMultiplier(2)
                        .maximumRedeliveryDelay(settings.maximumRedeliveryDelayMs())
                        .retryAttemptedLogLevel(LoggingLevel.WARN)
                        .onExceptionOccurred(this::attemptFailed))
                .onException(MissingConsentException.class)
                    .maximumRedeliveries(0)
                .end()
                .process(this::claim)
                .filter(exchangeProperty(CLAIM_PROPERTY).isNotNull())
                    .process(this::assemble)
                    // the receipt is the reply: request-reply even though the poll that started this is one-way
                    .setExchangePattern(ExchangePattern.InOut)
                    .to(endpointUri())
                    .process(this::delivered)
                .end();

        from("direct:" + DEAD).routeId(DEAD)
                .process(this::dead);
    }

    /** The CXF endpoint: {@code cxf:} (SOAP, PAYLOAD, the WSDL) or {@code cxfrs:} (REST, HTTP API). */
    String endpointUri() {
        if (settings.protocol() == ClaimSettings.Protocol.REST) {
            return "cxfrs://" + settings.endpoint() + "?httpClientAPI=true&throwExceptionOnFailure=true";
        }
        return "cxf://" + settings.endpoint() + "?dataFormat=PAYLOAD"
                + "&wsdlURL=" + URLEncoder.encode(settings.wsdlUrl(), StandardCharsets.UTF_8)
                + "&serviceName=RAW({" + ClaimPayloads.NS + "}VictimCompensationService)"
                + "&portName=RAW({" + ClaimPayloads.NS + "}VictimCompensationPort)"
                + "&defaultOperationName=SubmitClaim&defaultOperationNamespace=RAW(" + ClaimPayloads.NS + ")";
    }

    /** QUEUED or (stale) SENDING to SENDING; another sender that got there first makes this a no-op. */
    private void claim(Exchange exchange) {
        Claim claim = exchange.getIn().getBody(Claim.class);
        if (claims.transition(claim.id(), List.of(ClaimStatus.QUEUED, ClaimStatus.SENDING), ClaimStatus.SENDING, false,
                null, null, clock.instant())) {
            exchange.setProperty(CLAIM_PROPERTY, claim);
        } else {
            log.debug("claim {} taken by another sender", claim.id());
        }
    }

    private void assemble(Exchange exchange) {
        Claim claim = exchange.getProperty(CLAIM_PROPERTY, Claim.class);
        VictimCase c = cases.find(claim.agencyId(), claim.caseId())
                .orElseThrow(() -> new MissingConsentException("the case of the claim no longer exists"));
        Person claimant = c.persons().stream().filter(p -> p.id().equals(claim.personId())).findFirst()
                .orElseThrow(() -> new MissingConsentException("the claimant is no longer on the case"));
        Optional<Consent> consent = consents.disclose(new Disclosure(claim.caseId(), claim.agencyId(), claim.personId(),
                ConsentScope.SHARE_WITH_STATE, Recipient.agency(settings.stateAgencyId()),
                "compensation claim " + claim.id() + " sent to the state", "claims-sender", null));
        if (consent.isEmpty()) {
            throw new MissingConsentException("no active SHARE_WITH_STATE consent for " + settings.stateAgencyId()
                    + " (revoked or expired): the claim was not sent");
        }
        Instant now = clock.instant();
        if (settings.protocol() == ClaimSettings.Protocol.REST) {
            exchange.getIn().setBody(ClaimPayloads.json(claim, c, claimant, consent.get().id(), now));
            exchange.getIn().setHeader(Exchange.HTTP_METHOD, "POST");
            exchange.getIn().setHeader(Exchange.CONTENT_TYPE, "application/json");
            exchange.getIn().setHeader("Idempotency-Key", claim.id());
        } else {
            exchange.getIn().setBody(ClaimPayloads.soap(claim, c, claimant, consent.get().id(), now));
        }
    }

    private void delivered(Exchange exchange) {
        Claim claim = exchange.getProperty(CLAIM_PROPERTY, Claim.class);
        Object body = exchange.getMessage().getBody();
        // cxfrs (HTTP API) answers with the JAX-RS Response; cxf PAYLOAD with the receipt element
        String answer = body instanceof javax.ws.rs.core.Response response && response.hasEntity()
                ? response.readEntity(String.class) : exchange.getMessage().getBody(String.class);
        String number = ClaimPayloads.receiptNumber(answer);
        claims.transition(claim.id(), List.of(ClaimStatus.SENDING), ClaimStatus.DELIVERED, true, null,
                number == null ? "(no claim number returned)" : number, clock.instant());
        log.info("Compensation claim {} delivered to the state ({})", claim.id(), number);
    }

    /** Every failed attempt is counted on the claim with its error, before the next redelivery. */
    private void attemptFailed(Exchange exchange) {
        Claim claim = exchange.getProperty(CLAIM_PROPERTY, Claim.class);
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (cause == null) {
            cause = exchange.getException();
        }
        if (claim != null) {
            claims.transition(claim.id(), List.of(ClaimStatus.SENDING), ClaimStatus.SENDING, true, reason(cause), null,
                    clock.instant());
        }
    }

    private void dead(Exchange exchange) {
        Claim claim = exchange.getProperty(CLAIM_PROPERTY, Claim.class);
        if (claim == null) {
            claim = exchange.getIn().getBody(Claim.class);
        }
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String reason = reason(cause);
        // the dead letter first: a DEAD claim always has one
        deadLetters.record(SEND, claim.id(), reason);
        claims.transition(claim.id(), List.of(ClaimStatus.SENDING, ClaimStatus.QUEUED), ClaimStatus.DEAD, false, reason,
                null, clock.instant());
        log.warn("Compensation claim {} is DEAD: {} (tandem:claim-resubmit {} queues it again)", claim.id(), reason,
                claim.id());
    }

    static String reason(Throwable cause) {
        if (cause == null) {
            return "unknown";
        }
        // Camel wraps the transport's failure (CamelExecutionException, RuntimeCamelException): name the root cause
        while (cause.getCause() != null && cause.getCause() != cause
                && (cause instanceof org.apache.camel.CamelExecutionException
                        || cause instanceof org.apache.camel.RuntimeCamelException)) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? "" : cause.getMessage();
        return cause.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }

    /** How long a claim can wait at most before it is DEAD, for the operator's documentation and tests. */
    Duration worstCaseRedelivery() {
        long total = 0;
        long delay = settings.redeliveryDelayMs();
        for (int i = 0; i < settings.maximumRedeliveries(); i++) {
            total += Math.min(delay, settings.maximumRedeliveryDelayMs());
            delay *= 2;
        }
        return Duration.ofMillis(total);
    }
}
