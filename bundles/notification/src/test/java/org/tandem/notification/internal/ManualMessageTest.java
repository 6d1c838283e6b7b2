package org.tandem.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.NoSuchElementException;

import org.junit.jupiter.api.Test;
import org.tandem.api.AccessDeniedException;
import org.tandem.api.Caller;
import org.tandem.api.Page;
import org.tandem.api.Role;
import org.tandem.api.ValidationException;
import org.tandem.api.cases.Channel;
import org.tandem.api.cases.Person;
import org.tandem.api.cases.PersonRole;
import org.tandem.api.cases.VictimCase;
import org.tandem.api.notification.AttemptOutcome;
import org.tandem.api.notification.ManualMessage;
import org.tandem.api.notification.Notification;
import org.tandem.api.notification.NotificationState;

/** Manual messages, delivery evidence and the operator's retry. */
class ManualMessageTest extends EngineTestBase {

    private static final Caller ADVOCATE = new Caller("advocate", AGENCY, EnumSet.of(Role.ADVOCATE));
    private static final Caller SUPERVISOR = new Caller("supervisor", AGENCY, EnumSet.of(Role.SUPERVISOR));
    private static final Caller OTHER_AGENCY = new Caller("officer2", "SO-DEMO", EnumSet.of(Role.OFFICER));

    @Test
    void advocateMessageIsSentOncePerRequestIdAndListedWithItsAttempts() throws Exception {
        Person maria = person(PersonRole.PRIMARY_VICTIM, "María", "es",
                contact("maria@example.org", null, List.of(Channel.EMAIL)));
        VictimCase c = openCase(maria);
        consent.grantNotify(c.id(), maria.id());
        ManualMessage message = new ManualMessage(List.of(), "Audiencia", "La audiencia es el lunes.\nLlámenos.", "req-1");

        List<Notification> created = engine.sendManual(ADVOCATE, c.id(), message);
        List<Notification> again = engine.sendManual(ADVOCATE, c.id(), message);
        dispatcher.dispatchDue();

        assertThat(created).hasSize(1);
        assertThat(again).extracting(Notification::id).containsExactlyElementsOf(created.stream().map(Notification::id).toList());
        assertThat(received()).singleElement().satisfies(m -> {
            assertThat(m.getSubject()).isEqualTo("Springfield Police Department: Audiencia");
        });
        Page<Notification> evidence = engine.forCase(SUPERVISOR, c.id(), 0, 20);
        assertThat(evidence.total()).isEqualTo(1);
        Notification n = evidence.items().get(0);
        assertThat(n.eventType()).isEqualTo("MANUAL");
        assertThat(n.createdBy()).isEqualTo("advocate");
        assertThat(n.state()).isEqualTo(NotificationState.SENT);
        assertThat(n.history()).extracting(a -> a.outcome()).containsExactly(AttemptOutcome.SENT);
    }

    @Test
    void badMessagesOtherAgenciesAndWrongRolesAreRefusedAndStoreNothing() {
        Person maria = person(PersonRole.PRIMARY_VICTIM, "María", "es",
                contact("maria@example.org", null, List.of(Channel.EMAIL)));
        VictimCase c = openCase(maria);

        assertThatThrownBy(() -> engine.sendManual(ADVOCATE, c.id(), new ManualMessage(List.of("nobody"), "",
                "x".repeat(2001), "bad id!"))).isInstanceOfSatisfying(ValidationException.class, e ->
                assertThat(e.errors()).extracting(f -> f.field())
                        .containsExactlyInAnyOrder("text", "subject", "requestId", "personIds[0]"));
        assertThatThrownBy(() -> engine.sendManual(OTHER_AGENCY, c.id(), new ManualMessage(List.of(), "s", "t", null)))
                .isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> engine.forCase(OTHER_AGENCY, c.id(), 0, 20)).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> engine.sendManual(SUPERVISOR, c.id(), new ManualMessage(List.of(), "s", "t", null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(db.count("notification")).isZero();
    }

    @Test
    void operatorRetryQueuesADeadNotificationAgain() {
        smtp.stop();
        reconfigure(settings.withRetry(1, settings.backoffBase(), settings.backoffMax()));
        Person maria = person(PersonRole.PRIMARY_VICTIM, "María", "es",
                contact("maria@example.org", null, List.of(Channel.EMAIL)));
        VictimCase c = openCase(maria);
        consent.grantNotify(c.id(), maria.id());
        Notification n = caseOpened(c).get(0);
        dispatcher.dispatchDue();
        assertThat(reload(n).state()).isEqualTo(NotificationState.DEAD);
        assertThat(engine.list(EnumSet.noneOf(NotificationState.class), 10)).extracting(Notification::id)
                .containsExactly(n.id());

        Notification retried = engine.retry(n.id(), "console:admin");

        assertThat(retried.state()).isEqualTo(NotificationState.QUEUED);
        assertThat(retried.attemptCount()).isZero();
        assertThat(retried.history()).extracting(a -> a.outcome())
                .containsExactly(AttemptOutcome.TRANSIENT_FAILURE, AttemptOutcome.RETRY_REQUESTED);
        assertThatThrownBy(() -> engine.retry(n.id(), "console:admin")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> engine.retry("nosuchnotification", "x")).isInstanceOf(NoSuchElementException.class);
    }
}
