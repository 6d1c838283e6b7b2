package org.tandem.adapter.state.internal.claims;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

import javax.ws.rs.ClientErrorException;

import org.tandem.api.AccessDeniedException;
import org.tandem.api.Caller;
import org.tandem.api.Ids;
import org.tandem.api.Page;
import org.tandem.api.Role;
import org.tandem.api.ValidationException;
import org.tandem.api.cases.IntakeService;
import org.tandem.api.cases.Person;
import org.tandem.api.cases.PersonRole;
import org.tandem.api.cases.VictimCase;
import org.tandem.api.claims.Claim;
import org.tandem.api.claims.ClaimRepository;
import org.tandem.api.claims.ClaimStatus;
import org.tandem.api.consent.ConsentScope;
import org.tandem.api.consent.DisclosureGate;
import org.tandem.api.consent.Recipient;

/**
 * Accepting and listing compensation claims. A claim is accepted (QUEUED, sent by the claim routes) only for a
 * victim on one of the caller's agency's cases who has an active SHARE_WITH_STATE consent naming the state
 * program's agency, and only once per person and case unless the earlier claim is DEAD.
 */
public final class ClaimService {

    private final IntakeService intake;
    private final ClaimRepository claims;
    private final DisclosureGate consents;
    private final String stateAgencyId;
    private final Clock clock;

    public ClaimService(IntakeService intake, ClaimRepository claims, DisclosureGate consents, String stateAgencyId,
            Clock clock) {
        this.intake = Objects.requireNonNull(intake, "intake");
        this.claims = Objects.requireNonNull(claims, "claims");
        this.consents = Objects.requireNonNull(consents, "consents");
        this.stateAgencyId = Objects.requireNonNull(stateAgencyId, "stateAgencyId");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @throws NoSuchElementException when the case is not the caller's agency's
     * @throws ValidationException when the person is not a victim on the case
     * @throws ClientErrorException 409 without an active consent, or when a live claim exists
     */
    public Claim submit(Caller caller, String caseId, String personId) {
        requireRole(caller, "submit compensation claims", Role.OFFICER, Role.ADVOCATE);
        VictimCase c = visibleCase(caller, caseId);
        if (personId == null || personId.isBlank()) {
            throw new ValidationException("personId", "required");
        }
        Person person = c.persons().stream().filter(p -> personId.equals(p.id())).findFirst()
                .orElseThrow(() -> new ValidationException("personId", "not a person on this case"));
        if (person.role() == PersonRole.WITNESS) {
            throw new ValidationException("personId", "a witness cannot claim victim compensation");
        }
        // queueing discloses nothing yet (the sender asks the gate again when it sends): refuse early only
        if (consents.coveringConsent(personId, ConsentScope.SHARE_WITH_STATE, Recipient.agency(stateAgencyId)).isEmpty()) {
            throw new ClientErrorException("The person has no active SHARE_WITH_STATE consent for the state"
                    + " compensation program (" + stateAgencyId + "); record the consent first", 409);
        }
        boolean live = claims.listForCase(c.agencyId(), c.id(), 0, Page.MAX_SIZE).items().stream()
                .anyMatch(k -> k.personId().equals(personId) && k.status() != ClaimStatus.DEAD);
        if (live) {
            throw new ClientErrorException("A compensation claim for this person is already queued or delivered", 409);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Claim claim = new Claim(Ids.newId(), c.agencyId(), c.id(), personId, ClaimStatus.QUEUED, 0, null, null,
                caller.user(), now, now, null);
        claims.insert(claim);
        return claim;
    }

    public Page<Claim> list(Caller caller, String caseId, int page, int size) {
        requireRole(caller, "read compensation claims", Role.OFFICER, Role.ADVOCATE, Role.SUPERVISOR);
        VictimCase c = visibleCase(caller, caseId);
        if (page < 0 || size < 1 || size > Page.MAX_SIZE) {
            throw new ValidationException(List.of(new org.tandem.api.FieldError("size",
                    "page >= 0 and size between 1 and " + Page.MAX_SIZE)));
        }
        return claims.listForCase(c.agencyId(), c.id(), page, size);
    }

    private VictimCase visibleCase(Caller caller, String caseId) {
        return intake.get(caller, caseId).orElseThrow(() -> new NoSuchElementException("no such case"));
    }

    private static void requireRole(Caller caller, String action, Role... roles) {
        if (caller == null || !caller.hasAnyRole(roles)) {
            throw new AccessDeniedException("your role may not " + action);
        }
        if (!caller.hasAgency()) {
            throw new AccessDeniedException("account has no agency");
        }
    }
}
