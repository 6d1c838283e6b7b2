package org.tandem.api.referral;

import java.time.Instant;
import java.util.List;

/**
 * A service provider in the directory (an HSDS organization with its services and locations). When
 * {@code agencyId} is set, the users of that Tandem agency act on referrals sent to this provider.
 * {@code locations} may be empty: confidential shelters publish no address.
 */
public record Provider(String id, String name, String description, String agencyId, boolean acceptingReferrals,
        List<ProviderService> services, List<String> languages, ServiceArea serviceArea, String eligibility,
        String hours, ProviderContact contact, List<ProviderLocation> locations, Instant createdAt,
        Instant updatedAt) {

    public Provider {
        services = services == null ? List.of() : List.copyOf(services);
        languages = languages == null ? List.of() : List.copyOf(languages);
        serviceArea = serviceArea == null ? ServiceArea.NONE : serviceArea;
        contact = contact == null ? ProviderContact.NONE : contact;
        locations = locations == null ? List.of() : List.copyOf(locations);
    }

    public Provider withId(String newId) {
        return new Provider(newId, name, description, agencyId, acceptingReferrals, services, languages, serviceArea,
                eligibility, hours, contact, locations, createdAt, updatedAt);
    }

    public Provider withTimes(Instant created, Instant updated) {
        return new Provider(id, name, description, agencyId, acceptingReferrals, services, languages, serviceArea,
                eligibility, hours, contact, locations, created, updated);
    }

    /** True if one of the provider's services is in {@code category}. */
    public boolean offers(org.tandem.api.cases.ServiceCategory category) {
        return services.stream().anyMatch(s -> s.category() == category);
    }
}
