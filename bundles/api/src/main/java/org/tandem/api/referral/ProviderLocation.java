package org.tandem.api.referral;

/** Where a provider receives people (an HSDS location with its physical address). */
public record ProviderLocation(String name, String address, String city, String county, String state, String zip) {
}
