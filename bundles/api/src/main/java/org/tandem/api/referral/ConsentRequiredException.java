package org.tandem.api.referral;

import org.tandem.api.consent.ConsentScope;
import org.tandem.api.consent.Recipient;

/**
 * The person has no active consent that allows the disclosure (HTTP 409). Says exactly which consent is
 * missing: whose ({@code caseId}, {@code personId}), what ({@code scope}), towards whom ({@code recipient}), and
 * why the ones on record do not count ({@code reason}, e.g. expired or revoked, with {@code lastConsentId}).
 */
public class ConsentRequiredException extends ReferralConflictException {

    private static final long serialVersionUID = 1L;

    private final String caseId;
    private final String personId;
    private final ConsentScope scope;
    private final transient Recipient recipient;
    private final String reason;
    private final String lastConsentId;

    public ConsentRequiredException(String caseId, String personId, ConsentScope scope, Recipient recipient,
            String reason, String lastConsentId) {
        super("No active " + scope + " consent of person " + personId + " on case " + caseId + " for "
                + recipient.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + recipient.id() + ": " + reason);
        this.caseId = caseId;
        this.personId = personId;
        this.scope = scope;
        this.recipient = recipient;
        this.reason = reason;
        this.lastConsentId = lastConsentId;
    }

    public String caseId() {
        return caseId;
    }

    public String personId() {
        return personId;
    }

    public ConsentScope scope() {
        return scope;
    }

    public Recipient recipient() {
        return recipient;
    }

    public String reason() {
        return reason;
    }

    /** The most recent matching consent that is no longer active, or null when none was ever recorded. */
    public String lastConsentId() {
        return lastConsentId;
    }
}
