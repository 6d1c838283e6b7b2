package org.tandem.referral.internal.referral;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.tandem.api.referral.Referral;
import org.tandem.api.referral.ReferralStatus;

/**
 * When a SENT referral becomes overdue: {@code days} business days (Monday to Friday, in the agencies' time zone)
 * after it was sent, at the same local time. Each day stepped over counts only when it lands on a weekday, so a
 * referral sent on Friday 10:00 with 1 business day is due Monday 10:00, and one sent on Saturday is due on
 * Monday too. Public holidays are not known to the platform.
 */
public final class BusinessDays {

    private final int days;
    private final ZoneId zone;

    public BusinessDays(int days, ZoneId zone) {
        if (days < 0) {
            throw new IllegalArgumentException("business days must not be negative: " + days);
        }
        this.days = days;
        this.zone = zone;
    }

    public int days() {
        return days;
    }

    public Instant deadline(Instant sentAt) {
        ZonedDateTime t = sentAt.atZone(zone);
        int counted = 0;
        while (counted < days) {
            t = t.plusDays(1);
            if (t.getDayOfWeek() != DayOfWeek.SATURDAY && t.getDayOfWeek() != DayOfWeek.SUNDAY) {
                counted++;
            }
        }
        return t.toInstant();
    }

    public boolean overdue(Referral r, Instant now) {
        return r.status() == ReferralStatus.SENT && r.sentAt() != null && now.isAfter(deadline(r.sentAt()));
    }

    /**
     * Every overdue referral was sent before this instant ({@code days} business days span at least {@code days}
     * calendar days; two hours of slack cover daylight-saving shifts), so a store query with it returns a superset
     * to filter with {@link #overdue}.
     */
    public Instant candidatesSentBefore(Instant now) {
        return now.atZone(zone).minusDays(days).toInstant().plusSeconds(7200);
    }
}
