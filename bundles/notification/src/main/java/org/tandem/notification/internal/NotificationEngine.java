package org.tandem.notification.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.api.AccessDeniedException;
import org.tandem.api.Caller;
import org.tandem.api.FieldError;
import org.tandem.api.Ids;
import org.tandem.api.Page;
import org.tandem.api.Role;
import org.tandem.api.ValidationException;
import org.tandem.api.cases.CaseRepository;
import org.tandem.api.cases.Channel;
import org.tandem.api.cases.ContactPreferences;
import org.tandem.api.cases.Person;
import org.tandem.api.cases.PersonRole;
import org.tandem.api.cases.VictimCase;
import org.tandem.api.notification.AttemptOutcome;
import org.tandem.api.notification.ConfirmationResult;
import org.tandem.api.notification.FollowUpTask;
import org.tandem.api.notification.Notice;
import org.tandem.api.notification.ManualMessage;
import org.tandem.api.notification.Notification;
import org.tandem.api.notification.NotificationAttempt;
import org.tandem.api.notification.NotificationEvents;
import org.tandem.api.notification.NotificationRepository;
import org.tandem.api.notification.NotificationService;
import org.tandem.api.notification.NotificationState;
import org.tandem.api.notification.RecipientType;
import org.tandem.api.notification.Urgency;

/**
 * Turns events into outbox records (one per recipient, on their first usable channel; a WITHHELD record, and an
 * event for the advocate, when a person cannot be contacted safely) and serves the notification API. Sending is the
 * {@link Dispatcher}'s job: every rule is checked again there, at send time.
 */
public final class NotificationEngine implements NotificationService {

    static final int MAX_TEXT = 2000;
    static final int MAX_SUBJECT = 200;
    private static final Logger LOG = LoggerFactory.getLogger(NotificationEngine.class);

    private final NotificationRepository repository;
    private final CaseRepository cases;
    private final EventPoster events;
    private final Clock clock;
    private volatile Confirmations confirmations;

    public NotificationEngine(NotificationRepository repository, CaseRepository cases, EventPoster events, Clock clock) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.cases = Objects.requireNonNull(cases, "cases");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Turns confirmed notifications on (events configured to need confirmation get notices). */
    public void useConfirmations(Confirmations newConfirmations) {
        this.confirmations = newConfirmations;
    }

    /**
     * Creates the records for an event (idempotent: an event seen before creates nothing new).
     *
     * @return the records of this event for its recipients, new or existing
     */
    public List<Notification> plan(TriggerEvent e) {
        Optional<VictimCase> found = cases.find(e.agencyId(), e.caseId());
        if (found.isEmpty()) {
            LOG.warn("{} event {} names case {} which agency {} does not have; ignored", e.eventType(), e.eventId(),
                    e.caseId(), e.agencyId());
            return List.of();
        }
        Confirmations confirming = confirmations;
        Optional<Urgency> urgency = confirming == null ? Optional.empty() : confirming.urgencyOf(e);
        List<Notification> out = new ArrayList<>();
        for (Person person : recipients(found.get(), e.personIds())) {
            Instant now = clock.instant();
            Notification n = recordFor(e, person, urgency.orElse(null), now);
            if (urgency.isPresent()) {
                n = confirming.attach(e, person, n, urgency.get(), now);
            }
            if (repository.insertIfAbsent(n)) {
                if (n.state() == NotificationState.WITHHELD) {
                    events.post(NotificationEvents.NOTIFICATION_WITHHELD, Records.eventProperties(n, n.reason()));
                }
                if (urgency.orElse(null) == Urgency.URGENT) {
                    escalateAtOnce(confirming, n, person, now);
                }
            }
            out.add(n);
        }
        return out;
    }

