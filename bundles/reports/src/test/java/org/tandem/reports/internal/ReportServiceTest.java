package org.tandem.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.api.AccessDeniedException;
import org.tandem.api.Caller;
import org.tandem.api.Ids;
import org.tandem.api.Role;
import org.tandem.api.cases.CaseStatus;
import org.tandem.api.cases.Channel;
import org.tandem.api.cases.Incident;
import org.tandem.api.cases.Person;
import org.tandem.api.cases.PersonRole;
import org.tandem.api.cases.ServiceCategory;
import org.tandem.api.cases.VictimCase;
import org.tandem.api.notification.Notification;
import org.tandem.api.notification.NotificationEvents;
import org.tandem.api.notification.NotificationState;
import org.tandem.api.notification.RecipientType;
import org.tandem.api.referral.Referral;
import org.tandem.api.referral.ReferralStatus;
import org.tandem.api.referral.ReferralTransition;
import org.tandem.api.referral.Urgency;
import org.tandem.store.internal.cases.JdbcCaseRepository;
import org.tandem.store.internal.migration.SchemaMigrator;
import org.tandem.store.internal.notification.JdbcNotificationRepository;
import org.tandem.store.internal.provider.JdbcProviderRepository;
import org.tandem.store.internal.referral.JdbcReferralRepository;
import org.tandem.store.testing.TestDatabase;
import org.tandem.store.testing.TestProviders;

/**
 * The reports on a real Derby store, with a data set whose every count is known, and the headline numbers
 * recomputed from the raw tables with SQL, so the definitions are checked twice.
 */
class ReportServiceTest {

    private static final String PD = "PD-DEMO";
    private static final Quarter Q4 = Quarter.parse("2026Q4");
    private static final Instant IN_Q4 = Instant.parse("2026-11-10T10:00:00Z");
    private static final Instant IN_Q3 = Instant.parse("2026-08-10T10:00:00Z");
    private static final Instant IN_Q2 = Instant.parse("2026-05-10T10:00:00Z");
    private static final Caller SUPERVISOR = new Caller("supervisor", PD, EnumSet.of(Role.SUPERVISOR));

    @TempDir
    Path tempDir;

    private TestDatabase db;
    private JdbcCaseRepository cases;
    private JdbcReferralRepository referrals;
    private JdbcNotificationRepository notifications;
    private ReportService service;

