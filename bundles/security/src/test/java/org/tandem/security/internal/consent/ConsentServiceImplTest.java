package org.tandem.security.internal.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tandem.security.internal.testing.Fixtures.ADMIN;
import static org.tandem.security.internal.testing.Fixtures.OFFICER;
import static org.tandem.security.internal.testing.Fixtures.OTHER_AGENCY;
import static org.tandem.security.internal.testing.Fixtures.SUPERVISOR;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.NoSuchElementException;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.api.AccessDeniedException;
import org.tandem.api.Caller;
import org.tandem.api.FieldError;
import org.tandem.api.ValidationException;
import org.tandem.api.cases.VictimCase;
import org.tandem.api.consent.Consent;
import org.tandem.api.consent.ConsentForm;
import org.tandem.api.consent.ConsentScope;
import org.tandem.api.consent.ConsentState;
import org.tandem.api.consent.ConsentTopics;
import org.tandem.api.consent.DataItem;
import org.tandem.api.consent.NewConsent;
import org.tandem.api.consent.Recipient;
import org.tandem.security.internal.testing.DerbyStore;
import org.tandem.security.internal.testing.Fixtures;
import org.tandem.security.internal.testing.MutableClock;
import org.tandem.security.internal.testing.RecordingEventAdmin;

/** The consent rules at a controlled clock, against the real store on Derby. */
class ConsentServiceImplTest {

    private static final Instant T0 = Instant.parse("2026-11-20T15:00:00Z");
    private static final Recipient SAFE_HARBOR = Recipient.provider("prv-safe-harbor");
    private static final Recipient OTHER_PROVIDER = Recipient.provider("prv-other");

    @TempDir
    Path dir;

    private DerbyStore store;
    private final MutableClock clock = new MutableClock(T0);
    private final RecordingEventAdmin events = new RecordingEventAdmin();
    private ConsentServiceImpl service;
    private VictimCase victimCase;
    private String maria;
    private String ana;

