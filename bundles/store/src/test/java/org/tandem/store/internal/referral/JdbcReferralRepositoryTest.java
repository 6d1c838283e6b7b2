package org.tandem.store.internal.referral;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Map;
import org.tandem.api.TandemTopics;
import org.tandem.api.event.JournalEntry;
import org.tandem.api.referral.ReferralTopics;
import org.tandem.store.internal.event.JdbcEventJournal;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.api.Ids;
import org.tandem.api.Page;
import org.tandem.api.cases.ServiceCategory;
import org.tandem.api.cases.VictimCase;
import org.tandem.api.referral.Referral;
import org.tandem.api.referral.ReferralQuery;
import org.tandem.api.referral.ReferralStatus;
import org.tandem.api.referral.ReferralTransition;
import org.tandem.api.referral.ServiceArea;
import org.tandem.api.referral.Urgency;
import org.tandem.store.internal.cases.JdbcCaseRepository;
import org.tandem.store.internal.migration.SchemaMigrator;
import org.tandem.store.internal.provider.JdbcProviderRepository;
import org.tandem.store.testing.TestCases;
import org.tandem.store.testing.TestDatabase;
import org.tandem.store.testing.TestProviders;

class JdbcReferralRepositoryTest {

    private static final Instant T0 = Instant.parse("2026-11-20T10:15:30.123Z");

    @TempDir
    Path tempDir;

    private TestDatabase db;
    private JdbcReferralRepository repository;
    private VictimCase victimCase;

