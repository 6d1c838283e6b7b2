package org.tandem.notification.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.tandem.api.Ids;
import org.tandem.api.cases.Channel;
import org.tandem.api.cases.Person;
import org.tandem.api.notification.Notification;
import org.tandem.api.notification.NotificationEvents;
import org.tandem.api.notification.NotificationState;
import org.tandem.api.notification.RecipientType;

/** Builds outbox records: the first one for an event and person, and the fallback after a permanent failure. */
final class Records {

    static final String ALTERNATE_TEMPLATE = "alternate-contact";

    private Records() {
    }

    static Notification create(TriggerEvent e, Person person, RecipientType type, Channel channel, String template,
            NotificationState state, String reason, Instant now, String fallbackOf) {
        return new Notification(Ids.newId(), Routes.key(e.eventType(), e.eventId(), person.id(), type.name(), channel),
                e.agencyId(), e.caseId(), person.id(), type, e.eventType(), e.eventId(), channel, person.language(),
                template, null, false, null, state, 0, state.pending() ? now : null, null, reason, fallbackOf,
                e.createdBy(), now, now, null, null, e.params(), List.of());
    }

    /** The record on the next channel after {@code failed}, or empty when the person has no further channel. */
    static Optional<Notification> fallback(Notification failed, Person person, Instant now) {
        Optional<Channel> next;
        if (failed.recipientType() == RecipientType.ALTERNATE_CONTACT) {
            next = AlternateContact.parse(person.contact() == null ? null : person.contact().alternateContact())
                    .after(failed.channel()).map(AlternateContact.Target::channel);
        } else {
            next = Routes.after(person, failed.channel());
        }
        return next.map(channel -> new Notification(Ids.newId(),
                Routes.key(failed.eventType(), failed.eventId(), failed.personId(), failed.recipientType().name(),
                        channel), failed.agencyId(), failed.caseId(), failed.personId(), failed.recipientType(),
                failed.eventType(), failed.eventId(), channel, person.language(), failed.template(), null, false, null,
                NotificationState.QUEUED, 0, now, null, "fallback after " + failed.channel() + " failed", failed.id(),
                failed.createdBy(), now, now, null, null, failed.params(), List.of()));
    }

    /** The record to the alternate contact when a person turned out not to be safe to contact at send time. */
    static Optional<Notification> alternateFor(Notification withheld, Person person, Instant now) {
        AlternateContact alt = AlternateContact.parse(person.contact() == null ? null : person.contact().alternateContact());
        return alt.after(null).map(t -> new Notification(Ids.newId(),
                Routes.key(withheld.eventType(), withheld.eventId(), withheld.personId(),
                        RecipientType.ALTERNATE_CONTACT.name(), t.channel()), withheld.agencyId(), withheld.caseId(),
                withheld.personId(), RecipientType.ALTERNATE_CONTACT, withheld.eventType(), withheld.eventId(),
                t.channel(), person.language(), ALTERNATE_TEMPLATE, null, false, null, NotificationState.QUEUED, 0, now,
                null, "person not safe to contact: alternate contact instead", withheld.id(), withheld.createdBy(), now,
                now, null, null, withheld.params(), List.of()));
    }

    /** The properties of the advocate-facing events (ids and a reason code, no PII). */
    static Map<String, Object> eventProperties(Notification n, String reason) {
        Map<String, Object> p = new HashMap<>();
        p.put(NotificationEvents.PROP_CASE_ID, n.caseId());
        p.put(NotificationEvents.PROP_AGENCY_ID, n.agencyId());
        p.put(NotificationEvents.PROP_PERSON_ID, n.personId());
        p.put(NotificationEvents.PROP_NOTIFICATION_ID, n.id());
        p.put(NotificationEvents.PROP_REASON, reason);
        p.put(NotificationEvents.PROP_TIMESTAMP, n.updatedAt() == null ? System.currentTimeMillis() : n.updatedAt().toEpochMilli());
        return p;
    }
}
