package org.tandem.referral.internal.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tandem.referral.internal.testing.Fixtures.ADMIN;
import static org.tandem.referral.internal.testing.Fixtures.OFFICER;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.api.AccessDeniedException;
import org.tandem.api.FieldError;
import org.tandem.api.ValidationException;
import org.tandem.api.cases.ServiceCategory;
import org.tandem.api.referral.ImportReport;
import org.tandem.api.referral.Provider;
import org.tandem.api.referral.ProviderFormat;
import org.tandem.api.referral.ProviderLocation;
import org.tandem.api.referral.ProviderQuery;
import org.tandem.api.referral.ProviderService;
import org.tandem.referral.internal.testing.DerbyStore;
import org.tandem.referral.internal.testing.Fixtures;
import org.tandem.referral.internal.testing.MutableClock;

/** Directory rules, import (all rows or none, per-row report) and export round trips on the real store. */
class ProviderDirectoryImplTest {

    private static final Instant T0 = Instant.parse("2026-11-20T15:00:00Z");
    private static final String HEADER = "id,name,services,languages,counties,zip_codes,statewide,accepting_referrals,"
            + "phone,email,location_name,address,city,county,state,zip\r\n";

    @TempDir
    Path dir;

    private DerbyStore store;
    private final MutableClock clock = new MutableClock(T0);
    private ProviderDirectoryImpl directory;

