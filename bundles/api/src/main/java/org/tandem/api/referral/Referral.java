package org.tandem.api.referral;

import java.time.Instant;
import java.util.List;

import org.tandem.api.cases.ServiceCategory;

/**
 * A stored referral of one person on a case ({@code caseId}, owned by the referring agency {@code agencyId}) to a
 * provider. {@code consentId} is the SHARE_WITH_PROVIDER consent that allowed it when it was created; what the
 * provider may see is decided again at every read. {@code version} counts changes (optimistic locking).
 */
public record Referral(String id, String caseId, String agencyId, String personId, String providerId,
        List<ServiceCategory> services, Urgency urgency, String note, ReferralStatus status, String consentId,
        String createdBy, Instant createdAt, Instant updatedAt, Instant sentAt, int version,
        List<ReferralTransition> history) {

    public Referral {
        services = List.copyOf(services);
        history = history == null ? List.of() : List.copyOf(history);
    }
}
