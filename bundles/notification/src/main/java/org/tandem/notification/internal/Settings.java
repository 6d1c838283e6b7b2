package org.tandem.notification.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

/**
 * The engine's settings as plain values (from {@link NotificationConfig}, or built directly in tests).
 *
 * @param contacts per-agency contact lines ({@code contact.<agencyId>} configuration keys)
 */
public record Settings(boolean dispatcherEnabled, Duration pollInterval, int batchSize, int maxSendsPerSecond,
        int maxAttempts, Duration backoffBase, Duration backoffMax, Duration lease, Duration consentWait,
        Duration consentRecheck, Duration channelInstallGrace, Path templateDir, ZoneId defaultZone,
        String contactDefault, Map<String, String> contacts) {

    public Settings {
        contacts = Map.copyOf(contacts);
    }

    public static Settings defaults() {
        return new Settings(true, Duration.ofSeconds(1), 50, 0, 6, Duration.ofSeconds(30), Duration.ofHours(1),
                Duration.ofMinutes(2), Duration.ofMinutes(60), Duration.ofSeconds(30), Duration.ofSeconds(60), null,
                ZoneId.of("America/Chicago"), "", Map.of());
    }

    /** @param raw every configuration property, for the {@code contact.<agencyId>} entries */
    public static Settings from(NotificationConfig c, Map<String, ?> raw) {
        java.util.Map<String, String> contacts = new java.util.HashMap<>();
        if (raw != null) {
            raw.forEach((k, v) -> {
                if (k.startsWith("contact.") && v != null && !k.equals("contact.default")) {
                    contacts.put(k.substring("contact.".length()), v.toString());
                }
            });
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(c.defaultZone());
        } catch (RuntimeException e) {
            zone = ZoneId.of("UTC");
        }
        return new Settings(c.dispatcherEnabled(), Duration.ofMillis(Math.max(50, c.pollIntervalMillis())),
                Math.max(1, c.batchSize()), Math.max(0, c.maxSendsPerSecond()), Math.max(1, c.maxAttempts()),
                Duration.ofSeconds(Math.max(1, c.backoffBaseSeconds())),
                Duration.ofSeconds(Math.max(1, c.backoffMaxSeconds())), Duration.ofSeconds(Math.max(10, c.leaseSeconds())),
                Duration.ofMinutes(Math.max(0, c.consentWaitMinutes())),
                Duration.ofSeconds(Math.max(1, c.consentRecheckSeconds())),
                Duration.ofSeconds(Math.max(0, c.channelInstallGraceSeconds())), templateDir(c.templateDir()), zone,
                c.contactDefault(), contacts);
    }

    private static Path templateDir(String configured) {
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured.strip());
        }
        String etc = System.getProperty("karaf.etc");
        return etc == null ? null : Path.of(etc, "tandem", "templates");
    }

    public String contactFor(String agencyId) {
        return contacts.getOrDefault(agencyId, contactDefault == null ? "" : contactDefault);
    }

    public Settings withTemplateDir(Path dir) {
        return new Settings(dispatcherEnabled, pollInterval, batchSize, maxSendsPerSecond, maxAttempts, backoffBase,
                backoffMax, lease, consentWait, consentRecheck, channelInstallGrace, dir, defaultZone, contactDefault,
                contacts);
    }

    public Settings withRetry(int newMaxAttempts, Duration newBackoffBase, Duration newBackoffMax) {
        return new Settings(dispatcherEnabled, pollInterval, batchSize, maxSendsPerSecond, newMaxAttempts,
                newBackoffBase, newBackoffMax, lease, consentWait, consentRecheck, channelInstallGrace, templateDir,
                defaultZone, contactDefault, contacts);
    }

    public Settings withConsentWait(Duration wait, Duration recheck) {
        return new Settings(dispatcherEnabled, pollInterval, batchSize, maxSendsPerSecond, maxAttempts, backoffBase,
                backoffMax, lease, wait, recheck, channelInstallGrace, templateDir, defaultZone, contactDefault,
                contacts);
    }

    public Settings withContacts(String defaultLine, Map<String, String> perAgency) {
        return new Settings(dispatcherEnabled, pollInterval, batchSize, maxSendsPerSecond, maxAttempts, backoffBase,
                backoffMax, lease, consentWait, consentRecheck, channelInstallGrace, templateDir, defaultZone,
                defaultLine, perAgency);
    }

    /** Delay before attempt {@code failedAttempts + 1}: base, 2x base, 4x base ... capped at the maximum. */
    public Duration backoff(int failedAttempts) {
        int doublings = Math.max(0, Math.min(failedAttempts - 1, 30));
        Duration d = backoffBase.multipliedBy(1L << doublings);
        return d.compareTo(backoffMax) > 0 ? backoffMax : d;
    }
}