    @BeforeEach
    void setUp() {
        store = new DerbyStore(dir);
        directory = new ProviderDirectoryImpl(store.providers, clock);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private static InputStream text(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void adminsMaintainTheDirectoryOthersRead() {
        Provider created = directory.create(ADMIN, Fixtures.safeHarbor(null).withId(null));
        assertThat(created.id()).hasSize(24);
        assertThat(created.createdAt()).isEqualTo(T0);
        assertThat(directory.get(OFFICER, created.id())).contains(created);
        assertThatThrownBy(() -> directory.create(OFFICER, Fixtures.safeHarbor(null))).isInstanceOf(AccessDeniedException.class);

        clock.advance(Duration.ofHours(1));
        Provider changed = directory.update(ADMIN, created.id(), Fixtures.clinic(null, true));
        assertThat(changed.id()).isEqualTo(created.id());
        assertThat(changed.createdAt()).isEqualTo(T0);
        assertThat(changed.updatedAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
        assertThat(store.providers.find(created.id())).contains(changed);
        assertThatThrownBy(() -> directory.update(ADMIN, "nope", Fixtures.clinic(null, true)))
                .isInstanceOf(NoSuchElementException.class);
        assertThat(directory.get(OFFICER, "../etc/passwd")).isEmpty();
    }

    @Test
    void everyBrokenRuleIsReportedAtOnce() {
        Provider bad = new Provider(null, " ", null, "bad agency!", true,
                List.of(new ProviderService(null, null, null)), List.of("espanol!", "en", "EN"),
                new org.tandem.api.referral.ServiceArea(false, List.of("Sangamon1"), List.of("6270")), null, null,
                new org.tandem.api.referral.ProviderContact("217-555-0100", "nope", "ftp://x"),
                List.of(new ProviderLocation(null, null, null, null, "Illinois", "627")), null, null);
        assertThatThrownBy(() -> directory.create(ADMIN, bad)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("name", "agencyId",
                        "services[0].category", "languages[0]", "languages[2]", "serviceArea.counties[0]",
                        "serviceArea.zipCodes[0]", "contact.phone", "contact.email", "contact.website",
                        "locations[0].state", "locations[0].zip"));
        assertThatThrownBy(() -> directory.create(ADMIN, new Provider(null, "No area", null, null, true,
                List.of(new ProviderService(ServiceCategory.MEDICAL, null, null)), null, null, null, null, null, null,
                null, null))).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("serviceArea"));
        assertThat(store.providers.count()).isZero();
        assertThatThrownBy(() -> directory.search(OFFICER, new ProviderQuery(null, "not a tag", "x".repeat(101), null,
                -1, 0))).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("page", "size", "language", "area"));
    }

    @Test
    void aCsvWithBadRowsReportsEachOfThemAndStoresNothing() {
        String csv = HEADER
                + "prv-a,Alpha Counseling,COUNSELING=Trauma counseling;CRISIS_INTERVENTION,en;es,Sangamon,,false,yes,"
                + "+12175550101,a@example.org,Office,\"1 Main St, Suite 2\",Springfield,Sangamon,IL,62701\r\n"
                + "prv-b,,COUNSELING,en,Sangamon,,,,,,,,,,,\r\n"
                + "prv-c,Charlie,COUNSELLING;SHELTER,en,Sangamon,,,maybe,,,,,,,,\r\n"
                + "prv-d,\"Delta, \"\"the\"\" clinic\",MEDICAL,en,,6270x,,,217-555,,,,,,IL,\r\n"
                + "prv-a,Alpha again,MEDICAL,en,Sangamon,,,,,,,,,,,\r\n"
                + "prv-e,Echo,MEDICAL,en\r\n";

        ImportReport report = directory.importProviders(ADMIN, ProviderFormat.CSV, text(csv), false);

        assertThat(report.applied()).isFalse();
        assertThat(report.rows()).isEqualTo(6);
        assertThat(report.errors()).extracting(e -> e.row() + "@" + e.line() + ":" + e.field()).containsExactly(
                "2@3:name",
                "3@4:accepting_referrals", "3@4:services",
                "4@5:zip_codes", "4@5:phone",
                "5@6:id",
                "6@7:row");
        assertThat(report.errors().get(2).message()).contains("COUNSELLING").contains("COUNSELING");
        assertThat(report.errors().get(5).message()).isEqualTo("the same id as row 1");
        assertThat(report.errors()).extracting(ImportReport.RowError::providerId).contains("prv-b", "prv-d");
        assertThat(store.providers.count()).as("nothing half-imported").isZero();
    }

    @Test
    void aGoodCsvIsStoredWholeAndReimportUpdates() {
        String csv = HEADER
                + "prv-a,Alpha Counseling,COUNSELING=Trauma counseling;CRISIS_INTERVENTION,en;es,Sangamon;Menard County,,,,"
                + "+12175550101,a@example.org,Office,\"1 Main St, Suite 2\",Springfield,Sangamon,IL,62701\r\n"
                + ",Statewide Compensation,COMPENSATION_ASSISTANCE,en;es;pl,,,true,no,,,,,,,,\r\n";

        ImportReport dry = directory.importProviders(ADMIN, ProviderFormat.CSV, text(csv), true);
        assertThat(dry.applied()).isFalse();
        assertThat(dry.created()).isEqualTo(2);
        assertThat(dry.errors()).isEmpty();
        assertThat(store.providers.count()).isZero();

        ImportReport report = directory.importProviders(ADMIN, ProviderFormat.CSV, text(csv), false);
        assertThat(report.applied()).isTrue();
        assertThat(report.created()).isEqualTo(2);
        Provider alpha = store.providers.find("prv-a").orElseThrow();
        assertThat(alpha.services()).extracting(ProviderService::category)
                .containsExactly(ServiceCategory.COUNSELING, ServiceCategory.CRISIS_INTERVENTION);
        assertThat(alpha.services().get(0).name()).isEqualTo("Trauma counseling");
        assertThat(alpha.serviceArea().counties()).containsExactly("Sangamon", "Menard County");
        assertThat(alpha.locations()).containsExactly(new ProviderLocation("Office", "1 Main St, Suite 2", "Springfield",
                "Sangamon", "IL", "62701"));
        assertThat(store.providers.list(0, 10).items()).filteredOn(p -> !p.id().equals("prv-a")).singleElement()
                .satisfies(p -> {
                    assertThat(p.serviceArea().statewide()).isTrue();
                    assertThat(p.acceptingReferrals()).isFalse();
                });

        clock.advance(Duration.ofDays(1));
        ImportReport again = directory.importProviders(ADMIN, ProviderFormat.CSV,
                text(HEADER + "prv-a,Alpha Renamed,COUNSELING,en,Sangamon,,,,,,,,,,,\r\n"), false);
        assertThat(again.created()).isZero();
        assertThat(again.updated()).isEqualTo(1);
        Provider renamed = store.providers.find("prv-a").orElseThrow();
        assertThat(renamed.name()).isEqualTo("Alpha Renamed");
        assertThat(renamed.createdAt()).isEqualTo(T0);
        assertThat(store.providers.count()).isEqualTo(2);
    }

    @Test
    void unusableFilesAreRefusedAsAWhole() {
        assertThatThrownBy(() -> directory.importProviders(ADMIN, ProviderFormat.CSV, text("name,colour\r\nA,red\r\n"),
                false)).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::message).anyMatch(m -> m.contains("colour"))
                        .anyMatch(m -> m.contains("'services' is required")));
        assertThatThrownBy(() -> directory.importProviders(ADMIN, ProviderFormat.CSV, text("name,services\r\n\"A,B\r\n"),
                false)).hasMessageContaining("never closed");
        assertThatThrownBy(() -> directory.importProviders(ADMIN, ProviderFormat.JSON, text("{\"organizations\": ["),
                false)).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> directory.importProviders(ADMIN, ProviderFormat.CSV, text(""), false))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> directory.importProviders(ADMIN, ProviderFormat.CSV,
                new ByteArrayInputStream(new byte[] {'n', 'a', 'm', 'e', '\n', (byte) 0xC3}), false))
                .hasMessageContaining("UTF-8");
        directory.configure(200, 1024);
        assertThatThrownBy(() -> directory.importProviders(ADMIN, ProviderFormat.CSV, text(HEADER + "x".repeat(2000)),
                false)).hasMessageContaining("larger than 1024 bytes");
        assertThatThrownBy(() -> directory.importProviders(OFFICER, ProviderFormat.CSV, text(HEADER), false))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(store.providers.count()).isZero();
    }

    @Test
    void jsonImportReportsHsdsPathsAndStoresNothingOnError() {
        String json = """
                {"organizations":[
                  {"id":"prv-ok","name":"OK","services":[{"name":"Shelter","taxonomy_terms":[{"taxonomy":"tandem-service-category","code":"SHELTER_AND_HOUSING"}]}],
                   "service_areas":[{"name":"Sangamon","extent_type":"county"}]},
                  {"id":"prv-bad","name":"Bad","email":"nope","tax_id":"12-345",
                   "services":[{"name":"X","taxonomy_terms":[{"code":"HOUSING"}]},{"name":"Y","taxonomy_terms":[{"code":"MEDICAL"}],"description":7}],
                   "languages":[{"code":"es!"}],
                   "service_areas":[{"name":"Mars","extent_type":"planet"}],
                   "locations":[{"name":"HQ","addresses":[{"address_1":"1 Main","state_province":"Illinois","country":"US"}]}]}
                ]}""";
        ImportReport report = directory.importProviders(ADMIN, ProviderFormat.JSON, text(json), false);

        assertThat(report.errors()).allMatch(e -> e.row() == 2 && e.providerId().equals("prv-bad"));
        assertThat(report.errors()).extracting(ImportReport.RowError::field).containsExactlyInAnyOrder("tax_id",
                "services[0].taxonomy_terms[0].code", "services[1].description", "service_areas[0].extent_type",
                "service_areas",
                "languages[0].code", "email", "locations[0].addresses[0].state_province");
        assertThat(store.providers.count()).isZero();
    }

    @Test
    void jsonExportReadsBackUnchangedAndCsvKeepsWhatItCarries() throws Exception {
        Provider full = Fixtures.safeHarbor(null).withId(null);
        full = new Provider(null, full.name(), "Line one\nline two", full.agencyId(), true, full.services(),
                List.of("en", "es-MX"), new org.tandem.api.referral.ServiceArea(true, List.of("Sangamon"),
                        List.of("62701")), "Adults", "24/7", full.contact(),
                List.of(new ProviderLocation("Office", "1 Main St", "Springfield", "Sangamon", "IL", "62701-1234")), null,
                null);
        Provider a = directory.create(ADMIN, full);
        Provider b = directory.create(ADMIN, Fixtures.clinic(null, false).withId(null));

        ByteArrayOutputStream json = new ByteArrayOutputStream();
        directory.export(OFFICER, ProviderFormat.JSON, json);
        assertThat(json.toString(StandardCharsets.UTF_8)).contains("\"format\" : \"hsds-tandem/1\"",
                "\"taxonomy\" : \"tandem-service-category\"");
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        directory.export(OFFICER, ProviderFormat.CSV, csv);

        DerbyStore other = new DerbyStore(dir.resolve("other"));
        try {
            ProviderDirectoryImpl copy = new ProviderDirectoryImpl(other.providers, clock);
            assertThat(copy.importProviders(ADMIN, ProviderFormat.JSON, new ByteArrayInputStream(json.toByteArray()),
                    false).created()).isEqualTo(2);
            assertThat(other.providers.find(a.id())).contains(a);
            assertThat(other.providers.find(b.id())).contains(b);

            clock.advance(Duration.ofMinutes(1));
            ImportReport viaCsv = copy.importProviders(ADMIN, ProviderFormat.CSV,
                    new ByteArrayInputStream(csv.toByteArray()), false);
            assertThat(viaCsv.updated()).isEqualTo(2);
            Provider back = other.providers.find(a.id()).orElseThrow();
            assertThat(back.description()).isEqualTo(a.description());
            assertThat(back.serviceArea()).isEqualTo(a.serviceArea());
            assertThat(back.locations()).isEqualTo(a.locations());
            assertThat(back.services()).extracting(ProviderService::name)
                    .isEqualTo(a.services().stream().map(ProviderService::name).toList());
        } finally {
            other.close();
        }
    }
}
