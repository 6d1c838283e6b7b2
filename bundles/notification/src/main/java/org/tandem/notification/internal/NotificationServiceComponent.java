package org.tandem.notification.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.api.Caller;
import org.tandem.api.Page;
import org.tandem.api.cases.CaseRepository;
import org.tandem.api.cases.Channel;
import org.tandem.api.event.EventJournal;
import org.tandem.api.event.JournalEntry;
import org.tandem.api.notification.ConfirmationRepository;
import org.tandem.api.notification.ConfirmationResult;
import org.tandem.api.notification.ManualMessage;
import org.tandem.api.notification.Notification;
import org.tandem.api.notification.NotificationEvents;
import org.tandem.api.notification.NotificationRepository;
import org.tandem.api.notification.NotificationService;
import org.tandem.api.notification.NotificationState;
import org.tandem.api.notification.TaskRepository;

/**
 * The notification service and the consumer of the triggering events. It only writes the outbox; it does not need
 * the consent service, so events are recorded even while consent or channels are unavailable (the
 * {@link DispatcherComponent}, which sends, cannot run without consent).
 * <p>
 * Case and referral events are read from the durable {@link EventJournal} (cursor {@value #CONSUMER}), not taken
 * from EventAdmin: an event committed while this bundle was stopped, or just before a crash, is planned when it
 * comes back. Their live EventAdmin events only wake the journal reader. Custody and court events, which adapters
 * post live, are planned straight from EventAdmin.
 */
@Component(service = {NotificationService.class, EventHandler.class}, configurationPid = NotificationConfig.PID,
        property = {
        EventConstants.EVENT_TOPIC + "=" + NotificationEvents.CASE_OPENED,
        EventConstants.EVENT_TOPIC + "=" + NotificationEvents.REFERRAL_STATUS_CHANGED,
        EventConstants.EVENT_TOPIC + "=" + NotificationEvents.CUSTODY_STATUS_CHANGED,
        EventConstants.EVENT_TOPIC + "=" + NotificationEvents.COURT_EVENT_SCHEDULED,
        EventConstants.EVENT_TOPIC + "=" + NotificationEvents.PROTECTIVE_ORDER_CHANGED })
public class NotificationServiceComponent implements NotificationService, EventHandler {

    /** The journal cursor of the notification outbox (created by schema V005). */
    static final String CONSUMER = "notification";

    private static final Logger LOG = LoggerFactory.getLogger(NotificationServiceComponent.class);

    private static final Set<String> JOURNALED = Set.of(NotificationEvents.CASE_OPENED,
            NotificationEvents.REFERRAL_STATUS_CHANGED);
    private static final long STOP_WAIT_SECONDS = 10;
    /** Also picks up what other nodes journaled and retries after a failure. */
    private static final long POLL_SECONDS = 5;
    private static final int BATCH = 200;