    /**
     * An urgent notice that cannot go out now is a person's job at once: nothing can deliver it (withheld), or it
     * must wait for the safe hours because no channel is marked safe for urgent alerts.
     */
    private static void escalateAtOnce(Confirmations confirming, Notification n, Person person, Instant now) {
        Optional<Notice> notice = confirming.noticeOf(n);
        if (notice.isEmpty()) {
            return;
        }
        if (n.state() == NotificationState.WITHHELD) {
            confirming.escalator().escalate(notice.get(), FollowUpTask.Kind.UNDELIVERABLE, n.reason(), now);
        } else if (n.recipientType() == RecipientType.PERSON && !urgentAllowedNow(person, n.channel(), now)) {
            confirming.escalator().escalate(notice.get(), FollowUpTask.Kind.URGENT_WAITING_FOR_SAFE_HOURS,
                    "outside safe hours and no channel marked safe for urgent alerts", now);
        }
    }

    /** Inside the safe hours, or on a channel the person marked safe for urgent alerts. */
    static boolean urgentAllowedNow(Person person, Channel channel, Instant now) {
        ContactPreferences c = person.contact();
        return c == null || SafeHoursWindow.allows(c.safeHours(), now) || c.urgentChannels().contains(channel);
    }

    private Notification recordFor(TriggerEvent e, Person person, Urgency urgency, Instant now) {
        boolean safe = person.contact() == null || person.contact().safeToContact();
        if (!safe) {
            AlternateContact alt = AlternateContact.parse(person.contact().alternateContact());
            if (alt.reachable()) {
                return Records.create(e, person, RecipientType.ALTERNATE_CONTACT, alt.targets().get(0).channel(),
                        Records.ALTERNATE_TEMPLATE, NotificationState.QUEUED,
                        "person not safe to contact: alternate contact instead", now, null);
            }
            return Records.create(e, person, RecipientType.PERSON, null, e.template(), NotificationState.WITHHELD,
                    "not safe to contact and no reachable alternate contact", now, null);
        }
        Optional<Channel> channel = Routes.first(person);
        if (urgency == Urgency.URGENT && channel.isPresent() && !urgentAllowedNow(person, channel.get(), now)) {
            // at night an urgent notice goes to the first channel marked safe for urgent alerts, if there is one
            Optional<Channel> urgentSafe = Routes.chosen(person).stream()
                    .filter(ch -> Routes.address(person, ch).isPresent() && urgentAllowedNow(person, ch, now))
                    .findFirst();
            if (urgentSafe.isPresent()) {
                channel = urgentSafe;
            }
        }
        if (channel.isEmpty()) {
            return Records.create(e, person, RecipientType.PERSON, null, e.template(), NotificationState.WITHHELD,
                    "no usable channel (none chosen, or no address for the chosen ones)", now, null);
        }
        return Records.create(e, person, RecipientType.PERSON, channel.get(), e.template(), NotificationState.QUEUED,
                null, now, null);
    }

    private static List<Person> recipients(VictimCase c, List<String> personIds) {
        if (personIds.isEmpty()) {
            return c.persons().stream().filter(p -> p.role() == PersonRole.PRIMARY_VICTIM
                    || p.role() == PersonRole.SECONDARY_VICTIM).toList();
        }
        return c.persons().stream().filter(p -> personIds.contains(p.id())).toList();
    }

    // ------------------------------------------------------------------ NotificationService

