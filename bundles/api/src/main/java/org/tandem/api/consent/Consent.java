package org.tandem.api.consent;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * One consent as recorded; never deleted. {@code revokedAt} set means revoked from that instant on.
 * Active at {@code t} when {@code grantedAt <= t}, not expired ({@code expiresAt} null or after t) and not revoked.
 * {@code items} lists the data a sharing consent covers (see {@link DataItem}); it is empty for NOTIFY.
 */
public record Consent(String id, String caseId, String personId, ConsentScope scope, Recipient recipient, String purpose,
        ConsentForm form, Instant grantedAt, Instant expiresAt, Instant revokedAt, String recordedBy, String revokedBy,
        String revocationReason, Set<DataItem> items) {

    public Consent {
        items = items == null ? DataItem.defaultsFor(scope)
                : items.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(items));
    }

    /** The 1.0 shape: the items are the defaults of the scope ({@link DataItem#defaultsFor}). */
    public Consent(String id, String caseId, String personId, ConsentScope scope, Recipient recipient, String purpose,
            ConsentForm form, Instant grantedAt, Instant expiresAt, Instant revokedAt, String recordedBy,
            String revokedBy, String revocationReason) {
        this(id, caseId, personId, scope, recipient, purpose, form, grantedAt, expiresAt, revokedAt, recordedBy,
                revokedBy, revocationReason, null);
    }

    public boolean activeAt(Instant t) {
        return !grantedAt.isAfter(t) && (expiresAt == null || expiresAt.isAfter(t)) && (revokedAt == null || revokedAt.isAfter(t));
    }

    /** ACTIVE, PENDING (granted in the future), EXPIRED or REVOKED at {@code t}; revocation wins over expiry. */
    public ConsentState stateAt(Instant t) {
        if (revokedAt != null && !revokedAt.isAfter(t)) {
            return ConsentState.REVOKED;
        }
        if (expiresAt != null && !expiresAt.isAfter(t)) {
            return ConsentState.EXPIRED;
        }
        return grantedAt.isAfter(t) ? ConsentState.PENDING : ConsentState.ACTIVE;
    }

    public boolean covers(DataItem item) {
        return items.contains(item);
    }
}
