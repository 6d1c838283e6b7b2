package org.tandem.notification.internal;

import java.util.List;
import java.util.Optional;

import org.tandem.api.cases.Channel;
import org.tandem.api.cases.ContactPreferences;
import org.tandem.api.cases.Person;

/** Which of a person's chosen channels can reach them, in their order. */
final class Routes {

    private Routes() {
    }

    /** The address for a channel, or empty when the person has none for it (LETTER needs none: mail room). */
    static Optional<String> address(Person person, Channel channel) {
        ContactPreferences c = person.contact() == null ? ContactPreferences.none() : person.contact();
        String value = switch (channel) {
            case EMAIL -> c.email();
            case SMS, VOICE -> c.phone();
            case LETTER -> "";
        };
        return value == null || (channel != Channel.LETTER && value.isBlank()) ? Optional.empty() : Optional.of(value);
    }

    static List<Channel> chosen(Person person) {
        return person.contact() == null ? List.of() : person.contact().channels();
    }

    static Optional<Channel> first(Person person) {
        return chosen(person).stream().filter(ch -> address(person, ch).isPresent()).findFirst();
    }

    /**
     * The person's next usable channel after {@code current} in their order; when {@code current} is no longer one of
     * their channels, their first usable channel other than it.
     */
    static Optional<Channel> after(Person person, Channel current) {
        List<Channel> order = chosen(person);
        int index = order.indexOf(current);
        for (int i = index + 1; i < order.size(); i++) {
            if (address(person, order.get(i)).isPresent() && order.get(i) != current) {
                return Optional.of(order.get(i));
            }
        }
        return Optional.empty();
    }

    static String key(String eventType, String eventId, String personId, String recipientType, Channel channel) {
        return eventType + "|" + eventId + "|" + personId + "|" + recipientType + "|"
                + (channel == null ? "NONE" : channel.name());
    }

    static String displayName(Person person) {
        return person.familyName() == null || person.familyName().isBlank() ? person.givenName()
                : person.givenName() + " " + person.familyName();
    }
}
