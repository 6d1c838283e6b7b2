package org.tandem.api.referral;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.tandem.api.cases.ServiceCategory;
import org.tandem.api.consent.DataItem;

/**
 * A referral as one viewer may see it. The referring side sees everything it wrote ({@code caseId},
 * {@code personId}, {@code note}) and no person data (it has the case). The provider side never sees
 * {@code caseId} or {@code personId}; it sees {@code person} and {@code note} only while a SHARE_WITH_PROVIDER
 * consent is active, limited to {@code sharedItems}. {@code consentRevoked} is true when no such consent is
 * active any more (revoked or expired): then the provider sees the referral shell only.
 */
public record ReferralView(String id, ReferralSide side, String caseId, String personId, String referringAgencyId,
        String providerId, String providerName, List<ServiceCategory> services, Urgency urgency, String note,
        ReferralStatus status, String createdBy, Instant createdAt, Instant updatedAt, Instant sentAt,
        boolean overdue, List<ReferralTransition> history, boolean consentRevoked, Instant consentExpiresAt,
        Set<DataItem> sharedItems, SharedPerson person) {

    public ReferralView {
        services = List.copyOf(services);
        history = List.copyOf(history);
        sharedItems = sharedItems == null ? Set.of() : Set.copyOf(sharedItems);
    }
}
