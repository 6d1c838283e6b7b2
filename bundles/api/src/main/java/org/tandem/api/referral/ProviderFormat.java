package org.tandem.api.referral;

/** Directory exchange formats: HSDS-style JSON ({@code organizations[]}) or one CSV row per provider. */
public enum ProviderFormat { JSON, CSV }
