package org.tandem.notification.internal.testing;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.tandem.api.Caller;
import org.tandem.api.Ids;
import org.tandem.api.consent.Consent;
import org.tandem.api.consent.ConsentForm;
import org.tandem.api.consent.ConsentScope;
import org.tandem.api.consent.ConsentService;
import org.tandem.api.consent.Disclosure;
import org.tandem.api.consent.DisclosureGate;
import org.tandem.api.consent.NewConsent;
import org.tandem.api.consent.Recipient;

/**
 * A working ConsentService over a map (test double: the real one lives in the security bundle). Answers
 * {@link #activeConsent} with the same rule as the API's {@link Consent#activeAt}: granted, not expired, not revoked
 * at the clock's now. As the {@link DisclosureGate} it keeps every decision instead of auditing it.
 */
public final class MapConsentService implements ConsentService, DisclosureGate {

    /** Every disclosure asked for, allowed or not, in order. */
    public final List<Disclosure> asked = new java.util.concurrent.CopyOnWriteArrayList<>();

    private final Map<String, Consent> byPerson = new ConcurrentHashMap<>();
    private final Clock clock;

    public MapConsentService(Clock clock) {
        this.clock = clock;
    }

    public void grantNotify(String caseId, String personId) {
        byPerson.put(personId, new Consent(Ids.newId(), caseId, personId, ConsentScope.NOTIFY, Recipient.ANY,
                "notifications", ConsentForm.WRITTEN, clock.instant(), null, null, "advocate", null, null));
    }

    public void revokeNotify(String personId) {
        Consent c = byPerson.get(personId);
        byPerson.put(personId, new Consent(c.id(), c.caseId(), c.personId(), c.scope(), c.recipient(), c.purpose(),
                c.form(), c.grantedAt(), c.expiresAt(), clock.instant(), c.recordedBy(), "advocate", "asked to stop"));
    }

    @Override
    public Optional<Consent> activeConsent(String personId, ConsentScope scope, Recipient recipient) {
        Consent c = byPerson.get(personId);
        Instant now = clock.instant();
        return c != null && c.scope() == scope && c.recipient().covers(recipient) && c.activeAt(now) ? Optional.of(c)
                : Optional.empty();
    }

    @Override
    public Optional<Consent> disclose(Disclosure disclosure) {
        asked.add(disclosure);
        return activeConsent(disclosure.personId(), disclosure.scope(), disclosure.recipient());
    }

    @Override
    public Optional<Consent> coveringConsent(String personId, ConsentScope scope, Recipient recipient) {
        return activeConsent(personId, scope, recipient);
    }

    @Override
    public Consent record(Caller caller, NewConsent consent) {
        throw new UnsupportedOperationException("not used by notifications");
    }

    @Override
    public Consent revoke(Caller caller, String consentId, String reason) {
        throw new UnsupportedOperationException("not used by notifications");
    }

    @Override
    public List<Consent> forCase(Caller caller, String caseId) {
        return byPerson.values().stream().filter(c -> c.caseId().equals(caseId)).toList();
    }

    @Override
    public Optional<Consent> get(Caller caller, String consentId) {
        return Optional.empty();
    }
}
