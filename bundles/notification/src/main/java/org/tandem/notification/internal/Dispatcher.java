package org.tandem.notification.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.api.cases.CaseRepository;
import org.tandem.api.cases.Channel;
import org.tandem.api.cases.Person;
import org.tandem.api.cases.SafeHours;
import org.tandem.api.cases.VictimCase;
import org.tandem.api.consent.Consent;
import org.tandem.api.consent.ConsentScope;
import org.tandem.api.consent.Disclosure;
import org.tandem.api.consent.DisclosureGate;
import org.tandem.api.consent.Recipient;
import org.tandem.api.notification.AttemptOutcome;
import org.tandem.api.notification.DeliveryResult;
import org.tandem.api.notification.FollowUpTask;
import org.tandem.api.notification.Notice;
import org.tandem.api.notification.NoticeState;
import org.tandem.api.notification.Notification;
import org.tandem.api.notification.NotificationAttempt;
import org.tandem.api.notification.NotificationChannel;
import org.tandem.api.notification.NotificationEvents;
import org.tandem.api.notification.NotificationRepository;
import org.tandem.api.notification.NotificationState;
import org.tandem.api.notification.OutgoingMessage;
import org.tandem.api.notification.RecipientType;
import org.tandem.api.store.Agency;
import org.tandem.api.store.AgencyRepository;
import org.tandem.notification.internal.template.Rendered;
import org.tandem.notification.internal.template.Renderer;
import org.tandem.notification.internal.template.TemplateStore;

/**
 * Sends due outbox records. For each record it takes a lease, then checks every rule against the case as it is
 * now, in this order: the person is still on the case; an active NOTIFY consent of that person; safe to contact
 * (else the alternate contact, or nothing and the advocate is told); the channel is still theirs and has an
 * address; inside their safe hours (else it waits for the window to open); a channel service exists. Only then is
 * the message rendered (template in the person's language, English fallback recorded) and handed to the channel.
 * The outcome, a history entry and any fallback record are written in one transaction that also releases the lease.
 */
