package org.tandem.api.referral;

import java.util.HashMap;
import java.util.Map;

/**
 * The properties of {@link ReferralTopics#STATUS_CHANGED}, built in one place so the live EventAdmin event and the
 * journaled one are identical.
 *
 * @since 1.1
 */
public final class ReferralEvents {

    private ReferralEvents() {
    }

    /**
     * @param providerAgencyId the agency of the provider's users, or null for a provider without one
     * @param step the status change; {@code from} is null when the referral was created
     */
    public static Map<String, Object> statusChanged(Referral r, String providerAgencyId, ReferralTransition step) {
        Map<String, Object> props = new HashMap<>();
        props.put(ReferralTopics.PROP_REFERRAL_ID, r.id());
        props.put(ReferralTopics.PROP_CASE_ID, r.caseId());
        props.put(ReferralTopics.PROP_AGENCY_ID, r.agencyId());
        props.put(ReferralTopics.PROP_PERSON_ID, r.personId());
        props.put(ReferralTopics.PROP_PROVIDER_ID, r.providerId());
        if (providerAgencyId != null) {
            props.put(ReferralTopics.PROP_PROVIDER_AGENCY_ID, providerAgencyId);
        }
        if (step.from() != null) {
            props.put(ReferralTopics.PROP_FROM, step.from().name());
        }
        props.put(ReferralTopics.PROP_TO, step.to().name());
        if (step.by() != null) {
            props.put(ReferralTopics.PROP_USER, step.by());
        }
        props.put(ReferralTopics.PROP_TIMESTAMP, step.at().toEpochMilli());
        return props;
    }
}
