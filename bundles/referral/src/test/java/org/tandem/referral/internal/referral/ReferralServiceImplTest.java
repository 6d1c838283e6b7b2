package org.tandem.referral.internal.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tandem.referral.internal.testing.Fixtures.ADMIN;
import static org.tandem.referral.internal.testing.Fixtures.ADVOCATE;
import static org.tandem.referral.internal.testing.Fixtures.OFFICER;
import static org.tandem.referral.internal.testing.Fixtures.OFFICER2;
import static org.tandem.referral.internal.testing.Fixtures.SUPERVISOR;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.NoSuchElementException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.event.Event;
import org.tandem.api.AccessDeniedException;
import org.tandem.api.FieldError;
import org.tandem.api.Page;
import org.tandem.api.ValidationException;
import org.tandem.api.cases.ServiceCategory;
import org.tandem.api.cases.VictimCase;
import org.tandem.api.consent.Consent;
import org.tandem.api.consent.ConsentForm;
import org.tandem.api.consent.ConsentScope;
import org.tandem.api.consent.DataItem;
import org.tandem.api.consent.NewConsent;
import org.tandem.api.consent.Recipient;
import org.tandem.api.referral.ConsentRequiredException;
import org.tandem.api.referral.IllegalTransitionException;
import org.tandem.api.referral.NewReferral;
import org.tandem.api.referral.ReferralConflictException;
import org.tandem.api.referral.ReferralFilter;
import org.tandem.api.referral.ReferralSide;
import org.tandem.api.referral.ReferralStatus;
import org.tandem.api.referral.ReferralTopics;
import org.tandem.api.referral.ReferralTransition;
import org.tandem.api.referral.ReferralView;
import org.tandem.api.referral.Urgency;
import org.tandem.referral.internal.testing.DerbyStore;
import org.tandem.referral.internal.testing.Fixtures;
import org.tandem.referral.internal.testing.MutableClock;
import org.tandem.referral.internal.testing.RecordingEventAdmin;
import org.tandem.security.internal.consent.ConsentServiceImpl;

/**
 * Referrals across two agencies with the real store (Derby) and the real consent service, at a controlled clock:
 * PD-DEMO refers, VSP-DEMO (linked to the provider) acts, SO-DEMO sees nothing.
 */
class ReferralServiceImplTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    /** A Monday, 10:00 in Chicago. */
    private static final Instant T0 = LocalDateTime.parse("2026-11-16T10:00").atZone(CHICAGO).toInstant();
    private static final Recipient SAFE_HARBOR = Recipient.provider("prv-safe-harbor");

    @TempDir
    Path dir;

    private DerbyStore store;
    private final MutableClock clock = new MutableClock(T0);
    private final RecordingEventAdmin events = new RecordingEventAdmin();
    private ConsentServiceImpl consents;
    private org.tandem.api.audit.AuditLog audit;
    private ReferralServiceImpl service;
    private VictimCase victimCase;
    private String maria;
    private String ana;

    @BeforeEach
    void setUp() {
        store = new DerbyStore(dir);
        store.providers.insert(Fixtures.safeHarbor(T0));
        store.providers.insert(Fixtures.clinic(T0, false));
        victimCase = Fixtures.victimCase("PD-DEMO", T0);
        store.cases.insert(victimCase);
        maria = victimCase.persons().get(0).id();
        ana = victimCase.persons().get(1).id();
        consents = new ConsentServiceImpl(store.consents, store.cases, store.providers, events, clock, 365);
        audit = new org.tandem.store.internal.audit.JdbcAuditLog(store.dataSource, clock);
        service = new ReferralServiceImpl(store.referrals, store.providers, store.cases, consents,
                new org.tandem.security.internal.consent.DisclosureGateImpl(consents, audit), events, clock);
        service.configure(3, CHICAGO, 200);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private Consent consentFor(String personId, Duration lasting, DataItem... items) {
        return consents.record(OFFICER, new NewConsent(victimCase.id(), personId, ConsentScope.SHARE_WITH_PROVIDER,
                SAFE_HARBOR, "Referral for counseling", ConsentForm.WRITTEN, null, clock.instant().plus(lasting),
                items.length == 0 ? null : EnumSet.of(items[0], items)));
    }

    private NewReferral toSafeHarbor(String personId, boolean send) {
        return new NewReferral(victimCase.id(), personId, "prv-safe-harbor", List.of(ServiceCategory.COUNSELING),
                "Prefers afternoon calls", Urgency.URGENT, send);
    }

    private List<Event> referralEvents() {
        return events.posted.stream().filter(e -> e.getTopic().equals(ReferralTopics.STATUS_CHANGED)).toList();
    }

    @Test
    void withoutConsentTheReferralIsRefusedSayingWhichConsentIsMissing() {
        assertThatThrownBy(() -> service.create(OFFICER, toSafeHarbor(maria, true)))
                .isInstanceOfSatisfying(ConsentRequiredException.class, e -> {
                    assertThat(e.caseId()).isEqualTo(victimCase.id());
                    assertThat(e.personId()).isEqualTo(maria);
                    assertThat(e.scope()).isEqualTo(ConsentScope.SHARE_WITH_PROVIDER);
                    assertThat(e.recipient()).isEqualTo(SAFE_HARBOR);
                    assertThat(e.reason()).isEqualTo("none was ever recorded");
                    assertThat(e.lastConsentId()).isNull();
                    assertThat(e.getMessage()).contains("SHARE_WITH_PROVIDER", maria, "provider prv-safe-harbor");
                });

        Consent revoked = consentFor(maria, Duration.ofDays(30));
        consents.revoke(OFFICER, revoked.id(), "withdrawn");
        Consent forAna = consentFor(ana, Duration.ofDays(30));
        assertThatThrownBy(() -> service.create(OFFICER, toSafeHarbor(maria, true)))
                .isInstanceOfSatisfying(ConsentRequiredException.class, e -> {
                    assertThat(e.reason()).startsWith("the last one (" + revoked.id() + ") was revoked at");
                    assertThat(e.lastConsentId()).isEqualTo(revoked.id());
                });

        clock.advance(Duration.ofMinutes(1));
        Consent expiring = consentFor(maria, Duration.ofHours(1));
        clock.advance(Duration.ofHours(2));
        assertThatThrownBy(() -> service.create(OFFICER, toSafeHarbor(maria, false)))
                .isInstanceOfSatisfying(ConsentRequiredException.class,
                        e -> assertThat(e.reason()).contains(expiring.id()).contains("expired at"));
        assertThat(store.count("referral")).isZero();
        assertThat(referralEvents()).isEmpty();
        assertThat(forAna.personId()).isEqualTo(ana);
    }

    @Test
    void twoAgencyClosedLoop() {
        consentFor(maria, Duration.ofDays(90));
        ReferralView draft = service.create(OFFICER, toSafeHarbor(maria, false));
        assertThat(draft.status()).isEqualTo(ReferralStatus.DRAFT);
        assertThat(draft.side()).isEqualTo(ReferralSide.REFERRER);

        // a draft is the referring agency's own business
        assertThat(service.get(ADVOCATE, draft.id())).isEmpty();
        assertThat(service.list(ADVOCATE, new ReferralFilter(null, null, false, 0, 20)).total()).isZero();
        assertThatThrownBy(() -> service.changeStatus(ADVOCATE, draft.id(), ReferralStatus.CLOSED, "x"))
                .isInstanceOf(NoSuchElementException.class);
        clock.advance(Duration.ofMinutes(5));
        ReferralView sent = service.changeStatus(OFFICER, draft.id(), ReferralStatus.SENT, null);
        assertThat(sent.sentAt()).isEqualTo(clock.instant());

        Page<ReferralView> inbox = service.list(ADVOCATE, new ReferralFilter(ReferralStatus.SENT, null, false, 0, 20));
        assertThat(inbox.total()).isEqualTo(1);
        ReferralView received = inbox.items().get(0);
        assertThat(received.side()).isEqualTo(ReferralSide.PROVIDER);
        assertThat(received.caseId()).isNull();
        assertThat(received.person().givenName()).isEqualTo("Maria");
        assertThat(received.person().birthDate()).isNull();
        assertThat(received.note()).isEqualTo("Prefers afternoon calls");
        assertThat(received.toString()).doesNotContain(Fixtures.NARRATIVE, "Ana");

        assertThat(service.list(OFFICER2, new ReferralFilter(null, null, false, 0, 20)).total()).isZero();
        assertThat(service.get(OFFICER2, draft.id())).isEmpty();
        assertThatThrownBy(() -> service.changeStatus(OFFICER2, draft.id(), ReferralStatus.ACCEPTED, null))
                .isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> service.forCase(ADVOCATE, victimCase.id(), 0, 20))
                .isInstanceOf(NoSuchElementException.class);

        assertThatThrownBy(() -> service.changeStatus(OFFICER, draft.id(), ReferralStatus.ACCEPTED, null))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("receiving provider");
        assertThatThrownBy(() -> service.changeStatus(ADVOCATE, draft.id(), ReferralStatus.COMPLETED, null))
                .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> service.changeStatus(ADVOCATE, draft.id(), ReferralStatus.DECLINED, " "))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("reason"));

        clock.advance(Duration.ofHours(1));
        service.changeStatus(ADVOCATE, draft.id(), ReferralStatus.ACCEPTED, null);
        clock.advance(Duration.ofDays(1));
        service.changeStatus(ADVOCATE, draft.id(), ReferralStatus.IN_PROGRESS, null);
        clock.advance(Duration.ofDays(7));
        ReferralView done = service.changeStatus(ADVOCATE, draft.id(), ReferralStatus.COMPLETED, "Six sessions held");
        assertThat(done.side()).isEqualTo(ReferralSide.PROVIDER);

        ReferralView outcome = service.forCase(SUPERVISOR, victimCase.id(), 0, 20).items().get(0);
        assertThat(outcome.status()).isEqualTo(ReferralStatus.COMPLETED);
        assertThat(outcome.history()).extracting(ReferralTransition::to).containsExactly(ReferralStatus.DRAFT,
                ReferralStatus.SENT, ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS, ReferralStatus.COMPLETED);
        assertThat(outcome.history()).extracting(ReferralTransition::by)
                .containsExactly("officer", "officer", "advocate", "advocate", "advocate");
        assertThat(outcome.history().get(4).agencyId()).isEqualTo("VSP-DEMO");
        assertThat(outcome.history().get(4).reason()).isEqualTo("Six sessions held");
        assertThat(outcome.history().get(4).at()).isEqualTo(clock.instant());
        assertThatThrownBy(() -> service.changeStatus(OFFICER, draft.id(), ReferralStatus.CLOSED, "late"))
                .isInstanceOf(IllegalTransitionException.class);

        List<Event> changes = referralEvents();
        assertThat(changes).extracting(e -> e.getProperty(ReferralTopics.PROP_TO)).containsExactly("DRAFT", "SENT",
                "ACCEPTED", "IN_PROGRESS", "COMPLETED");
        assertThat(changes.get(1).getProperty(ReferralTopics.PROP_FROM)).isEqualTo("DRAFT");
        assertThat(changes.get(1).getProperty(ReferralTopics.PROP_PROVIDER_AGENCY_ID)).isEqualTo("VSP-DEMO");
        for (Event e : changes) {
            for (String name : e.getPropertyNames()) {
                assertThat(String.valueOf(e.getProperty(name))).doesNotContain("Maria", "Lopez", "afternoon", "sessions");
            }
        }
    }

    @Test
    void revocationOrExpiryLeavesTheProviderTheShellOnly() {
        Consent consent = consentFor(maria, Duration.ofDays(10), DataItem.NAME, DataItem.BIRTH_DATE);
        ReferralView created = service.create(OFFICER, toSafeHarbor(maria, true));
        assertThat(service.get(ADVOCATE, created.id()).orElseThrow().person().birthDate()).isNotNull();

        clock.advance(Duration.ofDays(2));
        consents.revoke(OFFICER, consent.id(), "Victim withdrew");
        ReferralView shell = service.get(ADVOCATE, created.id()).orElseThrow();
        assertThat(shell.consentRevoked()).isTrue();
        assertThat(shell.person()).isNull();
        assertThat(shell.note()).isNull();
        assertThat(shell.toString()).doesNotContain("Maria", "Lopez", "1990", "afternoon");
        assertThat(service.forCase(OFFICER, victimCase.id(), 0, 20).items().get(0).consentRevoked()).isTrue();
        // the provider can still report what happened, without seeing anyone
        assertThat(service.changeStatus(ADVOCATE, created.id(), ReferralStatus.DECLINED, "Consent withdrawn").status())
                .isEqualTo(ReferralStatus.DECLINED);
        // every decision of the disclosure gate is in the owning agency's audit trail: the send and the first read
        // allowed under the consent, the read after the revocation denied
        java.util.List<org.tandem.api.audit.AuditRecord> trail = audit.search(new org.tandem.api.audit.AuditQuery(
                "PD-DEMO", victimCase.id(), null, null, null, 0, 50)).items();
        assertThat(trail).extracting(r -> r.event().action() + " " + r.event().outcome() + " "
                + r.event().fields().replaceAll(",consent=.*", ""))
                .containsSubsequence(
                        "DISCLOSE SHARE_WITH_PROVIDER DENIED recipient=PROVIDER:prv-safe-harbor,purpose=referral read by the provider,byAgency=VSP-DEMO",
                        "DISCLOSE SHARE_WITH_PROVIDER ALLOWED recipient=PROVIDER:prv-safe-harbor,purpose=referral read by the provider,byAgency=VSP-DEMO",
                        "DISCLOSE SHARE_WITH_PROVIDER ALLOWED recipient=PROVIDER:prv-safe-harbor,purpose=referral sent to the provider,byAgency=PD-DEMO");
        assertThat(trail).allMatch(r -> maria.equals(r.event().objectId()));

        // expiry: a second referral, consent for ten days, read on day eleven
        consentFor(maria, Duration.ofDays(10));
        ReferralView second = service.create(OFFICER, toSafeHarbor(maria, true));
        assertThat(service.get(ADVOCATE, second.id()).orElseThrow().person()).isNotNull();
        clock.advance(Duration.ofDays(10));
        assertThat(service.get(ADVOCATE, second.id()).orElseThrow().person()).isNull();
        assertThat(service.list(ADVOCATE, new ReferralFilter(null, null, false, 0, 20)).items())
                .allMatch(ReferralView::consentRevoked);
    }

    @Test
    void sendingNeedsTheConsentStillActive() {
        Consent consent = consentFor(maria, Duration.ofDays(10));
        ReferralView draft = service.create(OFFICER, toSafeHarbor(maria, false));
        consents.revoke(OFFICER, consent.id(), null);

        assertThatThrownBy(() -> service.changeStatus(OFFICER, draft.id(), ReferralStatus.SENT, null))
                .isInstanceOf(ConsentRequiredException.class);
        assertThat(service.get(OFFICER, draft.id()).orElseThrow().status()).isEqualTo(ReferralStatus.DRAFT);
        assertThat(service.changeStatus(OFFICER, draft.id(), ReferralStatus.CLOSED, "No consent").status())
                .isEqualTo(ReferralStatus.CLOSED);
    }

    @Test
    void badRequestsStoreNothing() {
        consentFor(maria, Duration.ofDays(10));
        assertThatThrownBy(() -> service.create(OFFICER, new NewReferral(null, null, null, List.of(), "x\u0000", null,
                false))).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("caseId", "personId", "providerId", "services",
                                "note"));
        assertThatThrownBy(() -> service.create(OFFICER, new NewReferral(victimCase.id(), "nobody", "prv-safe-harbor",
                List.of(ServiceCategory.COUNSELING, ServiceCategory.MEDICAL), null, null, false)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("personId", "services[1]"));
        assertThatThrownBy(() -> service.create(OFFICER, new NewReferral(victimCase.id(), maria, "prv-clinic",
                List.of(ServiceCategory.MEDICAL), null, null, false))).isInstanceOf(ReferralConflictException.class)
                .hasMessageContaining("not accepting");
        assertThatThrownBy(() -> service.create(OFFICER, new NewReferral(victimCase.id(), maria, "nope",
                List.of(ServiceCategory.MEDICAL), null, null, false))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> service.create(OFFICER2, toSafeHarbor(maria, true)))
                .isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> service.create(ADMIN, toSafeHarbor(maria, true))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.create(SUPERVISOR, toSafeHarbor(maria, true)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.list(OFFICER, new ReferralFilter(null, null, false, 0, 201)))
                .isInstanceOf(ValidationException.class);
        assertThat(store.count("referral")).isZero();
    }

    @Test
    void overdueAfterThreeBusinessDaysInListsAndForTheConsole() {
        consentFor(maria, Duration.ofDays(90));
        ReferralView waiting = service.create(OFFICER, toSafeHarbor(maria, true)); // Monday 10:00
        ReferralView answered = service.create(OFFICER, toSafeHarbor(maria, true));
        service.changeStatus(ADVOCATE, answered.id(), ReferralStatus.ACCEPTED, null);
        ReferralFilter overdue = new ReferralFilter(null, null, true, 0, 20);

        clock.set(LocalDateTime.parse("2026-11-19T09:59").atZone(CHICAGO).toInstant()); // Thursday
        assertThat(service.list(OFFICER, overdue).total()).isZero();
        assertThat(service.get(OFFICER, waiting.id()).orElseThrow().overdue()).isFalse();

        clock.set(LocalDateTime.parse("2026-11-19T10:01").atZone(CHICAGO).toInstant());
        assertThat(service.list(OFFICER, overdue).items()).extracting(ReferralView::id).containsExactly(waiting.id());
        assertThat(service.list(ADVOCATE, overdue).items()).extracting(ReferralView::id).containsExactly(waiting.id());
        assertThat(service.list(OFFICER2, overdue).total()).isZero();
        assertThat(service.list(OFFICER, new ReferralFilter(ReferralStatus.ACCEPTED, null, true, 0, 20)).total()).isZero();
        assertThat(service.get(ADVOCATE, waiting.id()).orElseThrow().overdue()).isTrue();

        List<ReferralView> console = service.all(null, true, 100);
        assertThat(console).extracting(ReferralView::id).containsExactly(waiting.id());
        assertThat(console.get(0).note()).isNull();
        assertThat(console.get(0).person()).isNull();
        assertThat(service.all(ReferralStatus.ACCEPTED, false, 100)).extracting(ReferralView::id)
                .containsExactly(answered.id());

        service.configure(5, CHICAGO, 200);
        assertThat(service.list(OFFICER, overdue).total()).as("configurable").isZero();
    }
}
