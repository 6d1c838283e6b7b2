package org.tandem.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.tandem.api.cases.Channel;
import org.tandem.api.cases.PersonRole;
import org.tandem.api.cases.VictimCase;
import org.tandem.api.notification.Notification;
import org.tandem.api.notification.NotificationEvents;
import org.tandem.api.notification.NotificationState;
import org.tandem.api.referral.Referral;
import org.tandem.api.referral.ReferralEvents;
import org.tandem.api.referral.ReferralStatus;
import org.tandem.api.referral.ReferralTopics;
import org.tandem.api.referral.ReferralTransition;
import org.tandem.api.referral.Urgency;
import org.tandem.store.internal.event.JdbcEventJournal;

/**
 * Events committed while the notification component is not running (bundle stopped, node crashed) are planned when
 * it starts, exactly once, from the store's journal; their live EventAdmin copies only wake the reader.
 */
class JournalCatchUpTest extends EngineTestBase {

    private final List<Event> posted = new ArrayList<>();

    @Test
    void casesOpenedWhileStoppedAreNotifiedAtStartAndOnlyOnce() {
        JdbcEventJournal journal = new JdbcEventJournal(db.dataSource(), Clock.systemUTC());
        // "stopped": no component exists while the cases are stored
        VictimCase first = openCase(person(PersonRole.PRIMARY_VICTIM, "Maria", "es",
                contact("maria@example.org", null, List.of(Channel.EMAIL))));
        VictimCase second = openCase(person(PersonRole.PRIMARY_VICTIM, "Ana", "en",
                contact("ana@example.org", null, List.of(Channel.EMAIL))),
                person(PersonRole.SECONDARY_VICTIM, "Rosa", "es", contact("rosa@example.org", null,
                        List.of(Channel.EMAIL))));

        NotificationServiceComponent component = start(journal);
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> planned(first).size() == 1 && planned(second).size() == 2);
        } finally {
            component.deactivate();
        }
        assertThat(planned(second)).allMatch(n -> n.state() == NotificationState.QUEUED)
                .extracting(Notification::eventType).containsOnly(NotificationEvents.TYPE_CASE_OPENED);

        // a restart, a replayed live event, and a new case: nothing doubles, the new case is planned
        NotificationServiceComponent again = start(journal);
        try {
            again.handleEvent(new Event(NotificationEvents.CASE_OPENED, Map.of(NotificationEvents.PROP_CASE_ID,
                    first.id(), NotificationEvents.PROP_AGENCY_ID, AGENCY)));
            VictimCase third = openCase(person(PersonRole.PRIMARY_VICTIM, "Lee", "en",
                    contact("lee@example.org", null, List.of(Channel.EMAIL))));
            again.handleEvent(new Event(NotificationEvents.CASE_OPENED, Map.of(NotificationEvents.PROP_CASE_ID,
                    third.id(), NotificationEvents.PROP_AGENCY_ID, AGENCY)));
            await().atMost(Duration.ofSeconds(20)).until(() -> planned(third).size() == 1);
        } finally {
            again.deactivate();
        }
        assertThat(planned(first)).hasSize(1);
        assertThat(planned(second)).hasSize(2);
        assertThat(journal.cursors()).containsEntry(NotificationServiceComponent.CONSUMER, journal.head());
    }

    @Test
    void referralStatusChangesAreToldToTheReferredPersonButNotDrafts() {
        JdbcEventJournal journal = new JdbcEventJournal(db.dataSource(), Clock.systemUTC());
        VictimCase c = openCase(person(PersonRole.PRIMARY_VICTIM, "Maria", "es",
                contact("maria@example.org", null, List.of(Channel.EMAIL))),
                person(PersonRole.SECONDARY_VICTIM, "Rosa", "es", contact("rosa@example.org", null,
                        List.of(Channel.EMAIL))));
        String maria = c.persons().get(0).id();
        Instant at = clock.instant();
        Referral r = new Referral("r".repeat(24), c.id(), AGENCY, maria, "prv-vsp", List.of(), Urgency.ROUTINE, null,
                ReferralStatus.SENT, null, "officer", at, at, at, 1, List.of());
        // exactly what the store journals for a referral created as a draft, then sent
        journal.append(ReferralTopics.STATUS_CHANGED, ReferralEvents.statusChanged(r, "VSP-DEMO",
                new ReferralTransition(null, ReferralStatus.DRAFT, at, "officer", AGENCY, null)));
        journal.append(ReferralTopics.STATUS_CHANGED, ReferralEvents.statusChanged(r, "VSP-DEMO",
                new ReferralTransition(ReferralStatus.DRAFT, ReferralStatus.SENT, at.plusSeconds(5), "officer",
                        AGENCY, null)));

        NotificationServiceComponent component = start(journal);
        try {
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> journal.cursors().get(NotificationServiceComponent.CONSUMER) == journal.head());
        } finally {
            component.deactivate();
        }
        List<Notification> referral = planned(c).stream()
                .filter(n -> n.eventType().equals(NotificationEvents.TYPE_REFERRAL_STATUS_CHANGED)).toList();
        assertThat(referral).as("one message, to the referred person only, about SENT").hasSize(1);
        assertThat(referral.get(0).personId()).isEqualTo(maria);
        assertThat(referral.get(0).params()).containsEntry(NotificationEvents.PROP_STATUS, "SENT");
    }

    private NotificationServiceComponent start(JdbcEventJournal journal) {
        EventAdmin eventAdmin = new EventAdmin() {
            @Override
            public void postEvent(Event event) {
                posted.add(event);
            }

            @Override
            public void sendEvent(Event event) {
                posted.add(event);
            }
        };
        return new NotificationServiceComponent(outbox, cases, eventAdmin, journal,
                new org.tandem.store.internal.notification.JdbcConfirmationRepository(db.dataSource()),
                new org.tandem.store.internal.notification.JdbcTaskRepository(db.dataSource()),
                ConfirmationPolicy.defaults());
    }

    private List<Notification> planned(VictimCase c) {
        return outbox.forCase(c.agencyId(), c.id(), 0, 50).items();
    }
}
