package org.tandem.api.referral;

import java.util.Optional;

import org.tandem.api.Page;

/** Persistence of referrals and their history (implemented by the store bundle). */
public interface ReferralRepository {

    /** Stores the referral with its services and its whole history in one transaction. */
    void insert(Referral referral);

    /** With its history, oldest step first. Tenancy is the caller's job. */
    Optional<Referral> find(String id);

    /**
     * Moves the referral to {@code step.to()} and appends {@code step} to its history, in one transaction, if it
     * still has {@code expectedVersion} (nobody changed it meanwhile).
     *
     * @return the referral as stored afterwards, or empty when it changed concurrently or does not exist
     */
    Optional<Referral> transition(String id, int expectedVersion, ReferralTransition step);

    /** Newest first; with {@link ReferralQuery#sentBefore()} the longest waiting first. */
    Page<Referral> search(ReferralQuery query);
}
