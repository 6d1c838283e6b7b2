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
import org.tandem.api.cases.Person;
import org.tandem.api.cases.PersonRole;
import org.tandem.api.cases.VictimCase;
import org.tandem.api.notification.AttemptOutcome;
import org.tandem.api.notification.ManualMessage;
import org.tandem.api.notification.Notification;
import org.tandem.api.notification.NotificationAttempt;
import org.tandem.api.notification.NotificationEvents;
import org.tandem.api.notification.NotificationRepository;
import org.tandem.api.notification.NotificationService;
import org.tandem.api.notification.NotificationState;
import org.tandem.api.notification.RecipientType;

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

    public NotificationEngine(NotificationRepository repository, CaseRepository cases, EventPoster events, Clock clock) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.cases = Objects.requireNonNull(cases, "cases");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
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
        List<Notification> out = new ArrayList<>();
        for (Person person : recipients(found.get(), e.personIds())) {
            Notification n = recordFor(e, person);
            if (repository.insertIfAbsent(n)) {
                if (n.state() == NotificationState.WITHHELD) {
                    events.post(NotificationEvents.NOTIFICATION_WITHHELD, Records.eventProperties(n, n.reason()));
                }
            }
            out.add(n);
        }
        return out;
    }

    private Notification recordFor(TriggerEvent e, Person person) {
        Instant now = clock.instant();
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
