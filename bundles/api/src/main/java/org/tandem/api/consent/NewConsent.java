package org.tandem.api.consent;

import java.time.Instant;

/** What is recorded when a person gives consent; {@code grantedAt} null means now. */
public record NewConsent(String caseId, String personId, ConsentScope scope, Recipient recipient, String purpose,
        ConsentForm form, Instant grantedAt, Instant expiresAt) {
}