    private final NotificationEngine engine;
    private final Confirmations confirmations;
    private final EventJournal journal;
    private final AtomicBoolean catchUpQueued = new AtomicBoolean();
    /**
     * Events are turned into outbox records on this thread, not EventAdmin's: EventAdmin blacklists a handler that
     * takes longer than its timeout (a slow database), and then no event would reach it any more.
     */
    private final ScheduledExecutorService planner = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "tandem-notification-planner");
        t.setDaemon(true);
        return t;
    });

    @Activate
    public NotificationServiceComponent(@Reference(name = "repository") NotificationRepository repository,
            @Reference(name = "cases") CaseRepository cases, @Reference(name = "eventAdmin") EventAdmin eventAdmin,
            @Reference(name = "journal") EventJournal journal,
            @Reference(name = "confirmationRepository") ConfirmationRepository confirmationRepository,
            @Reference(name = "taskRepository") TaskRepository taskRepository, NotificationConfig config,
            Map<String, Object> properties) {
        this(repository, cases, eventAdmin, journal, confirmationRepository, taskRepository,
                DispatcherComponent.policy(config, properties, ConfirmationPolicy.defaults()));
    }

    NotificationServiceComponent(NotificationRepository repository, CaseRepository cases, EventAdmin eventAdmin,
            EventJournal journal, ConfirmationRepository confirmationRepository, TaskRepository taskRepository,
            ConfirmationPolicy policy) {
        EventPoster poster = (topic, props) -> eventAdmin.postEvent(new Event(topic, props));
        this.engine = new NotificationEngine(repository, cases, poster, Clock.systemUTC());
        this.confirmations = new Confirmations(confirmationRepository, taskRepository, repository, poster,
                Clock.systemUTC(), policy);
        engine.useConfirmations(confirmations);
        this.journal = journal;
        planner.scheduleWithFixedDelay(this::catchUp, 0, POLL_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void handleEvent(Event event) {
        if (JOURNALED.contains(event.getTopic())) {
            wake();
            return;
        }
        EventTranslator.translate(event.getTopic(), event::getProperty).ifPresent(t -> planner.execute(() -> {
            try {
                engine.plan(t);
            } catch (RuntimeException e) {
                // ids only: events carry no PII
                LOG.error("{} event {} for case {} could not be turned into notifications", t.eventType(),
                        t.eventId(), t.caseId(), e);
            }
        }));
    }

    /** Coalesces wake-ups: a burst of events makes one catch-up, not one per event. */
    private void wake() {
        if (catchUpQueued.compareAndSet(false, true)) {
            try {
                planner.execute(this::catchUp);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                catchUpQueued.set(false);
            }
        }
    }

    /** Plans every journaled event after the cursor; a failure leaves the rest for the next poll. */
    void catchUp() {
        catchUpQueued.set(false);
        try {
            while (journal.consume(CONSUMER, BATCH, this::plan) == BATCH) {
                // a full batch: there may be more
            }
        } catch (RuntimeException e) {
            LOG.warn("Notification journal catch-up failed, retried in {} s: {}", POLL_SECONDS, e.toString());
        }
    }

    private void plan(JournalEntry entry) {
        EventTranslator.translate(entry.topic(), entry.properties()::get).ifPresent(engine::plan);
    }

    @Modified
    void modified(NotificationConfig config, Map<String, Object> properties) {
        confirmations.configure(DispatcherComponent.policy(config, properties, confirmations.policy()));
    }

    /** Events already accepted are written to the outbox before the component goes away. */
    @Deactivate
    void deactivate() {
        planner.shutdown();
        try {
            if (!planner.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("Notification planner did not finish within {} s; journaled events are planned at the next"
                        + " start, live custody/court events still queued are lost", STOP_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public List<Notification> sendManual(Caller caller, String caseId, ManualMessage message) {
        return engine.sendManual(caller, caseId, message);
    }

    @Override
    public Page<Notification> forCase(Caller caller, String caseId, int page, int size) {
        return engine.forCase(caller, caseId, page, size);
    }

    @Override
    public List<Notification> list(Set<NotificationState> states, int limit) {
        return engine.list(states, limit);
    }

    @Override
    public Notification retry(String notificationId, String requestedBy) {
        return engine.retry(notificationId, requestedBy);
    }

    @Override
    public ConfirmationResult confirmByReply(Channel channel, String from, String text) {
        return engine.confirmByReply(channel, from, text);
    }

    @Override
    public ConfirmationResult confirmByLink(String token) {
        return engine.confirmByLink(token);
    }

    @Override
    public ConfirmationResult confirmByPin(String notificationId, String pin) {
        return engine.confirmByPin(notificationId, pin);
    }

    /** Sets the confirmation PIN a person chose (VOICE/IVR); the caller checked the case. */
    public void setPin(String personId, String pin, String setBy) {
        confirmations.setPin(personId, pin, setBy);
    }

    @Override
    public boolean deliveryReport(Channel channel, String providerMessageId, boolean delivered, String detail) {
        return engine.deliveryReport(channel, providerMessageId, delivered, detail);
    }
}
