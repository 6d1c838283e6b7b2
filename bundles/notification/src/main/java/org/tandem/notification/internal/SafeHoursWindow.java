package org.tandem.notification.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import org.tandem.api.cases.SafeHours;

/** When a person may be contacted: inside their safe-hours window, in their own time zone. */
final class SafeHoursWindow {

    private SafeHoursWindow() {
    }

    static boolean allows(SafeHours hours, Instant at) {
        return hours == null || hours.contains(at.atZone(ZoneOffset.UTC));
    }

    /**
     * The next instant at or after {@code at} when the window is open: today's or tomorrow's opening time in the
     * person's zone (a DST gap moves it forward to the first valid local time).
     */
    static Instant nextOpening(SafeHours hours, Instant at) {
        if (allows(hours, at)) {
            return at;
        }
        ZonedDateTime local = at.atZone(hours.zone());
        LocalDate day = local.toLocalDate();
        for (int i = 0; i < 3; i++) {
            ZonedDateTime opening = ZonedDateTime.of(day.plusDays(i), hours.from(), hours.zone());
            if (!opening.toInstant().isBefore(at)) {
                return opening.toInstant();
            }
        }
        throw new IllegalStateException("no opening within 3 days for " + hours);
    }
}