    @BeforeEach
    void setUp() {
        store = new DerbyStore(dir);
        store.providers.insert(Fixtures.provider("prv-safe-harbor", T0));
        store.providers.insert(Fixtures.provider("prv-other", T0));
        victimCase = Fixtures.victimCase("PD-DEMO", T0);
        store.cases.insert(victimCase);
        maria = victimCase.persons().get(0).id();
        ana = victimCase.persons().get(1).id();
        service = new ConsentServiceImpl(store.consents, store.cases, store.providers, events, clock, 365);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private NewConsent sharing(String personId, Recipient to, Instant expires) {
        return new NewConsent(victimCase.id(), personId, ConsentScope.SHARE_WITH_PROVIDER, to, "Referral for counseling",
                ConsentForm.WRITTEN, null, expires);
    }

    private static void assertFields(Runnable action, String... fields) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.errors()).extracting(FieldError::field).containsExactlyInAnyOrder(fields));
    }

    @Test
    void recordsWithDefaultsAndPostsAnEventWithIdsOnly() {
        Consent c = service.record(OFFICER, sharing(maria, SAFE_HARBOR, T0.plus(Duration.ofDays(90))));

        assertThat(c.grantedAt()).isEqualTo(T0);
        assertThat(c.recordedBy()).isEqualTo("officer");
        assertThat(c.items()).containsExactlyInAnyOrder(DataItem.NAME, DataItem.LANGUAGE, DataItem.CONTACT);
        assertThat(store.consents.find(c.id())).contains(c);
        assertThat(events.posted).singleElement().satisfies(e -> {
            assertThat(e.getTopic()).isEqualTo(ConsentTopics.RECORDED);
            assertThat(e.getProperty("consentId")).isEqualTo(c.id());
            assertThat(e.getProperty("personId")).isEqualTo(maria);
            for (String name : e.getPropertyNames()) {
                assertThat(String.valueOf(e.getProperty(name))).doesNotContain("Lopez", "counseling");
            }
        });
    }

    @Test
    void sharingNeedsAnExpiryWithinTheLimitAndAProviderRecipient() {
        assertFields(() -> service.record(OFFICER, sharing(maria, SAFE_HARBOR, null)), "expiresAt");
        assertFields(() -> service.record(OFFICER, sharing(maria, SAFE_HARBOR, T0.minusSeconds(1))), "expiresAt");
        assertFields(() -> service.record(OFFICER, sharing(maria, SAFE_HARBOR, T0.plus(Duration.ofDays(366)))),
                "expiresAt");
        assertFields(() -> service.record(OFFICER, sharing(maria, Recipient.ANY, T0.plusSeconds(60))), "recipient.kind");
        assertFields(() -> service.record(OFFICER, sharing(maria, Recipient.provider("nope"), T0.plusSeconds(60))),
                "recipient.id");
        assertFields(() -> service.record(OFFICER, new NewConsent(victimCase.id(), maria, ConsentScope.SHARE_WITH_STATE,
                SAFE_HARBOR, "Compensation claim", ConsentForm.WRITTEN, null, T0.plusSeconds(60))), "recipient.kind");
        assertFields(() -> service.record(OFFICER, new NewConsent(victimCase.id(), null, null, null, " ", null,
                T0.plusSeconds(3600), null)), "personId", "scope", "recipient", "purpose", "form", "grantedAt");
        assertFields(() -> service.record(OFFICER, new NewConsent(victimCase.id(), maria, ConsentScope.NOTIFY,
                Recipient.ANY, "Updates", ConsentForm.ELECTRONIC, null, null, EnumSet.of(DataItem.NAME))), "items");
        assertFields(() -> service.record(OFFICER, new NewConsent(victimCase.id(), maria,
                ConsentScope.SHARE_WITH_PROVIDER, SAFE_HARBOR, "x", ConsentForm.WRITTEN, null, T0.plusSeconds(60),
                Set.of())), "items");
        assertThat(store.consents.forCase(victimCase.id())).isEmpty();
        assertThat(events.posted).isEmpty();

        Consent notify = service.record(OFFICER, new NewConsent(victimCase.id(), ana, ConsentScope.NOTIFY,
                Recipient.ANY, "Case updates by SMS", ConsentForm.VERBAL_RECORDED, null, null));
        assertThat(notify.expiresAt()).isNull();
        assertThat(notify.items()).isEmpty();
    }

    @Test
    void onlyTheOwningAgencyRecordsAndReadsAndOnlyForPersonsOnTheCase() {
        NewConsent ok = sharing(maria, SAFE_HARBOR, T0.plusSeconds(3600));
        assertThatThrownBy(() -> service.record(OTHER_AGENCY, ok)).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> service.record(OFFICER, sharing("someone-else", SAFE_HARBOR, T0.plusSeconds(60))))
                .isInstanceOf(NoSuchElementException.class).hasMessageContaining("not on case");
        assertThatThrownBy(() -> service.record(ADMIN, ok)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.record(SUPERVISOR, ok)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.record(new Caller("x", null, Set.of(org.tandem.api.Role.OFFICER)), ok))
                .isInstanceOf(AccessDeniedException.class);

        Consent c = service.record(OFFICER, ok);
        assertThat(service.forCase(SUPERVISOR, victimCase.id())).containsExactly(c);
        assertThat(service.get(SUPERVISOR, c.id())).contains(c);
        assertThat(service.get(OTHER_AGENCY, c.id())).isEmpty();
        assertThatThrownBy(() -> service.forCase(OTHER_AGENCY, victimCase.id())).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> service.revoke(OTHER_AGENCY, c.id(), null)).isInstanceOf(NoSuchElementException.class);
        assertThat(service.activeConsent(maria, ConsentScope.SHARE_WITH_PROVIDER, SAFE_HARBOR)).contains(c);
    }

    @Test
    void activeConsentFollowsTheClockThroughGrantExpiryAndRevocation() {
        Consent c = service.record(OFFICER, new NewConsent(victimCase.id(), maria, ConsentScope.SHARE_WITH_PROVIDER,
                SAFE_HARBOR, "Referral", ConsentForm.WRITTEN, T0.plusSeconds(60), T0.plus(Duration.ofDays(30))));

        assertThat(service.activeConsent(maria, ConsentScope.SHARE_WITH_PROVIDER, SAFE_HARBOR))
                .as("granted a minute from now (allowed clock skew): not yet active").isEmpty();
        clock.set(T0.plusSeconds(60));
        assertThat(service.activeConsent(maria, ConsentScope.SHARE_WITH_PROVIDER, SAFE_HARBOR)).contains(c);
        assertThat(service.activeConsent(maria, ConsentScope.SHARE_WITH_PROVIDER, OTHER_PROVIDER)).isEmpty();
        assertThat(service.activeConsent(maria, ConsentScope.NOTIFY, SAFE_HARBOR)).isEmpty();
        assertThat(service.activeConsent(ana, ConsentScope.SHARE_WITH_PROVIDER, SAFE_HARBOR)).isEmpty();

        clock.set(T0.plus(Duration.ofDays(30)).minusMillis(1));
        assertThat(service.activeConsent(maria, ConsentScope.SHARE_WITH_PROVIDER, SAFE_HARBOR)).contains(c);
        clock.set(T0.plus(Duration.ofDays(30)));
        assertThat(service.activeConsent(maria, ConsentScope.SHARE_WITH_PROVIDER, SAFE_HARBOR))
                .as("expired at expiresAt").isEmpty();
        assertThat(store.consents.find(c.id()).orElseThrow().stateAt(clock.instant())).isEqualTo(ConsentState.EXPIRED);
    }

    @Test
    void revocationIsImmediateKeptAndIdempotent() {
        Consent c = service.record(OFFICER, sharing(maria, SAFE_HARBOR, T0.plus(Duration.ofDays(90))));
        clock.advance(Duration.ofHours(1));

        Consent revoked = service.revoke(SUPERVISOR, c.id(), "Victim withdrew consent by phone");

        assertThat(revoked.revokedAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
        assertThat(revoked.revokedBy()).isEqualTo("supervisor");
        assertThat(service.activeConsent(maria, ConsentScope.SHARE_WITH_PROVIDER, SAFE_HARBOR)).isEmpty();
        clock.advance(Duration.ofMinutes(5));
        assertThat(service.revoke(OFFICER, c.id(), "again")).isEqualTo(revoked);
        assertThat(service.forCase(OFFICER, victimCase.id())).containsExactly(revoked);
        assertThat(events.posted).extracting(e -> e.getTopic())
                .containsExactly(ConsentTopics.RECORDED, ConsentTopics.REVOKED);
        assertThatThrownBy(() -> service.revoke(OFFICER, c.id(), "x".repeat(501)))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void theLongestLastingActiveConsentIsTheOneThatCounts() {
        Consent shortOne = service.record(OFFICER, sharing(maria, SAFE_HARBOR, T0.plus(Duration.ofDays(10))));
        Consent longOne = service.record(OFFICER, sharing(maria, SAFE_HARBOR, T0.plus(Duration.ofDays(60))));
        Consent anyNotify = service.record(OFFICER, new NewConsent(victimCase.id(), maria, ConsentScope.NOTIFY,
                Recipient.ANY, "Updates", ConsentForm.ELECTRONIC, null, null));

        assertThat(service.activeConsent(maria, ConsentScope.SHARE_WITH_PROVIDER, SAFE_HARBOR)).contains(longOne);
        service.revoke(OFFICER, longOne.id(), null);
        assertThat(service.activeConsent(maria, ConsentScope.SHARE_WITH_PROVIDER, SAFE_HARBOR)).contains(shortOne);
        assertThat(service.activeConsent(maria, ConsentScope.NOTIFY, Recipient.agency("PD-DEMO")))
                .as("an ANY recipient covers every recipient").contains(anyNotify);
        assertThat(service.activeConsent(null, ConsentScope.NOTIFY, Recipient.ANY)).isEmpty();
    }
}
