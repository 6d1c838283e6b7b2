package org.tandem.api.referral;

/**
 * What a user lists with {@link ReferralService#list}: referrals their agency sent or received, optionally only
 * one status, one provider, or the overdue ones (SENT longer than the configured business days).
 */
public record ReferralFilter(ReferralStatus status, String providerId, boolean overdueOnly, int page, int size) {
}
