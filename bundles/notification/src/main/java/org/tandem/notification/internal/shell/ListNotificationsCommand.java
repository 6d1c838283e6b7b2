package org.tandem.notification.internal.shell;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tandem.api.notification.Notification;
import org.tandem.api.notification.NotificationService;
import org.tandem.api.notification.NotificationState;

/** {@code tandem:notification-list [--failed] [--dead] [--withheld] [--queued] [-n max]}: default failed and dead. */
@Service
@Command(scope = "tandem", name = "notification-list", description = "Lists notifications by state (default: FAILED and DEAD)")
public class ListNotificationsCommand implements Action {

    @Reference
    NotificationService notifications;

    @Option(name = "--failed", description = "failed, retry scheduled")
    boolean failed;

    @Option(name = "--dead", description = "given up on their channel")
    boolean dead;

    @Option(name = "--withheld", description = "withheld by a rule (consent, safe to contact, no channel)")
    boolean withheld;

    @Option(name = "--queued", description = "waiting to be sent")
    boolean queued;

    @Option(name = "-n", aliases = "--max", description = "most records to show")
    int max = 50;

    @Override
    public Object execute() {
        System.out.print(render(notifications.list(states(), max)));
        return null;
    }

    Set<NotificationState> states() {
        Set<NotificationState> states = EnumSet.noneOf(NotificationState.class);
        if (failed) {
            states.add(NotificationState.FAILED);
        }
        if (dead) {
            states.add(NotificationState.DEAD);
        }
        if (withheld) {
            states.add(NotificationState.WITHHELD);
        }
        if (queued) {
            states.add(NotificationState.QUEUED);
        }
        return states.isEmpty() ? EnumSet.of(NotificationState.FAILED, NotificationState.DEAD) : states;
    }

    static String render(List<Notification> list) {
        StringBuilder out = new StringBuilder(String.format("%-24s %-9s %-7s %3s %-24s %-24s %-20s %s%n", "ID", "STATE",
                "CHANNEL", "TRY", "CASE", "EVENT", "NEXT ATTEMPT", "REASON"));
        for (Notification n : list) {
            out.append(String.format("%-24s %-9s %-7s %3d %-24s %-24s %-20s %s%n", n.id(), n.state(),
                    n.channel() == null ? "-" : n.channel(), n.attemptCount(), n.caseId(), n.eventType(),
                    n.nextAttemptAt() == null ? "-" : n.nextAttemptAt().toString(), n.reason() == null ? "" : n.reason()));
        }
        out.append(list.size()).append(" notification(s)\n");
        return out.toString();
    }
}
