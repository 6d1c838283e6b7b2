package org.tandem.api.consent;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The single enforcement point for consent: every disclosure of a person's data outside the owning agency (a
 * referral sent to a provider, a provider's view of it, a claim sent to the state, ...) and every message to a
 * person goes through {@link #disclose} at the moment it happens. It asks the {@link ConsentService} (the decision
 * point) and records the decision, allowed or denied, in the audit trail before anything is disclosed, so revoked
 * and expired consents take effect immediately and every disclosure can be shown afterwards. Code outside the
 * consent implementation does not ask {@link ConsentService#activeConsent} itself (a source test enforces it).
 */
@ProviderType
public interface DisclosureGate {

    /**
     * @return the consent that covers the disclosure now; empty = disclose nothing
     * @throws RuntimeException when the decision could not be made or audited: disclose nothing
     */
    Optional<Consent> disclose(Disclosure disclosure);

    /**
     * Whether a consent covers such a disclosure now, without disclosing anything (e.g. to show the referring
     * agency whether its referral is still covered, or to refuse a request early). Not audited.
     */
    Optional<Consent> coveringConsent(String personId, ConsentScope scope, Recipient recipient);
}
