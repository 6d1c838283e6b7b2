package org.tandem.notification.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.tandem.api.cases.Person;
import org.tandem.api.cases.VictimCase;
import org.tandem.api.notification.NotificationEvents;

/** The values a template can use, built at send time from the current case and person. */
final class MessageModel {

    private MessageModel() {
    }

    static Map<String, String> build(VictimCase victimCase, Person person, Map<String, String> params,
            String agencyName, String contact, ZoneId defaultZone, String language) {
        Map<String, String> model = new HashMap<>(params);
        model.put("person.givenName", person.givenName());
        model.put("person.familyName", person.familyName() == null ? "" : person.familyName());
        model.put("person.name", Routes.displayName(person));
        model.put("case.id", victimCase.id());
        model.put("case.reference", victimCase.incident() != null && victimCase.incident().number() != null
                ? victimCase.incident().number() : victimCase.id());
        model.put("agency.name", agencyName);
        model.put("agency.contact", contact);
        ZoneId zone = person.contact() != null && person.contact().safeHours() != null
                ? person.contact().safeHours().zone() : defaultZone;
        String scheduledAt = params.get(NotificationEvents.PROP_SCHEDULED_AT);
        if (scheduledAt != null) {
            model.put("scheduledAt.local", localDateTime(scheduledAt, zone, language));
        }
        return model;
    }

    /** "Tuesday, December 15, 2026, 9:30 AM (America/Chicago)" in the template's language; the raw value if unparseable. */
    static String localDateTime(String instant, ZoneId zone, String language) {
        try {
            Instant at = Instant.parse(instant);
            DateTimeFormatter f = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT)
                    .withLocale(Locale.forLanguageTag(language));
            return f.format(at.atZone(zone)) + " (" + zone.getId() + ")";
        } catch (DateTimeException e) {
            return instant;
        }
    }
}
