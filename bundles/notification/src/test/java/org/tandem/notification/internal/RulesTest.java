package org.tandem.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.tandem.api.cases.CaseRepository;
import org.tandem.api.cases.Channel;
import org.tandem.api.cases.Person;
import org.tandem.api.cases.PersonRole;
import org.tandem.api.cases.SafeHours;
import org.tandem.api.cases.VictimCase;
import org.tandem.api.notification.AttemptOutcome;
import org.tandem.api.notification.DeliveryResult;
import org.tandem.api.notification.Notification;
import org.tandem.api.notification.NotificationEvents;
import org.tandem.api.notification.NotificationState;
import org.tandem.api.notification.RecipientType;
import org.tandem.notification.internal.testing.RecordingChannel;

/** Consent, safe hours, safe-to-contact, noVoicemail and secondary victims: checked at every send. */
class RulesTest extends EngineTestBase {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    @Test
    void messageDueOutsideSafeHoursWaitsUntilTheWindowOpensInThePersonsZone() {
        // 22:00 in Chicago (04:00 UTC next day); window 09:00-18:00 Chicago
        clock.set(Instant.parse("2026-11-26T04:00:00Z"));
        Person maria = person(PersonRole.PRIMARY_VICTIM, "María", "es", contact("maria@example.org", null,
                List.of(Channel.EMAIL), new SafeHours(LocalTime.of(9, 0), LocalTime.of(18, 0), CHICAGO), false, true,
                null));
        VictimCase c = openCase(maria);
        consent.grantNotify(c.id(), maria.id());
        Notification n = caseOpened(c).get(0);

        dispatcher.dispatchDue();

        Notification waiting = reload(n);
        assertThat(received()).isEmpty();
        assertThat(waiting.state()).isEqualTo(NotificationState.QUEUED);
        Instant opens = Instant.parse("2026-11-26T15:00:00Z"); // 09:00 CST
        assertThat(waiting.nextAttemptAt()).isEqualTo(opens);
        assertThat(waiting.reason()).contains("outside safe hours").contains("2026-11-26 09:00 America/Chicago");
        assertThat(waiting.history()).singleElement().satisfies(a -> assertThat(a.outcome())
                .isEqualTo(AttemptOutcome.DEFERRED));

        clock.set(opens.minusSeconds(1));
        assertThat(dispatcher.dispatchDue()).isZero();
        assertThat(received()).isEmpty();

        clock.set(opens);
        dispatcher.dispatchDue();
        assertThat(received()).hasSize(1);
        assertThat(reload(n).state()).isEqualTo(NotificationState.SENT);
        assertThat(reload(n).sentAt()).isEqualTo(opens);
    }

    @Test
    void revokedConsentSendsNothingAndIsWithheldWhenTheWaitEnds() {
        Person maria = person(PersonRole.PRIMARY_VICTIM, "María", "es",
                contact("maria@example.org", null, List.of(Channel.EMAIL)));
        VictimCase c = openCase(maria);
        consent.grantNotify(c.id(), maria.id());
        Notification n = caseOpened(c).get(0);
        consent.revokeNotify(maria.id());

        dispatcher.dispatchDue();
        assertThat(received()).isEmpty();
        assertThat(reload(n).reason()).isEqualTo("waiting for an active NOTIFY consent");

        clock.advance(settings.consentWait());
        dispatcher.dispatchDue();

        assertThat(received()).isEmpty();
        Notification withheld = reload(n);
        assertThat(withheld.state()).isEqualTo(NotificationState.WITHHELD);
        assertThat(withheld.reason()).isEqualTo("no active NOTIFY consent");
        assertThat(withheld.attemptCount()).isZero();
        assertThat(events.on(NotificationEvents.NOTIFICATION_WITHHELD)).singleElement()
                .satisfies(e -> assertThat(e.properties()).containsEntry("caseId", c.id())
                        .containsEntry("personId", maria.id()).containsEntry("notificationId", n.id()));
    }

    @Test
    void consentRecordedAfterTheCaseWasOpenedReleasesTheWaitingMessage() {
        Person maria = person(PersonRole.PRIMARY_VICTIM, "María", "es",
                contact("maria@example.org", null, List.of(Channel.EMAIL)));
        VictimCase c = openCase(maria);
        Notification n = caseOpened(c).get(0);

        dispatcher.dispatchDue();
        assertThat(received()).isEmpty();
        assertThat(reload(n).nextAttemptAt()).isEqualTo(T0.plus(settings.consentRecheck()));

        consent.grantNotify(c.id(), maria.id());
        clock.advance(settings.consentRecheck());
        dispatcher.dispatchDue();

        assertThat(received()).hasSize(1);
        assertThat(reload(n).state()).isEqualTo(NotificationState.SENT);
        // the send went through the disclosure gate (the single enforcement point), once, for this person
        assertThat(consent.asked).singleElement().satisfies(d -> {
            assertThat(d.personId()).isEqualTo(maria.id());
            assertThat(d.caseId()).isEqualTo(c.id());
            assertThat(d.scope()).isEqualTo(org.tandem.api.consent.ConsentScope.NOTIFY);
            assertThat(d.purpose()).isEqualTo("notification CASE_OPENED by EMAIL");
        });
    }

