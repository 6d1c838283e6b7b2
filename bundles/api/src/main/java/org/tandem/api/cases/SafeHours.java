package org.tandem.api.cases;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The daily window in which a person may be contacted, in their own time zone. A window whose
 * {@code to} is before {@code from} spans midnight.
 */
public record SafeHours(LocalTime from, LocalTime to, ZoneId zone) {

    public boolean contains(ZonedDateTime instant) {
        LocalTime local = instant.withZoneSameInstant(zone).toLocalTime();
        if (!from.isAfter(to)) {
            return !local.isBefore(from) && local.isBefore(to);
        }
        return !local.isBefore(from) || local.isBefore(to);
    }
}
