package org.tandem.api.referral;

import org.tandem.api.cases.ServiceCategory;

/**
 * A directory search. {@code service} and {@code area} (county name or 5-digit ZIP) filter; {@code language}
 * (BCP 47, compared by primary subtag) only ranks: providers accepting referrals come first, then those that
 * speak the language, then by name. {@code text} matches name, description and service names. Nulls match all.
 */
public record ProviderQuery(ServiceCategory service, String language, String area, String text, int page, int size) {
}