    @Override
    public List<Notification> sendManual(Caller caller, String caseId, ManualMessage message) {
        // integrations (the tandem:notify Camel endpoint) send on behalf of their configured agency
        requireAgencyRole(caller, "send messages", Role.OFFICER, Role.ADVOCATE, Role.INTEGRATOR);
        VictimCase c = ownCase(caller, caseId);
        List<FieldError> errors = new ArrayList<>();
        String text = message == null ? null : message.text();
        String subject = message == null ? null : message.subject();
        if (text == null || text.isBlank()) {
            errors.add(new FieldError("text", "required"));
        } else if (text.length() > MAX_TEXT || hasControl(text, true)) {
            errors.add(new FieldError("text", "at most " + MAX_TEXT + " characters, no control characters except line breaks and tabs"));
        }
        if (subject == null || subject.isBlank()) {
            errors.add(new FieldError("subject", "required"));
        } else if (subject.length() > MAX_SUBJECT || hasControl(subject, false)) {
            errors.add(new FieldError("subject", "at most " + MAX_SUBJECT + " characters on one line"));
        }
        String requestId = message == null ? null : message.requestId();
        if (requestId != null && !requestId.matches("[A-Za-z0-9._:-]{1,64}")) {
            errors.add(new FieldError("requestId", "1 to 64 letters, digits, '.', '_', ':' or '-'"));
        }
        List<String> personIds = message == null ? List.of() : message.personIds();
        for (int i = 0; i < personIds.size(); i++) {
            String id = personIds.get(i);
            if (c.persons().stream().noneMatch(p -> p.id().equals(id))) {
                errors.add(new FieldError("personIds[" + i + "]", "not a person on this case"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        if (recipients(c, personIds).isEmpty()) {
            throw new ValidationException("personIds", "the case has no victim to notify; name the persons");
        }
        Map<String, String> params = new HashMap<>();
        params.put("subject", subject.strip());
        params.put("text", text.strip());
        String eventId = "manual:" + (requestId != null ? caller.agencyId() + ":" + requestId : Ids.newId());
        return plan(new TriggerEvent(NotificationEvents.TYPE_MANUAL, eventId, c.agencyId(), c.id(), personIds,
                "manual", params, caller.user())).stream()
                .map(n -> repository.find(n.id()).orElseGet(() -> existing(n)))
                .toList();
    }

    /** For a repeated request: the stored record with the same key. */
    private Notification existing(Notification n) {
        return repository.forCase(n.agencyId(), n.caseId(), 0, Page.MAX_SIZE).items().stream()
                .filter(s -> s.idempotencyKey().equals(n.idempotencyKey())).findFirst().orElse(n);
    }

    @Override
    public Page<Notification> forCase(Caller caller, String caseId, int page, int size) {
        requireAgencyRole(caller, "read notifications", Role.OFFICER, Role.ADVOCATE, Role.SUPERVISOR);
        VictimCase c = ownCase(caller, caseId);
        List<FieldError> errors = new ArrayList<>();
        if (page < 0) {
            errors.add(new FieldError("page", "must be 0 or greater"));
        }
        if (size < 1 || size > Page.MAX_SIZE) {
            errors.add(new FieldError("size", "must be between 1 and " + Page.MAX_SIZE));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return repository.forCase(c.agencyId(), c.id(), page, size);
    }

    @Override
    public List<Notification> list(Set<NotificationState> states, int limit) {
        return repository.inStates(states.isEmpty() ? EnumSet.of(NotificationState.FAILED, NotificationState.DEAD)
                : states, Math.max(1, Math.min(limit, 1000)));
    }

    @Override
    public Notification retry(String notificationId, String requestedBy) {
        Notification n = repository.find(notificationId)
                .orElseThrow(() -> new NoSuchElementException("no notification " + notificationId));
        if (n.state() == NotificationState.SENT || n.state() == NotificationState.DELIVERED) {
            throw new IllegalStateException("notification " + notificationId + " was sent (" + n.state() + ")");
        }
        if (n.state().pending()) {
            throw new IllegalStateException("notification " + notificationId + " is still being attempted ("
                    + n.state() + ", next attempt " + n.nextAttemptAt() + ")");
        }
        if (n.channel() == null) {
            throw new IllegalStateException("notification " + notificationId + " never had a usable channel ("
                    + n.reason() + "): fix the person's contact details and send a manual message");
        }
        Instant now = clock.instant();
        Notification queued = n.withState(NotificationState.QUEUED, "retry requested by " + requestedBy, now, now)
                .withAttempt(0, n.providerMessageId(), n.sentAt(), n.deliveredAt());
        NotificationAttempt entry = new NotificationAttempt(0, now, n.channel(), AttemptOutcome.RETRY_REQUESTED, null,
                "by " + requestedBy + " after " + n.attemptCount() + " attempt(s) in state " + n.state(), null);
        if (!repository.transition(queued, n.state(), entry, null)) {
            throw new IllegalStateException("notification " + notificationId + " changed meanwhile; try again");
        }
        return repository.find(notificationId).orElseThrow();
    }

    @Override
    public boolean deliveryReport(Channel channel, String providerMessageId, boolean delivered, String detail) {
        Optional<Notification> found = repository.findByProviderMessageId(channel, providerMessageId);
        if (found.isEmpty()) {
            return false;
        }
        Notification n = found.get();
        Instant now = clock.instant();
        String clipped = detail == null ? null : detail.length() > 200 ? detail.substring(0, 200) : detail;
        if (n.state() != NotificationState.SENT) {
            return true; // a repeated or late receipt: the first one decided
        }
        if (delivered) {
            Notification d = n.withState(NotificationState.DELIVERED, null, null, now)
                    .withAttempt(n.attemptCount(), n.providerMessageId(), n.sentAt(), now);
            repository.transition(d, NotificationState.SENT, new NotificationAttempt(0, now, channel,
                    AttemptOutcome.DELIVERED, providerMessageId, clipped, null), null);
            return true;
        }
        Optional<Person> person = cases.find(n.agencyId(), n.caseId())
                .flatMap(c -> c.persons().stream().filter(p -> p.id().equals(n.personId())).findFirst());
        Optional<Notification> next = person.flatMap(p -> Records.fallback(n, p, now));
        Notification dead = n.withState(NotificationState.DEAD, "not delivered: " + clipped, null, now);
        if (repository.transition(dead, NotificationState.SENT, new NotificationAttempt(0, now, channel,
                AttemptOutcome.DELIVERY_FAILED, providerMessageId, clipped, null), next.orElse(null)) && next.isEmpty()) {
            events.post(NotificationEvents.NOTIFICATION_DEAD, Records.eventProperties(dead, "not delivered on "
                    + channel + " and no further channel"));
        }
        return true;
    }

    @Override
    public ConfirmationResult confirmByReply(Channel channel, String from, String text) {
        return confirming().confirmByReply(channel, from, text);
    }

    @Override
    public ConfirmationResult confirmByLink(String token) {
        return confirming().confirmByLink(token);
    }

    @Override
    public ConfirmationResult confirmByPin(String notificationId, String pin) {
        return confirming().confirmByPin(notificationId, pin);
    }

    private Confirmations confirming() {
        Confirmations c = confirmations;
        if (c == null) {
            throw new UnsupportedOperationException("confirmations are not available");
        }
        return c;
    }

    private VictimCase ownCase(Caller caller, String caseId) {
        if (!Ids.looksLikeId(caseId)) {
            throw new NoSuchElementException("no such case");
        }
        return cases.find(caller.agencyId(), caseId).filter(c -> caller.agencyId().equals(c.agencyId()))
                .orElseThrow(() -> new NoSuchElementException("no such case"));
    }

    private static boolean hasControl(String s, boolean allowLineBreaks) {
        return s.chars().anyMatch(ch -> Character.isISOControl(ch)
                && !(allowLineBreaks && (ch == '\n' || ch == '\r' || ch == '\t')));
    }

    private static void requireAgencyRole(Caller caller, String action, Role... roles) {
        if (caller == null) {
            throw new AccessDeniedException("not authenticated");
        }
        if (!caller.hasAnyRole(roles)) {
            throw new AccessDeniedException("role " + java.util.Arrays.stream(roles).map(Role::id)
                    .collect(java.util.stream.Collectors.joining(" or ")) + " required to " + action);
        }
        if (!caller.hasAgency()) {
            throw new AccessDeniedException("account has no agency");
        }
    }
}
