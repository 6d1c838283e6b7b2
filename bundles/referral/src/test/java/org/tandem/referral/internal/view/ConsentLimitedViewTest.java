package org.tandem.referral.internal.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tandem.api.cases.Person;
import org.tandem.api.cases.VictimCase;
import org.tandem.api.consent.Consent;
import org.tandem.api.consent.ConsentForm;
import org.tandem.api.consent.ConsentScope;
import org.tandem.api.consent.DataItem;
import org.tandem.api.consent.Recipient;
import org.tandem.api.referral.Provider;
import org.tandem.api.referral.Referral;
import org.tandem.api.referral.ReferralSide;
import org.tandem.api.referral.ReferralStatus;
import org.tandem.api.referral.ReferralTransition;
import org.tandem.api.referral.ReferralView;
import org.tandem.api.referral.Urgency;
import org.tandem.referral.internal.testing.Fixtures;

/** The one function that decides what a provider sees, for every kind of consent. */
class ConsentLimitedViewTest {

    private static final Instant T0 = Instant.parse("2026-11-20T15:00:00Z");
    private final VictimCase victimCase = Fixtures.victimCase("PD-DEMO", T0);
    private final Person maria = victimCase.persons().get(0);
    private final Person ana = victimCase.persons().get(1);
    private final Provider provider = Fixtures.safeHarbor(T0);

    private Referral referral(Person p) {
        return new Referral("r1", victimCase.id(), "PD-DEMO", p.id(), provider.id(),
                List.of(org.tandem.api.cases.ServiceCategory.COUNSELING), Urgency.URGENT,
                "Prefers afternoon calls, lives with her mother", ReferralStatus.SENT, "c1", "officer", T0, T0, T0, 1,
                List.of(new ReferralTransition(null, ReferralStatus.DRAFT, T0, "officer", "PD-DEMO", null),
                        new ReferralTransition(ReferralStatus.DRAFT, ReferralStatus.CLOSED, T0, "officer", "PD-DEMO",
                                "Maria moved to her sister's")));
    }

    private Consent consent(Person p, Recipient to, Set<DataItem> items, Instant expires, Instant revoked) {
        return new Consent("c1", victimCase.id(), p.id(), ConsentScope.SHARE_WITH_PROVIDER, to, "Referral",
                ConsentForm.WRITTEN, T0.minus(Duration.ofDays(1)), expires, revoked, "officer", null, null, items);
    }

    private ReferralView view(Person p, Consent c) {
        return ConsentLimitedView.of(referral(p), provider, p, Optional.ofNullable(c), T0, false);
    }

    @Test
    void defaultItemsShareNameLanguageAndContactButNeverBirthDateCaseOrPersonIds() {
        ReferralView v = view(maria, consent(maria, Recipient.provider(provider.id()), null, T0.plusSeconds(60), null));

        assertThat(v.side()).isEqualTo(ReferralSide.PROVIDER);
        assertThat(v.consentRevoked()).isFalse();
        assertThat(v.caseId()).isNull();
        assertThat(v.personId()).isNull();
        assertThat(v.person().givenName()).isEqualTo("Maria");
        assertThat(v.person().familyName()).isEqualTo("Lopez");
        assertThat(v.person().language()).isEqualTo("es");
        assertThat(v.person().contact()).isEqualTo(maria.contact());
        assertThat(v.person().birthDate()).isNull();
        assertThat(v.note()).isEqualTo("Prefers afternoon calls, lives with her mother");
        assertThat(v.history().get(1).reason()).isEqualTo("Maria moved to her sister's");
        assertThat(v.sharedItems()).containsExactlyInAnyOrder(DataItem.NAME, DataItem.LANGUAGE, DataItem.CONTACT);
        assertThat(v.consentExpiresAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(v.toString()).doesNotContain(Fixtures.NARRATIVE, "Ana", victimCase.id(), maria.id());
    }

    @Test
    void onlyTheListedItemsAreShared() {
        ReferralView v = view(maria, consent(maria, Recipient.provider(provider.id()),
                EnumSet.of(DataItem.BIRTH_DATE, DataItem.LANGUAGE), T0.plusSeconds(60), null));

        assertThat(v.person().birthDate()).isEqualTo(LocalDate.of(1990, 4, 2));
        assertThat(v.person().language()).isEqualTo("es");
        assertThat(v.person().givenName()).isNull();
        assertThat(v.person().familyName()).isNull();
        assertThat(v.person().contact()).isNull();
    }

    @Test
    void aPersonNotSafeToContactIsReachedOnlyThroughTheAlternateContact() {
        ReferralView v = view(ana, consent(ana, Recipient.provider(provider.id()), null, T0.plusSeconds(60), null));

        assertThat(v.person().contact().phone()).isNull();
        assertThat(v.person().contact().email()).isNull();
        assertThat(v.person().contact().channels()).isEmpty();
        assertThat(v.person().contact().safeToContact()).isFalse();
        assertThat(v.person().contact().alternateContact()).isEqualTo("Through her daughter's advocate, +12175550150");
        assertThat(v.person().relationship()).isEqualTo("MOTHER");
    }

    @Test
    void withoutAnActiveMatchingConsentOnlyTheShellRemains() {
        Recipient safeHarbor = Recipient.provider(provider.id());
        List<Consent> notValid = List.of(
                consent(maria, safeHarbor, null, T0, null), // expired at now
                consent(maria, safeHarbor, null, T0.plusSeconds(60), T0), // revoked at now
                consent(maria, Recipient.provider("prv-other"), null, T0.plusSeconds(60), null), // other provider
                consent(ana, safeHarbor, null, T0.plusSeconds(60), null)); // other person
        for (Consent c : notValid) {
            assertShell(view(maria, c));
        }
        assertShell(view(maria, null));
        assertShell(ConsentLimitedView.of(referral(maria), provider, null, Optional.of(consent(maria, safeHarbor, null,
                T0.plusSeconds(60), null)), T0, false));
    }

    private void assertShell(ReferralView v) {
        assertThat(v.consentRevoked()).isTrue();
        assertThat(v.person()).isNull();
        assertThat(v.note()).isNull();
        assertThat(v.sharedItems()).isEmpty();
        assertThat(v.consentExpiresAt()).isNull();
        assertThat(v.history()).allMatch(t -> t.reason() == null);
        assertThat(v.toString()).doesNotContain("Maria", "Lopez", "1990", "maria@example.org", "+12175550123",
                "afternoon", victimCase.id(), maria.id());
        assertThat(v.status()).isEqualTo(ReferralStatus.SENT);
        assertThat(v.id()).isEqualTo("r1");
    }
}
