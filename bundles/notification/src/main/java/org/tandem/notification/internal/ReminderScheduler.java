package org.tandem.notification.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.api.Ids;
import org.tandem.api.cases.CaseRepository;
import org.tandem.api.cases.Channel;
import org.tandem.api.cases.Person;
import org.tandem.api.cases.SafeHours;
import org.tandem.api.notification.ConfirmationRepository;
import org.tandem.api.notification.FollowUpTask;
import org.tandem.api.notification.Notice;
import org.tandem.api.notification.Notification;
import org.tandem.api.notification.NotificationRepository;
import org.tandem.api.notification.NotificationState;
import org.tandem.api.notification.RecipientType;
import org.tandem.api.notification.Urgency;

/**
 * Reminds and escalates unconfirmed urgent notices. Every round plans one reminder on the next of the recipient's
 * channels in their order (outside safe hours only the channels marked safe for urgent alerts; none: that round is
 * skipped), as an ordinary outbox record the dispatcher sends with every rule checked again, and stops at the first
 * confirmation. An urgent notice not confirmed after {@code escalateAfter} becomes a task for the advocate; at the
 * end of the schedule a notice expires. Notices are claimed with a lease, so with several nodes a round is planned
 * once.
 */
final class ReminderScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(ReminderScheduler.class);
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final int BATCH = 50;

    private final Confirmations confirmations;
    private final ConfirmationRepository repository;
    private final NotificationRepository outbox;
    private final CaseRepository cases;

    ReminderScheduler(Confirmations confirmations, NotificationRepository outbox, CaseRepository cases) {
        this.confirmations = confirmations;
        this.repository = confirmations.repository();
        this.outbox = outbox;
        this.cases = cases;
    }

    /** @return notices handled */
    int runDue(Instant now) {
        int handled = 0;
        for (Notice n : repository.dueRounds(now, BATCH)) {
            try {
                planRound(n, now);
                handled++;
            } catch (RuntimeException e) {
                LOG.error("Reminder for notice {} could not be planned; retried after the lease: {}", n.id(),
                        e.toString(), e);
            }
        }
        for (Notice n : repository.dueEscalations(now, BATCH)) {
            try {
                escalateOrExpire(n, now);
                handled++;
            } catch (RuntimeException e) {
                LOG.error("Notice {} could not be escalated; retried next round: {}", n.id(), e.toString(), e);
            }
        }
        return handled;
    }

    private void planRound(Notice notice, Instant now) {
        Optional<String> token = repository.claim(notice.id(), now, now.plus(LEASE));
        if (token.isEmpty()) {
            return;
        }
        List<Duration> offsets = confirmations.policy().reminderOffsets();
        int round = notice.rounds() + 1;
        // offsets[round - 1] is this round; the last offset is the expiry, when no reminder goes out
        Instant next = round < offsets.size() - 1 ? notice.createdAt().plus(offsets.get(round)) : null;
        Notification reminder = reminder(notice, round, now).orElse(null);
        repository.completeRound(token.get(), notice.withRound(round, next, now), reminder);
    }

    private Optional<Notification> reminder(Notice notice, int round, Instant now) {
        Optional<Notification> first = outbox.find(notice.firstNotificationId());
        Optional<Person> person = cases.find(notice.agencyId(), notice.caseId()).flatMap(c -> c.persons().stream()
                .filter(p -> p.id().equals(notice.personId())).findFirst());
        if (first.isEmpty() || person.isEmpty()) {
            return Optional.empty();
        }
        List<Channel> candidates = candidates(notice, person.get(), now);
        if (candidates.isEmpty()) {
            LOG.info("Notice {}: no channel allowed now for reminder {}; skipped", notice.id(), round);
            return Optional.empty();
        }
        Channel channel = candidates.get(round % candidates.size());
        Notification f = first.get();
        Map<String, String> params = new HashMap<>(f.params());
        params.put(Confirmations.PARAM_ROUND, Integer.toString(round));
        return Optional.of(new Notification(Ids.newId(), Routes.key(f.eventType(), f.eventId(), f.personId(),
                f.recipientType().name(), channel) + "|R" + round, f.agencyId(), f.caseId(), f.personId(),
                f.recipientType(), f.eventType(), f.eventId(), channel, person.get().language(), f.template(), null,
                false, null, NotificationState.QUEUED, 0, now, null, "reminder " + round + ": not confirmed yet",
                f.id(), "system", now, now, null, null, params, List.of()));
    }

    /** The recipient's usable channels in their order; outside safe hours, only those safe for urgent alerts. */
    private static List<Channel> candidates(Notice notice, Person person, Instant now) {
        List<Channel> out = new ArrayList<>();
        if (notice.recipientType() == RecipientType.ALTERNATE_CONTACT) {
            AlternateContact.parse(person.contact() == null ? null : person.contact().alternateContact()).targets()
                    .forEach(t -> out.add(t.channel()));
        } else {
            if (person.contact() != null && !person.contact().safeToContact()) {
                return List.of();
            }
            Routes.chosen(person).stream().filter(ch -> Routes.address(person, ch).isPresent()).forEach(out::add);
        }
        SafeHours hours = person.contact() == null ? null : person.contact().safeHours();
        if (!SafeHoursWindow.allows(hours, now)) {
            if (notice.urgency() != Urgency.URGENT || notice.recipientType() != RecipientType.PERSON) {
                return List.of();
            }
            out.retainAll(person.contact().urgentChannels());
        }
        return out;
    }

    private void escalateOrExpire(Notice notice, Instant now) {
        boolean expired = !now.isBefore(notice.expiresAt());
        boolean overdue = notice.urgency() == Urgency.URGENT && notice.escalateAt() != null
                && !now.isBefore(notice.escalateAt()) && notice.escalatedAt() == null;
        if (overdue && repository.markEscalated(notice.id(), now, expired, null)) {
            confirmations.escalator().escalate(notice, FollowUpTask.Kind.UNCONFIRMED_URGENT,
                    "not confirmed within " + confirmations.policy().escalateAfter().toMinutes() + " minutes", now);
        } else if (expired) {
            repository.expire(notice.id(), now);
        }
    }
}
