package org.tandem.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.tandem.api.cases.ServiceCategory;
import org.tandem.api.referral.Provider;
import org.tandem.referral.internal.provider.ProviderValidator;

class DemoProvidersTest {

    private final List<Provider> providers = DemoProviders.all(Instant.parse("2026-11-20T15:00:00Z"));

    @Test
    void aboutTwentyValidProvidersWithUniqueIds() {
        assertThat(providers).hasSizeBetween(18, 25);
        assertThat(providers.stream().map(Provider::id).distinct().count()).isEqualTo(providers.size());
        for (Provider p : providers) {
            assertThat(ProviderValidator.check(p)).as(p.id()).isEmpty();
        }
    }

    @Test
    void severalCountiesAndLanguagesAndEveryOvcServiceArea() {
        Set<String> counties = providers.stream().flatMap(p -> p.serviceArea().counties().stream())
                .collect(Collectors.toSet());
        Set<String> languages = providers.stream().flatMap(p -> p.languages().stream()).collect(Collectors.toSet());
        Set<ServiceCategory> services = providers.stream().flatMap(p -> p.services().stream())
                .map(s -> s.category()).collect(Collectors.toSet());
        assertThat(counties).hasSizeGreaterThanOrEqualTo(6);
        assertThat(languages).contains("en", "es", "vi", "ar", "pl", "ase", "ht");
        assertThat(services).containsAll(EnumSet.of(ServiceCategory.INFORMATION_AND_REFERRAL,
                ServiceCategory.PERSONAL_ADVOCACY, ServiceCategory.EMOTIONAL_SUPPORT_AND_SAFETY,
                ServiceCategory.SHELTER_AND_HOUSING, ServiceCategory.CRIMINAL_CIVIL_JUSTICE_ASSISTANCE,
                ServiceCategory.COUNSELING, ServiceCategory.MEDICAL, ServiceCategory.LEGAL_ADVOCACY,
                ServiceCategory.COMPENSATION_ASSISTANCE));
        assertThat(providers).filteredOn(p -> !p.acceptingReferrals()).isNotEmpty();
        assertThat(providers).filteredOn(p -> p.serviceArea().statewide()).isNotEmpty();
    }

    @Test
    void theDemoAdvocateActsOnReferralsToSafeHarbor() {
        Provider safeHarbor = providers.stream().filter(p -> p.id().equals(DemoProviders.SAFE_HARBOR)).findFirst()
                .orElseThrow();
        assertThat(safeHarbor.agencyId()).isEqualTo("VSP-DEMO");
        assertThat(safeHarbor.acceptingReferrals()).isTrue();
        assertThat(safeHarbor.offers(ServiceCategory.COUNSELING)).isTrue();
        assertThat(safeHarbor.languages()).contains("es");
        assertThat(safeHarbor.serviceArea().counties()).contains("Sangamon");
        assertThat(safeHarbor.locations()).as("confidential shelter address").isEmpty();
    }
}
