package org.tandem.api.referral;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.tandem.api.Caller;
import org.tandem.api.Page;

/**
 * Closed-loop referrals. The referring agency creates and sends; the users of the agency linked to the provider
 * accept, decline, progress and complete; either side may close. Every status change is stored with who, when and
 * why and posted as {@link ReferralTopics#STATUS_CHANGED} after it is committed.
 */
@ProviderType
public interface ReferralService {

    /**
     * @throws ConsentRequiredException when the person has no active SHARE_WITH_PROVIDER consent for the provider
     * @throws ReferralConflictException when the provider does not accept referrals
     * @throws org.tandem.api.ValidationException listing every bad field
     * @throws java.util.NoSuchElementException when the case is not one of the caller's agency's
     */
    ReferralView create(Caller caller, NewReferral referral);

    /**
     * @throws IllegalTransitionException when the referral cannot move from its status to {@code to}
     * @throws org.tandem.api.AccessDeniedException when the move belongs to the other side
     * @throws java.util.NoSuchElementException when the referral is not visible to the caller
     */
    ReferralView changeStatus(Caller caller, String referralId, ReferralStatus to, String reason);

    Optional<ReferralView> get(Caller caller, String referralId);

    /** Referrals the caller's agency sent or received (as the agency linked to the provider), newest first. */
    Page<ReferralView> list(Caller caller, ReferralFilter filter);

    /**
     * The referrals of one of the caller's agency's cases with their outcome and history (closed loop).
     *
     * @throws java.util.NoSuchElementException when the case is not visible to the caller
     */
    Page<ReferralView> forCase(Caller caller, String caseId, int page, int size);

    /**
     * Referrals of every agency, platform-internal (console): newest first, or with {@code overdueOnly} the overdue
     * ones longest waiting first. The views carry ids, statuses and times only: no note, no reasons, no person.
     */
    List<ReferralView> all(ReferralStatus status, boolean overdueOnly, int limit);
}
