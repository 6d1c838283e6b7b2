package org.tandem.api.referral;

import java.time.Instant;

/**
 * One step of a referral's history: who (user of which agency) moved it from {@code from} to {@code to}, when,
 * and why. The first entry of every referral has {@code from == null} (created).
 */
public record ReferralTransition(ReferralStatus from, ReferralStatus to, Instant at, String by, String agencyId,
        String reason) {
}
