package org.tandem.store.internal.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.api.Page;
import org.tandem.api.cases.ServiceCategory;
import org.tandem.api.referral.Provider;
import org.tandem.api.referral.ProviderMatch;
import org.tandem.api.referral.ProviderQuery;
import org.tandem.api.referral.ServiceArea;
import org.tandem.store.internal.jdbc.StoreException;
import org.tandem.store.internal.migration.SchemaMigrator;
import org.tandem.store.testing.TestDatabase;
import org.tandem.store.testing.TestProviders;

class JdbcProviderRepositoryTest {

    private static final Instant T0 = Instant.parse("2026-11-20T10:15:30.123Z");
    private static final ServiceArea SANGAMON = new ServiceArea(false, List.of("Sangamon"), List.of());

    @TempDir
    Path tempDir;

    private TestDatabase db;
    private JdbcProviderRepository repository;

    @BeforeEach
    void setUp() {
        db = TestDatabase.create(tempDir);
        new SchemaMigrator(db.dataSource()).migrate();
        repository = new JdbcProviderRepository(db.dataSource());
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private static ProviderQuery query(ServiceCategory service, String language, String area, String text) {
        return new ProviderQuery(service, language, area, text, 0, 20);
    }

    private static List<String> names(Page<ProviderMatch> page) {
        return page.items().stream().map(m -> m.provider().name()).toList();
    }

    @Test
    void storesEveryFieldInOrderAndReadsItBack() {
        Provider p = TestProviders.sample("prv-safe-harbor", "Safe Harbor", T0);
        repository.insert(p);

        assertThat(repository.find("prv-safe-harbor")).contains(p);
        assertThat(repository.find("nope")).isEmpty();
        assertThat(repository.count()).isEqualTo(1);
        assertThat(repository.idsForAgency("VSP-DEMO")).containsExactly("prv-safe-harbor");
        assertThat(repository.idsForAgency("PD-DEMO")).isEmpty();
    }

    @Test
    void updateReplacesChildrenAndKeepsCreation() {
        repository.insert(TestProviders.sample("p1", "Safe Harbor", T0));
        Provider changed = TestProviders.simple("p1", "Safe Harbor Center", false, List.of(ServiceCategory.MEDICAL),
                List.of("vi"), new ServiceArea(true, List.of(), List.of("62702")), T0.plusSeconds(99));

        assertThat(repository.update(changed)).isTrue();
        assertThat(repository.update(changed.withId("p2"))).isFalse();

        Provider stored = repository.find("p1").orElseThrow();
        assertThat(stored).isEqualTo(changed.withTimes(T0, T0.plusSeconds(99)));
        assertThat(db.count("provider_service")).isEqualTo(1);
        assertThat(db.count("provider_location")).isZero();
    }

    @Test
    void searchFiltersByServiceAreaAndText() {
        repository.insert(TestProviders.simple("a", "Alpha Counseling", true, List.of(ServiceCategory.COUNSELING),
                List.of("en"), SANGAMON, T0));
        repository.insert(TestProviders.simple("b", "Bravo Shelter", true, List.of(ServiceCategory.SHELTER_AND_HOUSING),
                List.of("en"), new ServiceArea(false, List.of("Macon County"), List.of("62521")), T0));
        repository.insert(TestProviders.simple("c", "Charlie 100% Legal", true, List.of(ServiceCategory.LEGAL_ADVOCACY,
                ServiceCategory.COUNSELING), List.of("en"), new ServiceArea(true, List.of(), List.of()), T0));

        assertThat(names(repository.search(query(ServiceCategory.COUNSELING, null, null, null))))
                .containsExactly("Alpha Counseling", "Charlie 100% Legal");
        assertThat(names(repository.search(query(null, null, "SANGAMON county", null))))
                .as("county names compare without case and the word County; statewide serves everywhere")
                .containsExactly("Alpha Counseling", "Charlie 100% Legal");
        assertThat(names(repository.search(query(null, null, "62521", null))))
                .containsExactly("Bravo Shelter", "Charlie 100% Legal");
        assertThat(names(repository.search(query(null, null, "Macon", null))))
                .containsExactly("Bravo Shelter", "Charlie 100% Legal");
        assertThat(names(repository.search(query(null, null, null, "shel")))).containsExactly("Bravo Shelter");
        assertThat(names(repository.search(query(null, null, null, "100%")))).as("LIKE wildcards are literal")
                .containsExactly("Charlie 100% Legal");
        assertThat(names(repository.search(query(null, null, null, "0%L")))).isEmpty();
        assertThat(repository.search(query(ServiceCategory.MEDICAL, null, null, null)).total()).isZero();
    }

    @Test
    void searchRanksAcceptingFirstThenLanguageThenName() {
        repository.insert(TestProviders.simple("1", "Aardvark (full)", false, List.of(ServiceCategory.COUNSELING),
                List.of("es"), SANGAMON, T0));
        repository.insert(TestProviders.simple("2", "Beta", true, List.of(ServiceCategory.COUNSELING),
                List.of("en"), SANGAMON, T0));
        repository.insert(TestProviders.simple("3", "Gamma", true, List.of(ServiceCategory.COUNSELING),
                List.of("en", "es-MX", "es-US"), SANGAMON, T0));
        repository.insert(TestProviders.simple("4", "alpha", true, List.of(ServiceCategory.COUNSELING),
                List.of("en"), SANGAMON, T0));

        Page<ProviderMatch> spanish = repository.search(query(ServiceCategory.COUNSELING, "ES", "Sangamon", null));
        assertThat(names(spanish)).containsExactly("Gamma", "alpha", "Beta", "Aardvark (full)");
        assertThat(spanish.items()).extracting(ProviderMatch::languageMatch).containsExactly(true, false, false, true);
        assertThat(spanish.total()).isEqualTo(4);

        assertThat(names(repository.search(query(null, "es-419", null, null)))).first().isEqualTo("Gamma");
        assertThat(names(repository.search(query(null, null, null, null))))
                .containsExactly("alpha", "Beta", "Gamma", "Aardvark (full)");

        Page<ProviderMatch> second = repository.search(new ProviderQuery(null, "es", null, null, 1, 3));
        assertThat(names(second)).containsExactly("Aardvark (full)");
        assertThat(second.total()).isEqualTo(4);
        assertThat(repository.search(new ProviderQuery(null, null, null, null, 5, 3)).items()).isEmpty();
        assertThatThrownBy(() -> repository.search(new ProviderQuery(null, null, null, null, 0, 0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void saveAllStoresEverythingOrNothing() {
        repository.insert(TestProviders.sample("keep", "Kept As Is", T0));
        Provider tooLong = TestProviders.simple("bad", "x".repeat(201), true, List.of(ServiceCategory.COUNSELING),
                List.of(), SANGAMON, T0);
        Provider changed = TestProviders.simple("keep", "Changed", true, List.of(ServiceCategory.MEDICAL), List.of(),
                SANGAMON, T0);
        Provider fresh = TestProviders.simple("new", "New", true, List.of(ServiceCategory.MEDICAL), List.of(), SANGAMON,
                T0);

        assertThatThrownBy(() -> repository.saveAll(List.of(changed, fresh, tooLong)))
                .isInstanceOf(StoreException.class);
        assertThat(repository.count()).isEqualTo(1);
        assertThat(repository.find("keep").orElseThrow().name()).isEqualTo("Kept As Is");
        assertThat(db.count("provider_service")).isEqualTo(2);

        assertThat(repository.saveAll(List.of(changed, fresh))).isEqualTo(1);
        assertThat(repository.count()).isEqualTo(2);
        assertThat(repository.find("keep").orElseThrow().name()).isEqualTo("Changed");
    }

    @Test
    void listPagesByName() {
        for (String name : List.of("delta", "Alpha", "charlie", "Bravo")) {
            repository.insert(TestProviders.simple(name.toLowerCase(), name, true, List.of(ServiceCategory.MEDICAL),
                    List.of(), SANGAMON, T0));
        }
        Page<Provider> first = repository.list(0, 3);
        assertThat(first.items()).extracting(Provider::name).containsExactly("Alpha", "Bravo", "charlie");
        assertThat(first.total()).isEqualTo(4);
        assertThat(repository.list(1, 3).items()).extracting(Provider::name).containsExactly("delta");
    }
}
