package org.tandem.store.testing;

import java.time.Instant;
import java.util.List;

import org.tandem.api.cases.ServiceCategory;
import org.tandem.api.referral.Provider;
import org.tandem.api.referral.ProviderContact;
import org.tandem.api.referral.ProviderLocation;
import org.tandem.api.referral.ProviderService;
import org.tandem.api.referral.ServiceArea;

/** Fully populated providers for repository tests. */
public final class TestProviders {

    private TestProviders() {
    }

    public static Provider sample(String id, String name, Instant at) {
        return new Provider(id, name, "Advocacy, counseling and shelter for survivors.", "VSP-DEMO", true,
                List.of(new ProviderService(ServiceCategory.SHELTER_AND_HOUSING, "Emergency shelter", "30 beds"),
                        new ProviderService(ServiceCategory.COUNSELING, "Individual counseling", null)),
                List.of("en", "es-MX"), new ServiceArea(false, List.of("Sangamon", "Menard County"), List.of("62701")),
                "Adults and their children", "24/7 hotline; office Mon-Fri 08:00-17:00",
                new ProviderContact("+12175550100", "intake@example.org", "https://example.org/safe-harbor"),
                List.of(new ProviderLocation("Outreach office", "100 Demo St", "Springfield", "Sangamon", "IL", "62701")),
                at, at);
    }

    public static Provider simple(String id, String name, boolean accepting, List<ServiceCategory> categories,
            List<String> languages, ServiceArea area, Instant at) {
        return new Provider(id, name, null, null, accepting,
                categories.stream().map(c -> new ProviderService(c, null, null)).toList(), languages, area, null, null,
                null, List.of(), at, at);
    }
}
