package org.tandem.api.consent;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.tandem.api.Caller;

/**
 * The single consent decision point. Every disclosure of a person's data to someone outside the owning
 * agency, and every notification, goes through the {@link DisclosureGate}, which asks {@link #activeConsent} at that
 * moment and audits the answer: revocation and expiry take effect immediately.
 */
@ProviderType
public interface ConsentService {

    /**
     * Records a consent for a person on one of the caller's agency's cases.
     *
     * @throws org.tandem.api.ValidationException for bad input (e.g. sharing scopes without expiry)
     * @throws java.util.NoSuchElementException when the case or person is not visible to the caller
     */
    Consent record(Caller caller, NewConsent consent);

    /**
     * Revokes a consent (kept as history). Revoking twice keeps the first revocation.
     *
     * @throws java.util.NoSuchElementException when the consent is not visible to the caller
     */
    Consent revoke(Caller caller, String consentId, String reason);

    /** @return the consent, or empty when it does not exist or its case belongs to another agency */
    Optional<Consent> get(Caller caller, String consentId);

    /**
     * Every consent of a case the caller's agency owns, newest first, including revoked and expired ones.
     *
     * @throws java.util.NoSuchElementException when the case is not visible to the caller
     */
    List<Consent> forCase(Caller caller, String caseId);

    /**
     * The consent (if any) of the person that allows {@code scope} towards {@code recipient} now. Platform-internal:
     * its caller is the {@link DisclosureGate}; code that is about to disclose or send asks the gate instead.
     */
    Optional<Consent> activeConsent(String personId, ConsentScope scope, Recipient recipient);
}
