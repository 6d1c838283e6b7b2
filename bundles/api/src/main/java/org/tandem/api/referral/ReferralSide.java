package org.tandem.api.referral;

/** Which side of a referral a viewer is on: the agency that owns the case, or the receiving provider's agency. */
public enum ReferralSide { REFERRER, PROVIDER }
