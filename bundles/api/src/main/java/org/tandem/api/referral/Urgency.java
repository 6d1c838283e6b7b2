package org.tandem.api.referral;

/** How soon the provider should act on a referral. */
public enum Urgency { ROUTINE, URGENT, EMERGENCY }
