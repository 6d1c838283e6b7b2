package org.tandem.notification.internal;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tandem.api.notification.NotificationEvents;
import org.tandem.api.notification.Urgency;

/**
 * Which notices must be confirmed, which are urgent, when reminders go out and when a person takes over. Built from
 * {@link NotificationConfig} (or directly in tests).
 *
 * @param reminderOffsets times after the first message at which reminders are due, ascending; the last one is when
 *        the notice expires (no reminder is sent then)
 * @param defaultAdvocates per agency, the user escalations go to when a case has no advocate
 *        ({@code defaultAdvocate.<agencyId>})
 * @param staffEmails per user, where escalation e-mails go ({@code staffEmail.<user>})
 */
public record ConfirmationPolicy(Set<String> confirmEvents, Set<String> urgentEvents, List<Duration> reminderOffsets,
        Duration escalateAfter, Duration codeTtl, int maxFailures, Duration failureWindow, String confirmBaseUrl,
        Map<String, String> defaultAdvocates, Map<String, String> staffEmails) {

    public ConfirmationPolicy {
        confirmEvents = Set.copyOf(confirmEvents);
        urgentEvents = Set.copyOf(urgentEvents);
        reminderOffsets = List.copyOf(reminderOffsets);
        defaultAdvocates = Map.copyOf(defaultAdvocates);
        staffEmails = Map.copyOf(staffEmails);
        if (reminderOffsets.isEmpty()) {
            throw new IllegalArgumentException("the reminder schedule needs at least one interval");
        }
    }

    public static ConfirmationPolicy defaults() {
        return new ConfirmationPolicy(Set.of("CUSTODY_STATUS_CHANGED:RELEASED", "CUSTODY_STATUS_CHANGED:ESCAPED",
                "CUSTODY_STATUS_CHANGED:TRANSFERRED", "PROTECTIVE_ORDER_CHANGED", "COURT_EVENT_SCHEDULED"),
                Set.of("CUSTODY_STATUS_CHANGED:RELEASED", "CUSTODY_STATUS_CHANGED:ESCAPED"),
                schedule("PT30M*4, PT2H*11"), Duration.ofHours(2), Duration.ofHours(24), 5, Duration.ofMinutes(15),
                "http://localhost:8181/tandem/confirm/", Map.of(), Map.of());
    }

    /** An invalid schedule or base URL throws IllegalArgumentException (the caller keeps what is in force). */
    public static ConfirmationPolicy from(NotificationConfig c, Map<String, ?> raw) {
        return new ConfirmationPolicy(entries(c.confirmEvents()), entries(c.urgentEvents()),
                schedule(c.reminderSchedule()), positive("escalateAfter", c.escalateAfter()),
                Duration.ofMinutes(Math.max(1, c.codeTtlMinutes())), Math.max(1, c.maxFailedConfirmations()),
                Duration.ofMinutes(Math.max(1, c.failureWindowMinutes())), baseUrl(c.confirmBaseUrl()),
                prefixed(raw, "defaultAdvocate."), prefixed(raw, "staffEmail."));
    }

    /** A .cfg file gives one comma-separated string where the type says String[]: split either way. */
    static Set<String> entries(String[] values) {
        java.util.Set<String> out = new java.util.HashSet<>();
        if (values != null) {
            for (String v : values) {
                for (String part : v.split(",")) {
                    if (!part.isBlank()) {
                        out.add(part.strip());
                    }
                }
            }
        }
        return out;
    }

    /** "PT30M*4, PT2H*11" → 30m, 1h, 1h30, 2h, 4h, ... 24h (cumulative). */
    static List<Duration> schedule(String spec) {
        List<Duration> offsets = new ArrayList<>();
        Duration at = Duration.ZERO;
        for (String part : spec.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            String[] intervalAndCount = p.split("\\*");
            try {
                Duration interval = Duration.parse(intervalAndCount[0].strip());
                int count = intervalAndCount.length > 1 ? Integer.parseInt(intervalAndCount[1].strip()) : 1;
                if (interval.isNegative() || interval.isZero() || count < 1 || count > 1000) {
                    throw new IllegalArgumentException("reminderSchedule: " + p + " needs a positive interval and count");
                }
                for (int i = 0; i < count; i++) {
                    at = at.plus(interval);
                    offsets.add(at);
                }
            } catch (DateTimeParseException | NumberFormatException e) {
                throw new IllegalArgumentException("reminderSchedule: " + p + " is not ISO-8601-interval*count");
            }
        }
        return offsets;
    }

    private static Duration positive(String name, String value) {
        try {
            Duration d = Duration.parse(value.strip());
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
            return d;
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException(name + ": " + value + " is not an ISO-8601 duration such as PT2H");
        }
    }

    private static String baseUrl(String url) {
        String u = url == null ? "" : url.strip();
        if (!u.startsWith("https://") && !u.startsWith("http://")) {
            throw new IllegalArgumentException("confirmBaseUrl must be an http(s) URL");
        }
        return u.endsWith("/") ? u : u + "/";
    }

    private static Map<String, String> prefixed(Map<String, ?> raw, String prefix) {
        Map<String, String> out = new HashMap<>();
        if (raw != null) {
            raw.forEach((k, v) -> {
                if (k.startsWith(prefix) && v != null && !v.toString().isBlank()) {
                    out.put(k.substring(prefix.length()), v.toString().strip());
                }
            });
        }
        return out;
    }

    public boolean needsConfirmation(String eventType, Map<String, String> params) {
        return matches(confirmEvents, eventType, params);
    }

    public Urgency urgency(String eventType, Map<String, String> params) {
        return matches(urgentEvents, eventType, params) ? Urgency.URGENT : Urgency.ROUTINE;
    }

    /** When reminders end: the last offset of the schedule. */
    public Duration expireAfter() {
        return reminderOffsets.get(reminderOffsets.size() - 1);
    }

    private static boolean matches(Set<String> entries, String eventType, Map<String, String> params) {
        if (entries.contains(eventType)) {
            return true;
        }
        String status = params.get(NotificationEvents.PROP_CUSTODY_STATUS);
        if (status == null) {
            status = params.get(NotificationEvents.PROP_ORDER_STATUS);
        }
        return status != null && entries.contains(eventType + ":" + status);
    }

    public ConfirmationPolicy withTimes(List<Duration> offsets, Duration newEscalateAfter) {
        return new ConfirmationPolicy(confirmEvents, urgentEvents, offsets, newEscalateAfter, codeTtl, maxFailures,
                failureWindow, confirmBaseUrl, defaultAdvocates, staffEmails);
    }

    public ConfirmationPolicy withStaff(Map<String, String> advocates, Map<String, String> emails) {
        return new ConfirmationPolicy(confirmEvents, urgentEvents, reminderOffsets, escalateAfter, codeTtl,
                maxFailures, failureWindow, confirmBaseUrl, advocates, emails);
    }
}
