package org.tandem.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.tandem.api.cases.Channel;
import org.tandem.api.cases.Person;
import org.tandem.api.cases.PersonRole;
import org.tandem.api.cases.VictimCase;
import org.tandem.api.notification.Notification;
import org.tandem.api.notification.NotificationState;
import org.tandem.notification.email.internal.SmtpSender;
import org.tandem.store.internal.agency.JdbcAgencyRepository;

/** A dispatcher that stops (or dies) in the middle of a batch loses nothing and sends nothing twice. */
class RestartTest extends EngineTestBase {

    @Test
    void aNewDispatcherAfterAStopInTheMiddleOfABatchSendsEveryQueuedMessageExactlyOnce() throws Exception {
        List<Notification> queued = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Person p = person(PersonRole.PRIMARY_VICTIM, "Victim" + i, i % 2 == 0 ? "es" : "en",
                    contact("victim" + i + "@example.org", null, List.of(Channel.EMAIL)));
            VictimCase c = openCase(p);
            consent.grantNotify(c.id(), p.id());
            queued.addAll(caseOpened(c));
        }
        reconfigure(new Settings(true, Duration.ofSeconds(1), 5, 0, 6, Duration.ofSeconds(30), Duration.ofHours(1),
                Duration.ofMinutes(2), Duration.ofHours(1), Duration.ofSeconds(30), Duration.ofSeconds(60), null,
                settings.defaultZone(), "", java.util.Map.of()));

        assertThat(dispatcher.dispatchDue()).isEqualTo(5);
        dispatcher.stop(); // like a bundle stop: the round in hand ends, nothing more is taken
        assertThat(dispatcher.dispatchDue()).isZero();
        assertThat(received()).hasSize(5);

        // a fresh dispatcher over the same database, as after a restart
        Dispatcher restarted = new Dispatcher(outbox, cases, new JdbcAgencyRepository(db.dataSource()), consent,
                channels, events, clock, settings);
        while (restarted.dispatchDue() > 0) {
            // drain
        }

        MimeMessage[] mails = received();
        assertThat(mails).hasSize(12);
        Set<String> ids = new HashSet<>();
        for (MimeMessage m : mails) {
            ids.add(m.getHeader(SmtpSender.NOTIFICATION_HEADER)[0]);
        }
        assertThat(ids).containsExactlyInAnyOrderElementsOf(queued.stream().map(Notification::id).toList());
        assertThat(queued).allSatisfy(n -> assertThat(reload(n).state()).isEqualTo(NotificationState.SENT));
    }

    @Test
    void aRecordHeldByADispatcherThatDiedIsSentOnceItsLeaseExpires() {
        Person p = person(PersonRole.PRIMARY_VICTIM, "Ana", "en",
                contact("ana@example.org", null, List.of(Channel.EMAIL)));
        VictimCase c = openCase(p);
        consent.grantNotify(c.id(), p.id());
        Notification n = caseOpened(c).get(0);
        // a dispatcher claimed it and was killed before sending
        assertThat(outbox.claim(n.id(), T0, T0.plus(settings.lease()))).isPresent();

        assertThat(dispatcher.dispatchDue()).isZero();
        assertThat(received()).isEmpty();

        clock.advance(settings.lease().plusSeconds(1));
        dispatcher.dispatchDue();
        dispatcher.dispatchDue();

        assertThat(received()).hasSize(1);
        assertThat(reload(n).state()).isEqualTo(NotificationState.SENT);
    }
}
