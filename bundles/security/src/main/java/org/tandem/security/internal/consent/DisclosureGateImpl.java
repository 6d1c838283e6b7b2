package org.tandem.security.internal.consent;

import java.util.Objects;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tandem.api.audit.AuditEvent;
import org.tandem.api.audit.AuditLog;
import org.tandem.api.consent.Consent;
import org.tandem.api.consent.ConsentScope;
import org.tandem.api.consent.ConsentService;
import org.tandem.api.consent.Disclosure;
import org.tandem.api.consent.DisclosureGate;
import org.tandem.api.consent.Recipient;

/**
 * The one place where a disclosure is allowed or refused: the {@link ConsentService}'s answer at this moment, written
 * to the audit trail of the agency that owns the case (action {@code DISCLOSE <scope>}, object the person, fields the
 * recipient, purpose, the actor's agency and the consent id, outcome {@code ALLOWED} or {@code DENIED}) before the
 * caller may disclose anything. An audit trail that
 * cannot be written means nothing is disclosed.
 */
@Component(service = DisclosureGate.class)
public class DisclosureGateImpl implements DisclosureGate {

    static final String ACTION_PREFIX = "DISCLOSE ";

    private final ConsentService consents;
    private final AuditLog audit;

    @Activate
    public DisclosureGateImpl(@Reference(name = "consents") ConsentService consents,
            @Reference(name = "audit") AuditLog audit) {
        this.consents = Objects.requireNonNull(consents, "consents");
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    @Override
    public Optional<Consent> disclose(Disclosure d) {
        Optional<Consent> consent = consents.activeConsent(d.personId(), d.scope(), d.recipient());
        // filed under the owning agency (its supervisors answer for its victims' data); the actor's agency is named
        audit.record(new AuditEvent(d.actor(), d.ownerAgencyId(), null, ACTION_PREFIX + d.scope(), "person",
                d.personId(), d.caseId(), "recipient=" + d.recipient().kind()
                        + (d.recipient().id() == null ? "" : ":" + d.recipient().id()) + ",purpose=" + d.purpose()
                        + (d.actorAgency() == null ? "" : ",byAgency=" + d.actorAgency())
                        + consent.map(c -> ",consent=" + c.id()).orElse(""),
                "platform", consent.isPresent() ? "ALLOWED" : "DENIED"));
        return consent;
    }

    @Override
    public Optional<Consent> coveringConsent(String personId, ConsentScope scope, Recipient recipient) {
        return consents.activeConsent(personId, scope, recipient);
    }
}
