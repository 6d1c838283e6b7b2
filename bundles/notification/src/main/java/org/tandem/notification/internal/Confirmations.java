package org.tandem.notification.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.tandem.api.Ids;
import org.tandem.api.cases.Channel;
import org.tandem.api.cases.Person;
import org.tandem.api.notification.AttemptOutcome;
import org.tandem.api.notification.ConfirmationCode;
import org.tandem.api.notification.ConfirmationKind;
import org.tandem.api.notification.ConfirmationRepository;
import org.tandem.api.notification.ConfirmationResult;
import org.tandem.api.notification.Notice;
import org.tandem.api.notification.NoticeState;
import org.tandem.api.notification.Notification;
import org.tandem.api.notification.NotificationAttempt;
import org.tandem.api.notification.NotificationEvents;
import org.tandem.api.notification.NotificationRepository;
import org.tandem.api.notification.TaskRepository;
import org.tandem.api.notification.Urgency;

/**
 * Confirmed notifications: attaches a notice to the first message of a recipient for an event that must be
 * confirmed, hands out a way to confirm with every message (an SMS code, an e-mail link; a VOICE gateway asks for
 * the person's PIN) and checks confirmations: codes expire, are single-use and failed tries are rate-limited.
 * Reminders and escalations are the {@link ReminderScheduler}'s job.
 */
public final class Confirmations {

    static final String PARAM_NOTICE_ID = "noticeId";
    static final String PARAM_URGENCY = "urgency";
    static final String PARAM_ROUND = "round";

    private static final Pattern SMS_CODE = Pattern.compile("(?<![0-9])([0-9]{6})(?![0-9])");

    private final ConfirmationRepository repository;
    private final NotificationRepository outbox;
    private final EventPoster events;
    private final Clock clock;
    private final Escalator escalator;
    private volatile ConfirmationPolicy policy;

