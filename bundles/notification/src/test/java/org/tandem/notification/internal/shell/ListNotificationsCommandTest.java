package org.tandem.notification.internal.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tandem.api.cases.Channel;
import org.tandem.api.notification.Notification;
import org.tandem.api.notification.NotificationState;
import org.tandem.api.notification.RecipientType;

class ListNotificationsCommandTest {

    @Test
    void defaultsToFailedAndDeadAndOptionsSelectStates() {
        ListNotificationsCommand command = new ListNotificationsCommand();
        assertThat(command.states()).isEqualTo(EnumSet.of(NotificationState.FAILED, NotificationState.DEAD));

        command.withheld = true;
        command.queued = true;
        assertThat(command.states()).isEqualTo(EnumSet.of(NotificationState.WITHHELD, NotificationState.QUEUED));
    }

    @Test
    void rendersOneLinePerNotification() {
        Instant t = Instant.parse("2026-11-25T16:00:00Z");
        Notification dead = new Notification("n1aaaaaaaaaaaaaaaaaaaaaa", "k", "PD-DEMO", "c1aaaaaaaaaaaaaaaaaaaaaa", "p",
                RecipientType.PERSON, "CASE_OPENED", "e", Channel.SMS, "es", "case-opened", "es", false, null,
                NotificationState.DEAD, 6, null, null, "gave up after 6 attempts: HTTP 503", null, "officer", t, t,
                null, null, Map.of(), List.of());

        String out = ListNotificationsCommand.render(List.of(dead));

        assertThat(out).contains("n1aaaaaaaaaaaaaaaaaaaaaa").contains("DEAD").contains("SMS")
                .contains("gave up after 6 attempts").endsWith("1 notification(s)\n");
    }
}
