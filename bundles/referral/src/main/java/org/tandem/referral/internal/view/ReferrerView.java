package org.tandem.referral.internal.view;

import java.util.Set;

import org.tandem.api.referral.Provider;
import org.tandem.api.referral.Referral;
import org.tandem.api.referral.ReferralSide;
import org.tandem.api.referral.ReferralView;

/**
 * A referral as the referring agency (owner of the case) sees it: everything it wrote and the whole outcome,
 * no person data (it has the case). {@code consentActive} tells it whether the provider still sees the person.
 */
public final class ReferrerView {

    private ReferrerView() {
    }

    public static ReferralView of(Referral r, Provider provider, boolean overdue, boolean consentActive) {
        return new ReferralView(r.id(), ReferralSide.REFERRER, r.caseId(), r.personId(), r.agencyId(), r.providerId(),
                provider == null ? null : provider.name(), r.services(), r.urgency(), r.note(), r.status(),
                r.createdBy(), r.createdAt(), r.updatedAt(), r.sentAt(), overdue, r.history(), !consentActive, null,
                Set.of(), null);
    }

    /** For platform-internal listings (console): ids and statuses, no free text. */
    public static ReferralView withoutText(Referral r, Provider provider, boolean overdue) {
        ReferralView full = of(r, provider, overdue, true);
        return new ReferralView(full.id(), full.side(), full.caseId(), full.personId(), full.referringAgencyId(),
                full.providerId(), full.providerName(), full.services(), full.urgency(), null, full.status(),
                full.createdBy(), full.createdAt(), full.updatedAt(), full.sentAt(), full.overdue(),
                full.history().stream().map(t -> new org.tandem.api.referral.ReferralTransition(t.from(), t.to(),
                        t.at(), t.by(), t.agencyId(), null)).toList(), false, null, Set.of(), null);
    }
}