    @BeforeEach
    void setUp() {
        db = TestDatabase.create(tempDir);
        new SchemaMigrator(db.dataSource()).migrate();
        cases = new JdbcCaseRepository(db.dataSource());
        referrals = new JdbcReferralRepository(db.dataSource());
        notifications = new JdbcNotificationRepository(db.dataSource());
        JdbcProviderRepository providers = new JdbcProviderRepository(db.dataSource());
        providers.insert(TestProviders.sample("prv-vsp", "Safe Harbor", IN_Q3));
        providers.insert(TestProviders.simple("prv-free", "Free Clinic", true, List.of(ServiceCategory.MEDICAL),
                List.of(), org.tandem.api.referral.ServiceArea.NONE, IN_Q3));
        service = new ReportService(cases, referrals, notifications, providers);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private static Person victim(PersonRole role, LocalDate born, String language) {
        return new Person(Ids.newId(), role, role == PersonRole.SECONDARY_VICTIM ? "MOTHER" : null, "Given", "Family",
                born, language, null);
    }

    private VictimCase store(String agency, Instant created, CaseStatus status, Instant updated, List<String> offenses,
            Person... persons) {
        VictimCase c = new VictimCase(Ids.newId(), agency, status, new Incident(Ids.newId().substring(0, 10),
                "IL0160000", created.minusSeconds(3600), offenses, null), List.of(persons), List.of(), null, "officer",
                created, updated);
        cases.insert(c);
        return c;
    }

    private Referral refer(VictimCase c, Person p, String provider, Instant sent, ReferralStatus finalStatus,
            Instant answered, ServiceCategory... services) {
        List<ReferralTransition> history = new java.util.ArrayList<>(List.of(
                new ReferralTransition(null, ReferralStatus.DRAFT, sent, "officer", PD, null),
                new ReferralTransition(ReferralStatus.DRAFT, ReferralStatus.SENT, sent, "officer", PD, null)));
        if (finalStatus != ReferralStatus.SENT) {
            history.add(new ReferralTransition(ReferralStatus.SENT, finalStatus, answered, "advocate", "VSP-DEMO",
                    finalStatus.needsReason() ? "full" : null));
        }
        Referral r = new Referral(Ids.newId(), c.id(), c.agencyId(), p.id(), provider, List.of(services),
                Urgency.ROUTINE, null, finalStatus, null, "officer", sent, answered == null ? sent : answered, sent,
                history.size() - 1, history);
        referrals.insert(r);
        return r;
    }

    private void notified(VictimCase c, Person p, String eventType, NotificationState state, Instant sentAt) {
        notifications.insertIfAbsent(new Notification(Ids.newId(), Ids.newId(), c.agencyId(), c.id(), p.id(),
                RecipientType.PERSON, eventType, Ids.newId(), Channel.EMAIL, "es", "case-opened", "es", false, null,
                state, 1, null, null, null, null, "officer", sentAt, sentAt, state == NotificationState.QUEUED ? null
                        : sentAt, null, Map.of(), List.of()));
    }

    @Test
    void vocaMeasuresCountEveryVictimServedInTheQuarterOnce() {
        // new in Q4: an adult assault victim (Spanish) and her mother; a 15-year-old sexual assault victim
        Person maria = victim(PersonRole.PRIMARY_VICTIM, LocalDate.of(1990, 4, 2), "es");
        Person mother = victim(PersonRole.SECONDARY_VICTIM, LocalDate.of(1960, 1, 1), "es-MX");
        VictimCase assault = store(PD, IN_Q4, CaseStatus.OPEN, IN_Q4, List.of("13A"), maria, mother);
        Person teen = victim(PersonRole.PRIMARY_VICTIM, LocalDate.of(2011, 3, 3), "en");
        VictimCase sexual = store(PD, IN_Q4, CaseStatus.OPEN, IN_Q4, List.of("11A", "13C"), teen);
        // continuing: opened in Q3, still open; homicide survivor without birth date or language; a witness
        Person survivor = victim(PersonRole.SECONDARY_VICTIM, null, null);
        Person witness = new Person(Ids.newId(), PersonRole.WITNESS, null, "W", "W", null, "en", null);
        VictimCase homicide = store(PD, IN_Q3, CaseStatus.OPEN, IN_Q3, List.of("09A"), survivor, witness);
        // not served in Q4: closed in Q2; opened after Q4 can't exist in this data; another agency's case
        store(PD, IN_Q2, CaseStatus.CLOSED, IN_Q2, List.of("120"), victim(PersonRole.PRIMARY_VICTIM, null, "en"));
        store("SO-DEMO", IN_Q4, CaseStatus.OPEN, IN_Q4, List.of("120"), victim(PersonRole.PRIMARY_VICTIM, null, "en"));

        refer(assault, maria, "prv-vsp", IN_Q4, ReferralStatus.ACCEPTED, IN_Q4.plusSeconds(1800),
                ServiceCategory.SHELTER, ServiceCategory.COUNSELING);
        refer(sexual, teen, "prv-free", IN_Q4, ReferralStatus.DECLINED, IN_Q4.plusSeconds(7200),
                ServiceCategory.MEDICAL);
        refer(homicide, survivor, "prv-vsp", IN_Q3, ReferralStatus.COMPLETED, IN_Q3.plusSeconds(600),
                ServiceCategory.COUNSELING); // sent in Q3: not a Q4 service
        notified(assault, maria, NotificationEvents.TYPE_CASE_OPENED, NotificationState.SENT, IN_Q4);
        notified(assault, mother, NotificationEvents.TYPE_CASE_OPENED, NotificationState.WITHHELD, IN_Q4);
        notified(homicide, survivor, NotificationEvents.TYPE_COURT_EVENT_SCHEDULED, NotificationState.DELIVERED,
                IN_Q4);

        VocaReport r = service.voca(SUPERVISOR, Q4);

        assertThat(r.victimsServed()).isEqualTo(4);
        assertThat(r.newVictims()).isEqualTo(3);
        assertThat(r.continuingVictims()).isEqualTo(1);
        assertThat(r.primaryVictims()).isEqualTo(2);
        assertThat(r.secondaryVictims()).isEqualTo(2);
        assertThat(r.victimizationTypes()).containsEntry(VocaCategories.ADULT_PHYSICAL_ASSAULT, 2L)
                .containsEntry(VocaCategories.CHILD_SEXUAL_ABUSE, 1L).containsEntry(VocaCategories.STALKING, 1L)
                .containsEntry(VocaCategories.HOMICIDE_SURVIVORS, 1L).doesNotContainKey(VocaCategories.ROBBERY);
        assertThat(r.demographics().get("age")).containsEntry("13-17", 1L).containsEntry("25-59", 1L)
                .containsEntry("60 and older", 1L).containsEntry("Not reported", 1L).containsEntry("0-12", 0L);
        assertThat(r.demographics().get("language")).containsEntry("es", 2L).containsEntry("en", 1L)
                .containsEntry("Not reported", 1L);
        assertThat(r.demographics().get("gender")).containsEntry("Not reported", 4L);
        assertThat(r.serviceAreas()).containsEntry(VocaCategories.AREA_A, 2L) // maria, teen (referrals + rights info)
                .containsEntry(VocaCategories.AREA_B, 1L) // teen: medical
                .containsEntry(VocaCategories.AREA_C, 1L) // maria: counseling
                .containsEntry(VocaCategories.AREA_D, 1L) // maria: shelter
                .containsEntry(VocaCategories.AREA_E, 1L); // survivor: court notification
        assertThat(r.services()).containsEntry(VocaCategories.SERVICE_REFERRAL, 2L)
                .containsEntry(VocaCategories.SERVICE_RIGHTS_INFO, 1L)
                .containsEntry(VocaCategories.SERVICE_CJ_NOTIFICATION, 1L);

        // the headline numbers again, straight from the tables
        assertThat(sql("SELECT COUNT(DISTINCT p.id) FROM case_person p JOIN victim_case c ON c.id = p.case_id"
                + " WHERE c.agency_id = 'PD-DEMO' AND p.role IN ('PRIMARY_VICTIM', 'SECONDARY_VICTIM')"
                + " AND c.created_at < {ts '2027-01-01 00:00:00'}"
                + " AND (c.status = 'OPEN' OR c.updated_at >= {ts '2026-10-01 00:00:00'})"))
                .isEqualTo(r.victimsServed());
        assertThat(sql("SELECT COUNT(DISTINCT p.id) FROM case_person p JOIN victim_case c ON c.id = p.case_id"
                + " WHERE c.agency_id = 'PD-DEMO' AND p.role IN ('PRIMARY_VICTIM', 'SECONDARY_VICTIM')"
                + " AND c.created_at >= {ts '2026-10-01 00:00:00'}"
                + " AND c.created_at < {ts '2027-01-01 00:00:00'}")).isEqualTo(r.newVictims());
        assertThat(sql("SELECT COUNT(*) FROM referral WHERE agency_id = 'PD-DEMO'"
                + " AND sent_at >= {ts '2026-10-01 00:00:00'} AND sent_at < {ts '2027-01-01 00:00:00'}"))
                .isEqualTo(r.services().get(VocaCategories.SERVICE_REFERRAL));

        ReferralOutcomes outcomes = service.referralOutcomes(SUPERVISOR, Q4);
        assertThat(outcomes.providers()).extracting(ReferralOutcomes.ProviderOutcome::providerId)
                .containsExactly("prv-free", "prv-vsp");
        ReferralOutcomes.ProviderOutcome vsp = outcomes.providers().get(1);
        assertThat(vsp.providerName()).isEqualTo("Safe Harbor");
        assertThat(vsp.sent()).isEqualTo(1);
        assertThat(vsp.accepted()).isEqualTo(1);
        assertThat(vsp.acceptedRate()).isEqualTo(1.0);
        assertThat(vsp.medianResponseMinutes()).isEqualTo(30L);
        assertThat(outcomes.providers().get(0).declined()).isEqualTo(1);
        assertThat(outcomes.providers().get(0).medianResponseMinutes()).isEqualTo(120L);

        String csv = ReportTables.csv(ReportTables.voca(r));
        assertThat(csv).startsWith("section,item,count\r\n").contains("victims,served,4\r\n")
                .contains("\"A. Information and referral\"".replace("\"", "") + ",2");
    }

    @Test
    void onlySupervisorsAndAdvocatesOfAnAgency() {
        assertThatThrownBy(() -> service.voca(new Caller("officer", PD, EnumSet.of(Role.OFFICER)), Q4))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.voca(new Caller("admin", null, EnumSet.of(Role.ADMIN, Role.SUPERVISOR)), Q4))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(service.voca(new Caller("advocate", PD, EnumSet.of(Role.ADVOCATE)), Q4).victimsServed()).isZero();
    }

    @Test
    void quartersAndMedians() {
        assertThat(Quarter.parse("2026Q4").start()).isEqualTo(Instant.parse("2026-10-01T00:00:00Z"));
        assertThat(Quarter.parse("2026Q4").end()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(Quarter.parse(" 2027Q1 ").start()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
        for (String bad : new String[] {null, "", "2026Q5", "2026-Q4", "26Q1", "2026Q4'; DROP TABLE x"}) {
            assertThatThrownBy(() -> Quarter.parse(bad)).as(String.valueOf(bad))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(ReferralOutcomes.median(List.of(5L, 1L, 3L))).isEqualTo(3L);
        assertThat(ReferralOutcomes.median(List.of(4L, 1L, 3L, 10L))).isEqualTo(3L);
        assertThat(ReferralOutcomes.median(List.of())).isNull();
        assertThat(ReportTables.csv(List.of(List.of("=HYPERLINK(\"x\")", "a,b", "-3")))).isEqualTo(
                "\"'=HYPERLINK(\"\"x\"\")\",\"a,b\",-3\r\n");
    }

    private long sql(String query) {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
