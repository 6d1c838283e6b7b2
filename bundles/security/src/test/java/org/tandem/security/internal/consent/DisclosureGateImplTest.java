package org.tandem.security.internal.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.tandem.api.Caller;
import org.tandem.api.Page;
import org.tandem.api.audit.AuditEvent;
import org.tandem.api.audit.AuditLog;
import org.tandem.api.audit.AuditQuery;
import org.tandem.api.audit.AuditRecord;
import org.tandem.api.audit.AuditVerification;
import org.tandem.api.consent.Consent;
import org.tandem.api.consent.ConsentForm;
import org.tandem.api.consent.ConsentScope;
import org.tandem.api.consent.ConsentService;
import org.tandem.api.consent.Disclosure;
import org.tandem.api.consent.NewConsent;
import org.tandem.api.consent.Recipient;

/** The gate decides with the consent service and audits every decision before anything is disclosed. */
class DisclosureGateImplTest {

    private final List<AuditEvent> audited = new ArrayList<>();
    private Optional<Consent> answer = Optional.empty();
    private boolean auditBroken;

    private final ConsentService consents = new ConsentService() {
        @Override
        public Optional<Consent> activeConsent(String personId, ConsentScope scope, Recipient recipient) {
            return answer;
        }

        @Override
        public Consent record(Caller caller, NewConsent consent) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Consent revoke(Caller caller, String consentId, String reason) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Consent> get(Caller caller, String consentId) {
            return Optional.empty();
        }

        @Override
        public List<Consent> forCase(Caller caller, String caseId) {
            return List.of();
        }
    };

    private final AuditLog audit = new AuditLog() {
        @Override
        public AuditRecord record(AuditEvent event) {
            if (auditBroken) {
                throw new IllegalStateException("audit store down");
            }
            audited.add(event);
            return new AuditRecord(audited.size(), Instant.now(), event, "", "");
        }

        @Override
        public Page<AuditRecord> search(AuditQuery query) {
            throw new UnsupportedOperationException();
        }

        @Override
        public AuditVerification verify() {
            throw new UnsupportedOperationException();
        }
    };

    private final DisclosureGateImpl gate = new DisclosureGateImpl(consents, audit);
    private final Disclosure toSafeHarbor = new Disclosure("case-1", "PD-DEMO", "person-1",
            ConsentScope.SHARE_WITH_PROVIDER, Recipient.provider("prv-safe-harbor"), "referral read by the provider",
            "advocate", "VSP-DEMO");

    @Test
    void anAllowedDisclosureIsAuditedUnderTheOwningAgencyWithItsConsent() {
        Consent consent = new Consent("consent-7", "case-1", "person-1", ConsentScope.SHARE_WITH_PROVIDER,
                Recipient.provider("prv-safe-harbor"), "counseling", ConsentForm.WRITTEN, Instant.EPOCH, null, null,
                "officer", null, null);
        answer = Optional.of(consent);

        assertThat(gate.disclose(toSafeHarbor)).contains(consent);

        assertThat(audited).singleElement().satisfies(e -> {
            assertThat(e.user()).isEqualTo("advocate");
            assertThat(e.agencyId()).isEqualTo("PD-DEMO");
            assertThat(e.action()).isEqualTo("DISCLOSE SHARE_WITH_PROVIDER");
            assertThat(e.objectType()).isEqualTo("person");
            assertThat(e.objectId()).isEqualTo("person-1");
            assertThat(e.caseId()).isEqualTo("case-1");
            assertThat(e.fields()).isEqualTo("recipient=PROVIDER:prv-safe-harbor,purpose=referral read by the provider,"
                    + "byAgency=VSP-DEMO,consent=consent-7");
            assertThat(e.outcome()).isEqualTo("ALLOWED");
        });
    }

    @Test
    void aRefusalIsAuditedToo() {
        assertThat(gate.disclose(toSafeHarbor)).isEmpty();
        assertThat(audited).singleElement().satisfies(e -> assertThat(e.outcome()).isEqualTo("DENIED"));
    }

    @Test
    void withoutAnAuditTrailNothingIsDisclosed() {
        answer = Optional.of(new Consent("consent-7", "case-1", "person-1", ConsentScope.SHARE_WITH_PROVIDER,
                Recipient.provider("prv-safe-harbor"), "counseling", ConsentForm.WRITTEN, Instant.EPOCH, null, null,
                "officer", null, null));
        auditBroken = true;
        assertThatThrownBy(() -> gate.disclose(toSafeHarbor)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aCoverageCheckDisclosesNothingAndIsNotAudited() {
        assertThat(gate.coveringConsent("person-1", ConsentScope.NOTIFY, Recipient.ANY)).isEmpty();
        assertThat(audited).isEmpty();
    }
}
