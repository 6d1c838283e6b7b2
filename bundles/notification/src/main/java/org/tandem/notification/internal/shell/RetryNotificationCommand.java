package org.tandem.notification.internal.shell;

import java.util.NoSuchElementException;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.tandem.api.notification.Notification;
import org.tandem.api.notification.NotificationService;

/** {@code tandem:notification-retry <id>}: another round of attempts for a FAILED, DEAD or WITHHELD notification. */
@Service
@Command(scope = "tandem", name = "notification-retry", description = "Queues a failed, dead or withheld notification again (rules are checked again at send time)")
public class RetryNotificationCommand implements Action {

    @Reference
    NotificationService notifications;

    @Reference(optional = true)
    Session session;

    @Argument(index = 0, name = "id", required = true, description = "notification id")
    String id;

    @Override
    public Object execute() {
        String user = session == null ? "console" : String.valueOf(session.get("USER"));
        try {
            Notification n = notifications.retry(id, "console:" + user);
            System.out.println("Notification " + n.id() + " queued again on " + n.channel() + " (next attempt "
                    + n.nextAttemptAt() + ")");
        } catch (NoSuchElementException | IllegalStateException e) {
            System.err.println(e.getMessage());
        }
        return null;
    }
}
