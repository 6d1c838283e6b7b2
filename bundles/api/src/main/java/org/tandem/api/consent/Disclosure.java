package org.tandem.api.consent;

import java.util.Objects;

/**
 * One disclosure of a person's data outside the agency that owns the case (or a message to the person), as the
 * code path about to make it describes it to the {@link DisclosureGate}. Ids only, never names.
 *
 * @param caseId the case the person belongs to
 * @param ownerAgencyId the agency that owns the case: the audit record is filed under it, so its supervisors see every
 *        disclosure of their victims' data, whoever made it
 * @param personId whose data is disclosed (or who is contacted)
 * @param scope what the disclosure needs: {@link ConsentScope#NOTIFY}, {@link ConsentScope#SHARE_WITH_PROVIDER}, ...
 * @param recipient who receives it
 * @param purpose what the disclosure is, for the audit trail, e.g. {@code referral view}, {@code notification CASE_OPENED}
 * @param actor the user on whose behalf it happens, or the component (e.g. {@code notification-dispatcher})
 * @param actorAgency the actor's agency; null for platform components
 */
public record Disclosure(String caseId, String ownerAgencyId, String personId, ConsentScope scope, Recipient recipient, String purpose,
        String actor, String actorAgency) {

    public Disclosure {
        Objects.requireNonNull(ownerAgencyId, "ownerAgencyId");
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(recipient, "recipient");
        if (purpose == null || purpose.isBlank()) {
            throw new IllegalArgumentException("A disclosure needs a purpose");
        }
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("A disclosure needs an actor");
        }
    }
}
