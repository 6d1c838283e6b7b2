package org.tandem.api.referral;

/** A search hit: the provider and whether it speaks the language asked for. */
public record ProviderMatch(Provider provider, boolean languageMatch) {
}
