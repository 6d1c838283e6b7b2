package org.tandem.notification.internal;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.api.cases.CaseRepository;
import org.tandem.api.consent.DisclosureGate;
import org.tandem.api.notification.ConfirmationRepository;
import org.tandem.api.notification.NotificationChannel;
import org.tandem.api.notification.TaskRepository;
import org.tandem.api.notification.NotificationRepository;
import org.tandem.api.store.AgencyRepository;

/**
 * Runs the {@link Dispatcher} on one thread every {@code pollIntervalMillis}. The consent service is a mandatory
 * reference: without a consent decision point nothing is sent. Channels come and go through the whiteboard.
 * Stopping (bundle stop, feature uninstall, shutdown) lets the message in hand finish and releases nothing
 * half-done: records not yet claimed stay QUEUED for the next start.
 */
@Component(immediate = true, configurationPid = NotificationConfig.PID)
@Designate(ocd = NotificationConfig.class)
public class DispatcherComponent {

    private static final Logger LOG = LoggerFactory.getLogger(DispatcherComponent.class);
    private static final long STOP_WAIT_SECONDS = 30;

    private final ChannelRegistry channels = new ChannelRegistry(Clock.systemUTC().instant());

    @Reference
    private NotificationRepository repository;

    @Reference
    private CaseRepository cases;

    @Reference
    private AgencyRepository agencies;

    /** Mandatory and static: no consent service, no dispatcher, nothing sent. */
    @Reference
    private DisclosureGate consent;

    @Reference
    private EventAdmin eventAdmin;

    @Reference
    private ConfirmationRepository confirmationRepository;

    @Reference
    private TaskRepository taskRepository;

    private Confirmations confirmations;
    private ReminderScheduler reminders;

    private Dispatcher dispatcher;
    private ScheduledExecutorService executor;
    private ScheduledFuture<?> task;

    /** Every reference, channels included, is bound before this runs. */
    @Activate
    void activate(NotificationConfig config, Map<String, Object> properties) {
        EventPoster poster = (topic, props) -> eventAdmin.postEvent(new Event(topic, props));
        dispatcher = new Dispatcher(repository, cases, agencies, consent, channels, poster, Clock.systemUTC(),
                Settings.from(config, properties));
        confirmations = new Confirmations(confirmationRepository, taskRepository, repository, poster,
                Clock.systemUTC(), policy(config, properties, ConfirmationPolicy.defaults()));
        dispatcher.useConfirmations(confirmations);
        reminders = new ReminderScheduler(confirmations, repository, cases);
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tandem-notification-dispatcher");
            t.setDaemon(true);
            return t;
        });
        schedule();
    }

    @Reference(name = "channel", service = NotificationChannel.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, target = "(" + NotificationChannel.CHANNEL_PROPERTY + "=*)")
    void addChannel(NotificationChannel channel, Map<String, Object> properties) {
        channels.add(channel, properties);
    }

    void removeChannel(NotificationChannel channel, Map<String, Object> properties) {
        channels.remove(channel, properties);
    }

    @Modified
    synchronized void modified(NotificationConfig config, Map<String, Object> properties) {
        dispatcher.configure(Settings.from(config, properties));
        confirmations.configure(policy(config, properties, confirmations.policy()));
        if (task != null) {
            task.cancel(false);
        }
        schedule();
    }

    /** An invalid schedule or URL is logged and the policy in force stays. */
    static ConfirmationPolicy policy(NotificationConfig config, Map<String, Object> properties,
            ConfirmationPolicy current) {
        try {
            return ConfirmationPolicy.from(config, properties);
        } catch (IllegalArgumentException e) {
            LOG.error("Invalid confirmation settings in {}: {}; keeping the ones in force", NotificationConfig.PID,
                    e.getMessage());
            return current;
        }
    }

    private synchronized void schedule() {
        Settings s = dispatcher.settings();
        if (!s.dispatcherEnabled()) {
            LOG.warn("Notification dispatcher disabled by configuration: notifications are queued, not sent");
            task = null;
            return;
        }
        task = executor.scheduleWithFixedDelay(this::round, 0, s.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("Notification dispatcher running: every {} ms, batch {}, max {} attempts, templates {}",
                s.pollInterval().toMillis(), s.batchSize(), s.maxAttempts(),
                s.templateDir() == null ? "built-in" : s.templateDir());
    }

    /** Rounds follow each other while full batches keep coming (a backlog drains without waiting for the poll). */
    private void round() {
        try {
            int batch = dispatcher.settings().batchSize();
            int processed;
            reminders.runDue(Clock.systemUTC().instant());
            do {
                processed = dispatcher.dispatchDue();
            } while (processed >= batch && dispatcher.settings().maxSendsPerSecond() == 0
                    && !Thread.currentThread().isInterrupted());
        } catch (RuntimeException e) {
            LOG.error("Notification dispatch round failed; next round in {} ms: {}",
                    dispatcher.settings().pollInterval().toMillis(), e.toString());
        }
    }

    @Deactivate
    void deactivate() {
        dispatcher.stop();
        executor.shutdown();
        try {
            if (!executor.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("Notification dispatcher still sending after {} s; its record is retried after the lease",
                        STOP_WAIT_SECONDS);
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