    @Test
    void consentRevokedBetweenTheCheckAndTheSendIsRefusedByTheGate() {
        Person maria = person(PersonRole.PRIMARY_VICTIM, "María", "es",
                contact("maria@example.org", null, List.of(Channel.EMAIL)));
        VictimCase c = openCase(maria);
        consent.grantNotify(c.id(), maria.id());
        Notification n = caseOpened(c).get(0);
        // a gate whose decision differs from the early check: the revocation landed in between
        Dispatcher racing = new Dispatcher(outbox, cases, null, new org.tandem.api.consent.DisclosureGate() {
            @Override
            public java.util.Optional<org.tandem.api.consent.Consent> disclose(org.tandem.api.consent.Disclosure d) {
                return java.util.Optional.empty();
            }

            @Override
            public java.util.Optional<org.tandem.api.consent.Consent> coveringConsent(String personId,
                    org.tandem.api.consent.ConsentScope scope, org.tandem.api.consent.Recipient recipient) {
                return consent.coveringConsent(personId, scope, recipient);
            }
        }, channels, events, clock, settings);
        racing.dispatchDue();
        assertThat(received()).isEmpty();
        assertThat(reload(n).state()).isEqualTo(NotificationState.WITHHELD);
        assertThat(reload(n).reason()).isEqualTo("no active NOTIFY consent");
    }

    @Test
    void notSafeToContactWithoutAlternateSendsNothingToTheVictimAndTellsTheAdvocate() {
        Person linh = person(PersonRole.PRIMARY_VICTIM, "Linh", "en", contact("linh@example.org", "+12175550142",
                List.of(Channel.EMAIL, Channel.SMS), null, false, false, "ask at the front desk"));
        VictimCase c = openCase(linh);
        consent.grantNotify(c.id(), linh.id());

        Notification n = caseOpened(c).get(0);
        dispatcher.dispatchDue();

        assertThat(received()).isEmpty();
        Notification withheld = reload(n);
        assertThat(withheld.state()).isEqualTo(NotificationState.WITHHELD);
        assertThat(withheld.channel()).isNull();
        assertThat(withheld.reason()).contains("not safe to contact");
        assertThat(events.on(NotificationEvents.NOTIFICATION_WITHHELD)).hasSize(1);
    }

    @Test
    void notSafeToContactGoesOnlyToTheDesignatedAlternateContactWithoutCaseDetails() throws Exception {
        Person linh = person(PersonRole.PRIMARY_VICTIM, "Linh", "en", contact("linh@example.org", "+12175550142",
                List.of(Channel.EMAIL), null, false, false, "Sister, Thu Nguyen, thu@example.org"));
        VictimCase c = openCase(linh);
        consent.grantNotify(c.id(), linh.id());

        Notification n = caseOpened(c).get(0);
        dispatcher.dispatchDue();

        assertThat(n.recipientType()).isEqualTo(RecipientType.ALTERNATE_CONTACT);
        assertThat(received()).singleElement().satisfies(m -> {
            assertThat(m.getAllRecipients()[0].toString()).contains("thu@example.org").contains("Sister, Thu Nguyen");
            assertThat(m.getSubject()).isEqualTo("A message for Linh");
            assertThat((String) m.getContent()).doesNotContain("2026-000123").contains("advocate");
        });
        assertThat(reload(n).state()).isEqualTo(NotificationState.SENT);
    }

    @Test
    void aPersonFoundUnsafeAtSendTimeIsWithheldAndTheAlternateIsUsedInstead() {
        Person linh = person(PersonRole.PRIMARY_VICTIM, "Linh", "en", contact("linh@example.org", null,
                List.of(Channel.EMAIL), null, false, true, "Thu, thu@example.org"));
        VictimCase c = openCase(linh);
        consent.grantNotify(c.id(), linh.id());
        Notification n = caseOpened(c).get(0);
        // the advocate learns it is no longer safe before the message goes out
        Person unsafe = new Person(linh.id(), linh.role(), null, linh.givenName(), linh.familyName(), null, "en",
                contact("linh@example.org", null, List.of(Channel.EMAIL), null, false, false, "Thu, thu@example.org"));
        Dispatcher atSendTime = new Dispatcher(outbox, withPerson(c, unsafe), null, consent, channels, events, clock,
                settings);

        atSendTime.dispatchDue();
        atSendTime.dispatchDue();

        assertThat(reload(n).state()).isEqualTo(NotificationState.WITHHELD);
        assertThat(received()).singleElement().satisfies(m ->
                assertThat(m.getAllRecipients()[0].toString()).contains("thu@example.org"));
    }