    public Confirmations(ConfirmationRepository repository, TaskRepository tasks, NotificationRepository outbox,
            EventPoster events, Clock clock, ConfirmationPolicy policy) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.escalator = new Escalator(Objects.requireNonNull(tasks, "tasks"), repository, outbox, events,
                this::policy);
    }

    public void configure(ConfirmationPolicy newPolicy) {
        this.policy = Objects.requireNonNull(newPolicy, "policy");
    }

    public ConfirmationPolicy policy() {
        return policy;
    }

    ConfirmationRepository repository() {
        return repository;
    }

    Escalator escalator() {
        return escalator;
    }

    /** The urgency of an event whose notices must be confirmed; empty when they need no confirmation. */
    Optional<Urgency> urgencyOf(TriggerEvent e) {
        ConfirmationPolicy p = policy;
        return p.needsConfirmation(e.eventType(), e.params()) ? Optional.of(p.urgency(e.eventType(), e.params()))
                : Optional.empty();
    }

    /**
     * The notice of a recipient for an event (created once, with {@code first} as its first message) and the first
     * message carrying it. When the notice exists (a replayed event), the record keeps the id it had then.
     */
    Notification attach(TriggerEvent e, Person person, Notification first, Urgency urgency, Instant now) {
        ConfirmationPolicy p = policy;
        String key = e.eventType() + "|" + e.eventId() + "|" + person.id() + "|" + first.recipientType();
        boolean urgent = urgency == Urgency.URGENT;
        Notice fresh = new Notice(Ids.newId(), key, e.agencyId(), e.caseId(), person.id(), first.recipientType(),
                e.eventType(), e.eventId(), urgency, NoticeState.AWAITING, first.id(), 0,
                urgent ? now.plus(p.reminderOffsets().get(0)) : null, urgent ? now.plus(p.escalateAfter()) : null,
                now.plus(p.expireAfter()), null, null, null, null, now, now);
        Notice notice = repository.insertIfAbsent(fresh) ? fresh : repository.findByKey(key).orElse(fresh);
        Map<String, String> params = new HashMap<>(first.params());
        params.put(PARAM_NOTICE_ID, notice.id());
        params.put(PARAM_URGENCY, urgency.name());
        return new Notification(notice.firstNotificationId(), first.idempotencyKey(), first.agencyId(),
                first.caseId(), first.personId(), first.recipientType(), first.eventType(), first.eventId(),
                first.channel(), first.language(), first.template(), first.templateLanguage(),
                first.languageFallback(), first.contentHash(), first.state(), first.attemptCount(),
                first.nextAttemptAt(), first.providerMessageId(), first.reason(), first.fallbackOf(),
                first.createdBy(), first.createdAt(), first.updatedAt(), first.sentAt(), first.deliveredAt(), params,
                first.history());
    }

    Optional<Notice> noticeOf(Notification n) {
        String id = n.params().get(PARAM_NOTICE_ID);
        return id == null ? Optional.empty() : repository.find(id);
    }

    static boolean urgent(Notification n) {
        return Urgency.URGENT.name().equals(n.params().get(PARAM_URGENCY));
    }

    static boolean reminder(Notification n) {
        return n.params().containsKey(PARAM_ROUND);
    }

    /** What a message tells the recipient to do to confirm. */
    record Prompt(ConfirmationKind kind, String code, String link) {
    }

    /**
     * A fresh code (SMS) or link (EMAIL) for this message, stored as a hash before the message goes out; VOICE asks
     * for the PIN chosen at registration (the gateway calls {@link #confirmByPin}); a LETTER cannot be confirmed.
     */
    Optional<Prompt> issue(Notification n, Notice notice, String address, Instant now) {
        ConfirmationPolicy p = policy;
        switch (n.channel()) {
            case SMS: {
                String code = ConfirmationSecrets.newSmsCode();
                String addressHash = ConfirmationSecrets.addressHash(address);
                repository.insertCode(new ConfirmationCode(Ids.newId(), ConfirmationSecrets.secretHash(code,
                        addressHash), ConfirmationKind.SMS_CODE, addressHash, notice.id(), n.id(), Channel.SMS, now,
                        now.plus(p.codeTtl()), null));
                return Optional.of(new Prompt(ConfirmationKind.SMS_CODE, code, null));
            }
            case EMAIL: {
                String token = ConfirmationSecrets.newLinkToken();
                repository.insertCode(new ConfirmationCode(Ids.newId(), ConfirmationSecrets.secretHash(token, null),
                        ConfirmationKind.LINK, null, notice.id(), n.id(), Channel.EMAIL, now, now.plus(p.codeTtl()),
                        null));
                return Optional.of(new Prompt(ConfirmationKind.LINK, null, p.confirmBaseUrl() + token));
            }
            case VOICE:
                return Optional.of(new Prompt(ConfirmationKind.PIN, null, null));
            default:
                return Optional.empty();
        }
    }

    // ------------------------------------------------------------------ confirming

    ConfirmationResult confirmByReply(Channel channel, String from, String text) {
        Instant now = clock.instant();
        ConfirmationPolicy p = policy;
        if (channel != Channel.SMS || from == null || from.isBlank()) {
            return ConfirmationResult.INVALID;
        }
        String addressHash = ConfirmationSecrets.addressHash(from);
        String scope = "sms:" + addressHash;
        if (repository.failuresSince(scope, now.minus(p.failureWindow())) >= p.maxFailures()) {
            return ConfirmationResult.RATE_LIMITED;
        }
        Matcher m = SMS_CODE.matcher(text == null ? "" : text);
        if (!m.find()) {
            repository.recordFailure(scope, now);
            return ConfirmationResult.INVALID;
        }
        return check(repository.findCodes(ConfirmationSecrets.secretHash(m.group(1), addressHash), addressHash),
                scope, ConfirmationKind.SMS_CODE, "SMS reply", now);
    }

    ConfirmationResult confirmByLink(String token) {
        Instant now = clock.instant();
        if (!ConfirmationSecrets.looksLikeLinkToken(token)) {
            return ConfirmationResult.INVALID;
        }
        // 120 random bits cannot be guessed: no per-sender limit needed (and none is possible for a link)
        return check(repository.findCodes(ConfirmationSecrets.secretHash(token, null), null), null,
                ConfirmationKind.LINK, "e-mail link", now);
    }

    ConfirmationResult confirmByPin(String notificationId, String pin) {
        Instant now = clock.instant();
        ConfirmationPolicy p = policy;
        Optional<Notification> n = outbox.find(notificationId);
        Optional<Notice> notice = n.flatMap(this::noticeOf);
        if (notice.isEmpty()) {
            return ConfirmationResult.INVALID;
        }
        String scope = "pin:" + notice.get().id();
        if (repository.failuresSince(scope, now.minus(p.failureWindow())) >= p.maxFailures()) {
            return ConfirmationResult.RATE_LIMITED;
        }
        Optional<String> stored = repository.pinHash(notice.get().personId());
        if (pin == null || stored.isEmpty() || !ConfirmationSecrets.pinMatches(pin, stored.get())) {
            repository.recordFailure(scope, now);
            return ConfirmationResult.INVALID;
        }
        return record(null, notice.get(), notificationId, n.get().channel() == null ? Channel.VOICE
                : n.get().channel(), ConfirmationKind.PIN, "PIN", now);
    }

    void setPin(String personId, String pin, String setBy) {
        repository.setPin(personId, ConfirmationSecrets.hashPin(pin), setBy, clock.instant());
    }

    private ConfirmationResult check(List<ConfirmationCode> codes, String scope, ConfirmationKind kind, String how,
            Instant now) {
        if (codes.isEmpty()) {
            if (scope != null) {
                repository.recordFailure(scope, now);
            }
            return ConfirmationResult.INVALID;
        }
        ConfirmationCode code = codes.stream().filter(c -> c.usedAt() == null && now.isBefore(c.expiresAt()))
                .findFirst().orElse(null);
        if (code == null) {
            if (scope != null) {
                repository.recordFailure(scope, now);
            }
            return codes.stream().anyMatch(c -> c.usedAt() != null) ? ConfirmationResult.USED
                    : ConfirmationResult.EXPIRED;
        }
        Optional<Notice> notice = repository.find(code.noticeId());
        if (notice.isEmpty()) {
            return ConfirmationResult.INVALID;
        }
        return record(code.id(), notice.get(), code.notificationId(), code.channel(), kind, how, now);
    }

    private ConfirmationResult record(String codeId, Notice notice, String notificationId, Channel channel,
            ConfirmationKind kind, String how, Instant now) {
        boolean wasConfirmed = notice.state() == NoticeState.CONFIRMED;
        NotificationAttempt entry = new NotificationAttempt(0, now, channel, AttemptOutcome.CONFIRMED, null,
                (wasConfirmed ? "confirmed again by " : "confirmed by ") + how, null);
        boolean confirmedNow = repository.confirm(codeId, notice.id(), notificationId, channel, kind, now, entry);
        if (confirmedNow) {
            Map<String, Object> props = new HashMap<>();
            props.put(NotificationEvents.PROP_CASE_ID, notice.caseId());
            props.put(NotificationEvents.PROP_AGENCY_ID, notice.agencyId());
            props.put(NotificationEvents.PROP_PERSON_ID, notice.personId());
            props.put(NotificationEvents.PROP_NOTICE_ID, notice.id());
            props.put(NotificationEvents.PROP_NOTIFICATION_ID, notificationId);
            props.put(NotificationEvents.PROP_CHANNEL, channel.name());
            props.put(NotificationEvents.PROP_TIMESTAMP, now.toEpochMilli());
            events.post(NotificationEvents.NOTIFICATION_CONFIRMED, props);
            return ConfirmationResult.CONFIRMED;
        }
        if (wasConfirmed || repository.find(notice.id()).map(Notice::state).orElse(null) == NoticeState.CONFIRMED) {
            return ConfirmationResult.ALREADY_CONFIRMED;
        }
        return ConfirmationResult.USED; // the code was used by a concurrent reply
    }
}
