package org.tandem.api.referral;

import org.tandem.api.cases.ServiceCategory;

/** One service a provider offers (an HSDS service), classified by the platform's service taxonomy. */
public record ProviderService(ServiceCategory category, String name, String description) {
}
