package org.tandem.api.referral;

/** How agencies reach a provider (never a victim's contact). */
public record ProviderContact(String phone, String email, String website) {

    public static final ProviderContact NONE = new ProviderContact(null, null, null);
}
