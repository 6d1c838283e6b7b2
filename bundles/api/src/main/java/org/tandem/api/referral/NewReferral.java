package org.tandem.api.referral;

import java.util.List;

import org.tandem.api.cases.ServiceCategory;

/**
 * What a referring user submits. The person may be the primary victim or a secondary victim of the case.
 * {@code send} true creates the referral and sends it at once (DRAFT then SENT); {@code urgency} null is ROUTINE.
 */
public record NewReferral(String caseId, String personId, String providerId, List<ServiceCategory> services,
        String note, Urgency urgency, boolean send) {

    public NewReferral {
        services = services == null ? List.of() : List.copyOf(services);
    }
}
