package org.tandem.api.consent;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * What is recorded when a person gives consent; {@code grantedAt} null means now; {@code items} null means the
 * defaults of the scope ({@link DataItem#defaultsFor}).
 */
public record NewConsent(String caseId, String personId, ConsentScope scope, Recipient recipient, String purpose,
        ConsentForm form, Instant grantedAt, Instant expiresAt, Set<DataItem> items) {

    public NewConsent {
        items = items == null ? null : items.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(items));
    }

    /** The 1.0 shape: default items. */
    public NewConsent(String caseId, String personId, ConsentScope scope, Recipient recipient, String purpose,
            ConsentForm form, Instant grantedAt, Instant expiresAt) {
        this(caseId, personId, scope, recipient, purpose, form, grantedAt, expiresAt, null);
    }
}
