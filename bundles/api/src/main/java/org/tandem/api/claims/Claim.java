package org.tandem.api.claims;

import java.time.Instant;

/**
 * A compensation claim for a person on a case. {@code attempts} counts sends (including redeliveries);
 * {@code lastError} is the reason of the last failed attempt; {@code stateReference} is the claim number
 * the state returned.
 */
public record Claim(String id, String agencyId, String caseId, String personId, ClaimStatus status, int attempts,
        String lastError, String stateReference, String createdBy, Instant createdAt, Instant updatedAt,
        Instant deliveredAt) {
}