public final class Dispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final NotificationRepository repository;
    private final CaseRepository cases;
    private final AgencyRepository agencies;
    private final DisclosureGate consent;
    private final ChannelRegistry channels;
    private final EventPoster events;
    private final Clock clock;
    private volatile Settings settings;
    private volatile TemplateStore templates;
    private volatile boolean stopping;
    private volatile Confirmations confirmations;

    public Dispatcher(NotificationRepository repository, CaseRepository cases, AgencyRepository agencies,
            DisclosureGate consent, ChannelRegistry channels, EventPoster events, Clock clock, Settings settings) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.cases = Objects.requireNonNull(cases, "cases");
        this.agencies = agencies;
        this.consent = Objects.requireNonNull(consent, "consent: nothing is sent without a consent decision");
        this.channels = Objects.requireNonNull(channels, "channels");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
        configure(settings);
    }

    public void configure(Settings newSettings) {
        this.settings = Objects.requireNonNull(newSettings, "settings");
        this.templates = new TemplateStore(newSettings.templateDir());
    }

    /** Turns confirmed notifications on: codes and links in messages, reminders stopped by a confirmation. */
    public void useConfirmations(Confirmations newConfirmations) {
        this.confirmations = newConfirmations;
    }

    public Settings settings() {
        return settings;
    }

    /** Makes {@link #dispatchDue} stop after the record in hand (graceful shutdown). */
    public void stop() {
        stopping = true;
    }

    /**
     * One round: takes up to {@code batchSize} due records (and at most the rate limit's share of sends).
     *
     * @return how many records were processed
     */
    public int dispatchDue() {
        Settings s = settings;
        int allowance = s.maxSendsPerSecond() == 0 ? Integer.MAX_VALUE
                : (int) Math.max(1, s.maxSendsPerSecond() * s.pollInterval().toMillis() / 1000);
        List<Notification> due = repository.due(clock.instant(), s.batchSize());
        int processed = 0;
        int sends = 0;
        for (Notification n : due) {
            if (stopping || sends >= allowance) {
                break;
            }
            Instant now = clock.instant();
            Optional<String> token = repository.claim(n.id(), now, now.plus(s.lease()));
            if (token.isEmpty()) {
                continue; // another dispatcher has it, or it changed
            }
            try {
                if (process(n, token.get(), s)) {
                    sends++;
                }
            } catch (RuntimeException e) {
                // the lease expires and the record is tried again; nothing was marked sent
                LOG.error("Notification {} could not be processed; retried after its lease: {}", n.id(), e.toString(), e);
            }
            processed++;
        }
        return processed;
    }

    /** @return true when a channel was asked to send */
    boolean process(Notification n, String token, Settings s) {
        Instant now = clock.instant();
        Optional<VictimCase> victimCase = cases.find(n.agencyId(), n.caseId());
        if (n.recipientType() == RecipientType.STAFF) {
            return processStaff(n, token, s, victimCase, now);
        }
        Optional<Person> found = victimCase.flatMap(c -> c.persons().stream()
                .filter(p -> p.id().equals(n.personId())).findFirst());
        if (found.isEmpty()) {
            withhold(n, token, now, "the person is no longer on the case", null, true);
            return false;
        }
        Person person = found.get();
        Confirmations confirming = confirmations;
        Optional<Notice> notice = confirming == null ? Optional.empty() : confirming.noticeOf(n);
        if (notice.isPresent() && Confirmations.reminder(n) && notice.get().state() != NoticeState.AWAITING) {
            // confirmed (or expired) after this reminder was planned: it stops here, nobody needs to be told
            withhold(n, token, now, "reminder not sent: the notice is " + notice.get().state(), null, false);
            return false;
        }

        // 1. consent, asked at this moment: revocation and expiry take effect immediately
        Optional<Consent> notify;
        try {
            notify = consent.coveringConsent(person.id(), ConsentScope.NOTIFY, Recipient.ANY);
        } catch (RuntimeException e) {
            LOG.warn("Consent service failed for notification {}: {}", n.id(), e.toString());
            defer(n, token, now, now.plus(s.consentRecheck()), "consent could not be checked; retrying", false);
            return false;
        }
        if (notify.isEmpty()) {
            if (now.isBefore(n.createdAt().plus(s.consentWait()))) {
                defer(n, token, now, now.plus(s.consentRecheck()), "waiting for an active NOTIFY consent", true);
            } else {
                withhold(n, token, now, "no active NOTIFY consent", null, true);
            }
            return false;
        }

        // 2. safe to contact: otherwise only the designated alternate contact
        boolean safe = person.contact() == null || person.contact().safeToContact();
        String address;
        String recipientName;
        if (n.recipientType() == RecipientType.PERSON) {
            if (!safe) {
                Optional<Notification> alternate = Records.alternateFor(n, person, now);
                withhold(n, token, now, alternate.isPresent() ? "not safe to contact: sent to the alternate contact"
                        : "not safe to contact and no reachable alternate contact", alternate.orElse(null),
                        alternate.isEmpty());
                return false;
            }
            if (!Routes.chosen(person).contains(n.channel()) || Routes.address(person, n.channel()).isEmpty()) {
                fail(n, token, now, person, DeliveryResult.permanentFailure(n.channel()
                        + " is no longer among the person's channels or has no address"), null, s);
                return false;
            }
            address = n.channel() == Channel.LETTER ? null : Routes.address(person, n.channel()).get();
            recipientName = Routes.displayName(person);
        } else {
            AlternateContact alt = AlternateContact.parse(person.contact() == null ? null
                    : person.contact().alternateContact());
            Optional<AlternateContact.Target> target = alt.on(n.channel());
            if (target.isEmpty()) {
                withhold(n, token, now, "the alternate contact was removed or has no " + n.channel() + " address",
                        null, true);
                return false;
            }
            address = target.get().address();
            recipientName = alt.name();
        }

        // 3. safe hours, in the person's own zone (they protect the person even when the alternate is contacted);
        // an urgent notice may go out at any hour on a channel the person marked safe for urgent alerts
        SafeHours hours = person.contact() == null ? null : person.contact().safeHours();
        boolean urgentSafe = Confirmations.urgent(n) && n.recipientType() == RecipientType.PERSON
                && NotificationEngine.urgentAllowedNow(person, n.channel(), now);
        if (!urgentSafe && !SafeHoursWindow.allows(hours, now)) {
            Instant opens = SafeHoursWindow.nextOpening(hours, now);
            defer(n, token, now, opens, "outside safe hours; waits until " + LOCAL.format(opens.atZone(hours.zone()))
                    + " " + hours.zone().getId(), true);
            return false;
        }

        // 4. a channel service
        Optional<NotificationChannel> channel = channels.get(n.channel());
        if (channel.isEmpty()) {
            boolean neverInstalled = !channels.everSeen(n.channel())
                    && Duration.between(channels.since(), now).compareTo(s.channelInstallGrace()) >= 0;
            fail(n, token, now, person, neverInstalled
                    ? DeliveryResult.permanentFailure("no " + n.channel() + " channel is installed")
                    : DeliveryResult.transientFailure("the " + n.channel() + " channel is not available right now"),
                    null, s);
            return false;
        }

        // 5. the disclosure itself, decided and audited by the gate now (between the check above and here a
        // revocation may have landed); nothing is sent when it refuses or cannot write the audit trail
        Optional<Consent> disclosed;
        try {
            disclosed = consent.disclose(new Disclosure(n.caseId(), victimCase.get().agencyId(), person.id(),
                    ConsentScope.NOTIFY, Recipient.ANY,
                    "notification " + n.eventType() + " by " + n.channel()
                            + (n.recipientType() == RecipientType.PERSON ? "" : " to the alternate contact"),
                    "notification-dispatcher", victimCase.get().agencyId()));
        } catch (RuntimeException e) {
            LOG.warn("Disclosure gate failed for notification {}: {}", n.id(), e.toString());
            defer(n, token, now, now.plus(s.consentRecheck()), "consent could not be checked; retrying", false);
            return false;
        }
        if (disclosed.isEmpty()) {
            withhold(n, token, now, "no active NOTIFY consent", null, true);
            return false;
        }

        // 6. render in the person's language, then send
        Optional<TemplateStore.Found> template = templates.find(n.template(), person.language());
        if (template.isEmpty()) {
            fail(n, token, now, person, DeliveryResult.transientFailure("template " + n.template() + " not found"),
                    null, s);
            return false;
        }
        VictimCase c = victimCase.get();
        String agencyName = agencies == null ? c.agencyId()
                : agencies.find(c.agencyId()).map(Agency::name).orElse(c.agencyId());
        ZoneId zone = s.defaultZone();
        Map<String, String> model = MessageModel.build(c, person, n.params(), agencyName,
                s.contactFor(c.agencyId()), zone, template.get().template().language());
        Rendered r = Renderer.render(template.get(), model);
        if (notice.isPresent()) {
            Optional<Confirmations.Prompt> prompt = confirming.issue(n, notice.get(),
                    address, now);
            if (prompt.isPresent()) {
                r = withPrompt(r, prompt.get(), model, person.language());
            }
        }
        OutgoingMessage message = new OutgoingMessage(n.id(), n.channel(), address, recipientName, r.language(),
                r.subject(), r.text(), r.html(), r.shortText(),
                person.contact() == null || !person.contact().noVoicemail(), c.id(), person.id());
        Notification rendered = n.withContent(r.language(), r.fallback(), r.contentHash());
        DeliveryResult result;
        try {
            result = channel.get().send(message);
            if (result == null) {
                result = DeliveryResult.transientFailure("channel returned no result");
            }
        } catch (RuntimeException e) {
            LOG.warn("Channel {} failed on notification {}", n.channel(), n.id(), e);
            result = DeliveryResult.transientFailure("channel error: " + e.getClass().getSimpleName());
        }
        String fallbackNote = r.fallback() ? "template language " + r.language() + " (fallback from "
                + person.language() + ")" : null;
        if (result.succeeded()) {
            boolean delivered = result.outcome() == AttemptOutcome.DELIVERED;
            Notification sent = rendered.withState(delivered ? NotificationState.DELIVERED : NotificationState.SENT,
                    null, null, now).withAttempt(n.attemptCount() + 1, result.providerMessageId(), now,
                    delivered ? now : null);
            repository.complete(token, sent, new NotificationAttempt(0, now, n.channel(), result.outcome(),
                    result.providerMessageId(), join(result.detail(), fallbackNote), r.contentHash()), null);
        } else {
            fail(rendered, token, now, person, result, r.contentHash(), s);
        }
        return true;
    }

    /** Appends how to confirm (the {@code confirm-sms|email|voice} template in the person's language). */
    private Rendered withPrompt(Rendered r, Confirmations.Prompt prompt, Map<String, String> model, String language) {
        String id = switch (prompt.kind()) {
            case SMS_CODE -> "confirm-sms";
            case LINK -> "confirm-email";
            case PIN -> "confirm-voice";
        };
        Optional<TemplateStore.Found> footer = templates.find(id, language);
        if (footer.isEmpty()) {
            return r;
        }
        Map<String, String> withCode = new HashMap<>(model);
        if (prompt.code() != null) {
            withCode.put("confirm.code", prompt.code());
        }
        if (prompt.link() != null) {
            withCode.put("confirm.link", prompt.link());
        }
        Rendered f = Renderer.render(footer.get(), withCode);
        String text = r.text().stripTrailing() + "\n\n" + f.text().strip() + "\n";
        String html = r.html() == null ? null : r.html() + "\n" + (f.html() != null ? f.html() : "<p>" + f.text() + "</p>");
        String shortText = (r.shortText() == null || r.shortText().isBlank() ? r.text() : r.shortText()).strip()
                + " " + (f.shortText() != null ? f.shortText() : f.text()).strip();
        // the evidence hash covers what was sent except the secret itself, so it stays comparable across attempts
        return new Rendered(r.subject(), text, html, shortText, r.language(), r.fallback(), r.contentHash());
    }

    /** An e-mail to a member of staff about a follow-up task: no consent or safe-hours rules, no victim details. */
    private boolean processStaff(Notification n, String token, Settings s, Optional<VictimCase> victimCase,
            Instant now) {
        String address = n.params().get(Escalator.PARAM_STAFF_EMAIL);
        Optional<NotificationChannel> channel = channels.get(Channel.EMAIL);
        Optional<TemplateStore.Found> template = templates.find(n.template(), n.language());
        if (address == null || template.isEmpty()) {
            withhold(n, token, now, address == null ? "no staff e-mail address" : "template " + n.template()
                    + " not found", null, false);
            return false;
        }
        if (channel.isEmpty()) {
            fail(n, token, now, null, DeliveryResult.transientFailure("the EMAIL channel is not available right now"),
                    null, s);
            return false;
        }
        Map<String, String> model = new HashMap<>(n.params());
        model.remove(Escalator.PARAM_STAFF_EMAIL);
        model.put("case.id", n.caseId());
        model.put("case.reference", victimCase.map(c -> c.incident() != null && c.incident().number() != null
                ? c.incident().number() : c.id()).orElse(n.caseId()));
        Rendered r = Renderer.render(template.get(), model);
        OutgoingMessage message = new OutgoingMessage(n.id(), Channel.EMAIL, address, null, r.language(), r.subject(),
                r.text(), r.html(), r.shortText(), true, n.caseId(), n.personId());
        DeliveryResult result;
        try {
            result = channel.get().send(message);
        } catch (RuntimeException e) {
            result = DeliveryResult.transientFailure("channel error: " + e.getClass().getSimpleName());
        }
        if (result != null && result.succeeded()) {
            Notification sent = n.withContent(r.language(), r.fallback(), r.contentHash())
                    .withState(NotificationState.SENT, null, null, now)
                    .withAttempt(n.attemptCount() + 1, result.providerMessageId(), now, null);
            repository.complete(token, sent, new NotificationAttempt(0, now, Channel.EMAIL, result.outcome(),
                    result.providerMessageId(), result.detail(), r.contentHash()), null);
        } else {
            fail(n, token, now, null, result == null ? DeliveryResult.transientFailure("channel returned no result")
                    : result, r.contentHash(), s);
        }
        return true;
    }

    private void fail(Notification n, String token, Instant now, Person person, DeliveryResult result, String hash,
            Settings s) {
        int attempts = n.attemptCount() + 1;
        boolean permanent = result.outcome() == AttemptOutcome.PERMANENT_FAILURE;
        NotificationAttempt entry = new NotificationAttempt(0, now, n.channel(), result.outcome(),
                result.providerMessageId(), result.detail(), hash);
        if (!permanent && attempts < s.maxAttempts()) {
            Notification retry = n.withState(NotificationState.FAILED, result.detail(), now.plus(s.backoff(attempts)), now)
                    .withAttempt(attempts, n.providerMessageId(), n.sentAt(), n.deliveredAt());
            repository.complete(token, retry, entry, null);
            return;
        }
        String reason = permanent ? "permanent failure: " + result.detail()
                : "gave up after " + attempts + " attempts: " + result.detail();
        Optional<Notification> next = person == null ? Optional.empty() : Records.fallback(n, person, now);
        Notification dead = n.withState(NotificationState.DEAD, reason + next.map(f -> "; trying " + f.channel())
                .orElse("; no further channel"), null, now)
                .withAttempt(attempts, n.providerMessageId(), n.sentAt(), n.deliveredAt());
        if (repository.complete(token, dead, entry, next.orElse(null)) && next.isEmpty()) {
            events.post(NotificationEvents.NOTIFICATION_DEAD, Records.eventProperties(dead, reason));
            undeliverable(dead, reason, now);
        }
    }

    private void defer(Notification n, String token, Instant now, Instant until, String reason, boolean record) {
        boolean changed = !reason.equals(n.reason());
        Notification waiting = n.withState(n.state(), reason, until, now);
        NotificationAttempt entry = record && changed ? new NotificationAttempt(0, now, n.channel(),
                AttemptOutcome.DEFERRED, null, reason, null) : null;
        repository.complete(token, waiting, entry, null);
    }

    private void withhold(Notification n, String token, Instant now, String reason, Notification followUp,
            boolean tellAdvocate) {
        Notification withheld = n.withState(NotificationState.WITHHELD, reason, null, now);
        if (repository.complete(token, withheld, new NotificationAttempt(0, now, n.channel(), AttemptOutcome.WITHHELD,
                null, reason, null), followUp) && tellAdvocate) {
            events.post(NotificationEvents.NOTIFICATION_WITHHELD, Records.eventProperties(withheld, reason));
            if (followUp == null) {
                undeliverable(withheld, reason, now);
            }
        }
    }

    /**
     * An urgent notice's first message (not a reminder) that ended with no further channel: nothing automatic can
     * reach the person, so the advocate gets a task at once.
     */
    private void undeliverable(Notification n, String reason, Instant now) {
        Confirmations confirming = confirmations;
        if (confirming == null || !Confirmations.urgent(n) || Confirmations.reminder(n)) {
            return;
        }
        confirming.noticeOf(n).filter(x -> x.state() == NoticeState.AWAITING).ifPresent(notice -> confirming
                .escalator().escalate(notice, FollowUpTask.Kind.UNDELIVERABLE, reason, now));
    }

    private static String join(String a, String b) {
        if (a == null || a.isBlank()) {
            return b;
        }
        return b == null ? a : a + "; " + b;
    }
}
