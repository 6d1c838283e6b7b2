package org.tandem.api.claims;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.tandem.api.Page;

/** Persistence of compensation claims (implemented by the store bundle). */
public interface ClaimRepository {

    void insert(Claim claim);

    Optional<Claim> find(String agencyId, String id);

    /** Platform-internal lookup by id alone (the sender and the console are not scoped to an agency). */
    Optional<Claim> find(String id);

    /** The agency's claims on a case, newest first. */
    Page<Claim> listForCase(String agencyId, String caseId, int page, int size);

    /**
     * Claims to send now: QUEUED ones, and SENDING ones last touched before {@code staleBefore} (a send that
     * was interrupted by a restart), oldest first.
     */
    List<Claim> due(Instant staleBefore, int max);

    /**
     * Moves a claim from one of {@code from} to {@code to} and records the attempt outcome; {@code attempts}
     * is incremented when {@code countAttempt}.
     *
     * @return false when the claim was not in one of the {@code from} states (someone else moved it)
     */
    boolean transition(String id, List<ClaimStatus> from, ClaimStatus to, boolean countAttempt, String lastError,
            String stateReference, Instant at);

    /** Makes a DEAD claim QUEUED again with its attempt count reset; false when it is not DEAD. */
    boolean resubmit(String id, Instant at);
}