    @Test
    void secondaryVictimHasOwnConsentAndChannelsAndVoiceMustNotLeaveVoicemail() {
        RecordingChannel voice = new RecordingChannel(m -> DeliveryResult.sent("call-1", "answered"));
        register(Channel.VOICE, voice);
        Person maria = person(PersonRole.PRIMARY_VICTIM, "María", "es",
                contact("maria@example.org", null, List.of(Channel.EMAIL)));
        Person ana = person(PersonRole.SECONDARY_VICTIM, "Ana", "es", contact(null, "+12175550199",
                List.of(Channel.VOICE), null, true, true, null));
        VictimCase c = openCase(maria, ana);
        consent.grantNotify(c.id(), ana.id()); // the mother consented, the victim did not (yet)

        List<Notification> queued = caseOpened(c);
        dispatcher.dispatchDue();

        assertThat(queued).hasSize(2);
        assertThat(received()).as("no e-mail without the victim's consent").isEmpty();
        assertThat(voice.sent).singleElement().satisfies(m -> {
            assertThat(m.address()).isEqualTo("+12175550199");
            assertThat(m.voicemailAllowed()).isFalse();
            assertThat(m.language()).isEqualTo("es");
            assertThat(m.shortOrText()).contains("se abrió el caso 2026-000123");
        });
    }

    @Test
    void permanentFailureFallsBackToTheNextChannelInThePersonsOrder() {
        RecordingChannel sms = new RecordingChannel(m -> DeliveryResult.permanentFailure("HTTP 400: invalid number"));
        register(Channel.SMS, sms);
        Person maria = person(PersonRole.PRIMARY_VICTIM, "María", "es",
                contact("maria@example.org", "+12175550123", List.of(Channel.SMS, Channel.EMAIL)));
        VictimCase c = openCase(maria);
        consent.grantNotify(c.id(), maria.id());
        Notification n = caseOpened(c).get(0);

        dispatcher.dispatchDue();
        dispatcher.dispatchDue();

        assertThat(sms.sent).hasSize(1);
        assertThat(reload(n).state()).isEqualTo(NotificationState.DEAD);
        assertThat(reload(n).history()).extracting(a -> a.outcome()).containsExactly(AttemptOutcome.PERMANENT_FAILURE);
        assertThat(received()).hasSize(1);
        assertThat(events.on(NotificationEvents.NOTIFICATION_DEAD)).isEmpty();
    }

    @Test
    void aChannelThatWasNeverInstalledFallsBackAtOnce() {
        Person ana = person(PersonRole.PRIMARY_VICTIM, "Ana", "en",
                contact("ana@example.org", "+12175550199", List.of(Channel.VOICE, Channel.EMAIL)));
        VictimCase c = openCase(ana);
        consent.grantNotify(c.id(), ana.id());
        Notification n = caseOpened(c).get(0);

        dispatcher.dispatchDue();
        dispatcher.dispatchDue();

        assertThat(reload(n).reason()).contains("no VOICE channel is installed");
        assertThat(received()).hasSize(1);
    }

    @Test
    void noUsableChannelIsWithheldAtOnce() {
        Person robert = person(PersonRole.PRIMARY_VICTIM, "Robert", "en", contact(null, null, List.of(Channel.EMAIL)));
        VictimCase c = openCase(robert);

        Notification n = caseOpened(c).get(0);

        assertThat(reload(n).state()).isEqualTo(NotificationState.WITHHELD);
        assertThat(reload(n).reason()).contains("no usable channel");
        assertThat(events.on(NotificationEvents.NOTIFICATION_WITHHELD)).hasSize(1);
    }

    @Test
    void witnessesAreNotNotifiedOfCaseEventsUnlessNamed() {
        Person maria = person(PersonRole.PRIMARY_VICTIM, "María", "es",
                contact("maria@example.org", null, List.of(Channel.EMAIL)));
        Person robert = person(PersonRole.WITNESS, "Robert", "en",
                contact("rking@example.org", null, List.of(Channel.EMAIL)));
        VictimCase c = openCase(maria, robert);

        assertThat(caseOpened(c)).extracting(Notification::personId).containsExactly(maria.id());
    }

    /** The case repository as the dispatcher will see it after a person's details changed. */
    private CaseRepository withPerson(VictimCase c, Person changed) {
        return new CaseRepository() {
            @Override
            public void insert(VictimCase victimCase) {
                cases.insert(victimCase);
            }

            @Override
            public Optional<VictimCase> find(String agencyId, String caseId) {
                return cases.find(agencyId, caseId).map(v -> new VictimCase(v.id(), v.agencyId(), v.status(),
                        v.incident(), v.persons().stream().map(p -> p.id().equals(changed.id()) ? changed : p).toList(),
                        v.needs(), v.narrative(), v.createdBy(), v.createdAt(), v.updatedAt()));
            }

            @Override
            public org.tandem.api.Page<VictimCase> search(org.tandem.api.cases.CaseQuery query) {
                return cases.search(query);
            }

            @Override
            public long count(String agencyId) {
                return cases.count(agencyId);
            }
        };
    }
}
