package org.tandem.api.referral;

import java.time.Instant;

/**
 * Repository filters. {@code visibleTo} (an agency id) keeps referrals the agency made, and those sent (drafts never)
 * to a provider linked to it; null means every agency and is for platform-internal callers (console) only.
 * {@code sentBefore} keeps referrals sent before that instant. Other nulls match everything.
 */
public record ReferralQuery(String visibleTo, ReferralStatus status, String providerId, String caseId,
        Instant sentBefore, int page, int size) {
}