    @BeforeEach
    void setUp() {
        db = TestDatabase.create(tempDir);
        new SchemaMigrator(db.dataSource()).migrate();
        repository = new JdbcReferralRepository(db.dataSource());
        victimCase = TestCases.sample("PD-DEMO", T0);
        new JdbcCaseRepository(db.dataSource()).insert(victimCase);
        JdbcProviderRepository providers = new JdbcProviderRepository(db.dataSource());
        providers.insert(TestProviders.sample("prv-vsp", "Safe Harbor", T0)); // linked to VSP-DEMO
        providers.insert(TestProviders.simple("prv-free", "Free Clinic", true, List.of(ServiceCategory.MEDICAL),
                List.of(), ServiceArea.NONE, T0));
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private Referral draft(String providerId, int person, Instant at) {
        return new Referral(Ids.newId(), victimCase.id(), "PD-DEMO", victimCase.persons().get(person).id(), providerId,
                List.of(ServiceCategory.SHELTER_AND_HOUSING, ServiceCategory.COUNSELING), Urgency.URGENT,
                "Needs a safe place tonight", ReferralStatus.DRAFT, null, "officer", at, at, null, 0,
                List.of(new ReferralTransition(null, ReferralStatus.DRAFT, at, "officer", "PD-DEMO", null)));
    }

    private Referral send(Referral r, Instant at) {
        return repository.transition(r.id(), r.version(),
                new ReferralTransition(r.status(), ReferralStatus.SENT, at, "officer", "PD-DEMO", null)).orElseThrow();
    }

    @Test
    void everyStatusChangeIsJournaledWithTheChangeAndTheProvidersAgency() {
        Referral r = draft("prv-vsp", 1, T0);
        repository.insert(r);
        send(r, T0.plusSeconds(60));
        assertThat(repository.transition(r.id(), 0, new ReferralTransition(ReferralStatus.SENT,
                ReferralStatus.ACCEPTED, T0, "x", "PD-DEMO", null))).as("stale: nothing changes").isEmpty();

        List<JournalEntry> entries = new ArrayList<>();
        new JdbcEventJournal(db.dataSource(), Clock.systemUTC()).consume("notification", 100, entries::add);
        assertThat(entries).extracting(JournalEntry::topic).containsExactly(TandemTopics.CASE_OPENED,
                ReferralTopics.STATUS_CHANGED, ReferralTopics.STATUS_CHANGED);
        Map<String, Object> sent = entries.get(2).properties();
        assertThat(sent).containsEntry(ReferralTopics.PROP_REFERRAL_ID, r.id())
                .containsEntry(ReferralTopics.PROP_FROM, "DRAFT").containsEntry(ReferralTopics.PROP_TO, "SENT")
                .containsEntry(ReferralTopics.PROP_PROVIDER_AGENCY_ID, "VSP-DEMO")
                .containsEntry(ReferralTopics.PROP_PERSON_ID, r.personId())
                .containsEntry(ReferralTopics.PROP_TIMESTAMP, T0.plusSeconds(60).toEpochMilli());
        assertThat(entries.get(1).properties()).doesNotContainKey(ReferralTopics.PROP_FROM)
                .containsEntry(ReferralTopics.PROP_TO, "DRAFT");
    }

    @Test
    void storesReferralWithServicesAndHistory() {
        Referral r = draft("prv-vsp", 1, T0);
        repository.insert(r);

        assertThat(repository.find(r.id())).contains(r);
        assertThat(repository.find("nope")).isEmpty();
    }

    @Test
    void transitionMovesAppendsAndGuardsTheVersion() {
        Referral r = draft("prv-vsp", 0, T0);
        repository.insert(r);
        Instant sentAt = T0.plusSeconds(60);

        Referral sent = send(r, sentAt);
        assertThat(sent.status()).isEqualTo(ReferralStatus.SENT);
        assertThat(sent.sentAt()).isEqualTo(sentAt);
        assertThat(sent.updatedAt()).isEqualTo(sentAt);
        assertThat(sent.version()).isEqualTo(1);
        assertThat(sent.history()).extracting(ReferralTransition::to)
                .containsExactly(ReferralStatus.DRAFT, ReferralStatus.SENT);

        ReferralTransition decline = new ReferralTransition(ReferralStatus.SENT, ReferralStatus.DECLINED,
                T0.plusSeconds(120), "advocate", "VSP-DEMO", "No beds");
        assertThat(repository.transition(r.id(), 0, decline)).as("stale version").isEmpty();
        assertThat(repository.find(r.id())).contains(sent);

        Referral declined = repository.transition(r.id(), 1, decline).orElseThrow();
        assertThat(declined.status()).isEqualTo(ReferralStatus.DECLINED);
        assertThat(declined.sentAt()).as("kept").isEqualTo(sentAt);
        assertThat(declined.history()).last().isEqualTo(decline);
        assertThat(repository.transition("nope", 0, decline)).isEmpty();
    }

    @Test
    void searchShowsEachAgencyOnlyWhatItSentOrReceived() {
        Referral toVsp = draft("prv-vsp", 0, T0);
        Referral toClinic = draft("prv-free", 0, T0.plusSeconds(10));
        repository.insert(toVsp);
        repository.insert(toClinic);

        assertThat(ids(new ReferralQuery("PD-DEMO", null, null, null, null, 0, 20)))
                .containsExactly(toClinic.id(), toVsp.id());
        assertThat(ids(new ReferralQuery("VSP-DEMO", null, null, null, null, 0, 20))).as("a draft is not received")
                .isEmpty();
        send(toVsp, T0.plusSeconds(20));
        assertThat(ids(new ReferralQuery("VSP-DEMO", null, null, null, null, 0, 20))).containsExactly(toVsp.id());
        assertThat(ids(new ReferralQuery("SO-DEMO", null, null, null, null, 0, 20))).isEmpty();
        assertThat(ids(new ReferralQuery(null, null, "prv-free", null, null, 0, 20))).containsExactly(toClinic.id());
        assertThat(ids(new ReferralQuery("PD-DEMO", null, null, "other-case", null, 0, 20))).isEmpty();
        assertThat(ids(new ReferralQuery("PD-DEMO", null, null, victimCase.id(), null, 0, 1))).hasSize(1);
    }

    @Test
    void searchBySentBeforeListsTheLongestWaitingFirst() {
        Referral a = draft("prv-vsp", 0, T0);
        Referral b = draft("prv-vsp", 1, T0);
        Referral c = draft("prv-vsp", 0, T0);
        repository.insert(a);
        repository.insert(b);
        repository.insert(c);
        send(b, T0.plusSeconds(100));
        send(a, T0.plusSeconds(200));
        send(c, T0.plusSeconds(300));

        ReferralQuery waiting = new ReferralQuery(null, ReferralStatus.SENT, null, null, T0.plusSeconds(300), 0, 20);
        assertThat(ids(waiting)).containsExactly(b.id(), a.id());
        assertThat(ids(new ReferralQuery(null, ReferralStatus.DRAFT, null, null, null, 0, 20))).isEmpty();
        Page<Referral> second = repository.search(new ReferralQuery("VSP-DEMO", ReferralStatus.SENT, null, null, null, 1, 2));
        assertThat(second.total()).isEqualTo(3);
        assertThat(second.items()).hasSize(1);
    }

    private List<String> ids(ReferralQuery q) {
        return repository.search(q).items().stream().map(Referral::id).toList();
    }
}
