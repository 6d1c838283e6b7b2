package org.tandem.api.consent;

import java.time.Instant;

/**
 * One consent as recorded; never deleted. {@code revokedAt} set means revoked from that instant on.
 * Active at {@code t} when {@code grantedAt <= t}, not expired ({@code expiresAt} null or after t) and not revoked.
 */
public record Consent(String id, String caseId, String personId, ConsentScope scope, Recipient recipient, String purpose,
        ConsentForm form, Instant grantedAt, Instant expiresAt, Instant revokedAt, String recordedBy, String revokedBy,
        String revocationReason) {

    public boolean activeAt(Instant t) {
        return !grantedAt.isAfter(t) && (expiresAt == null || expiresAt.isAfter(t)) && (revokedAt == null || revokedAt.isAfter(t));
    }
}
