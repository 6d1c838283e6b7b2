package org.tandem.intake.internal.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Checked intake configuration: built only from valid values. */
record IntakeSettings(int maxPageSize, boolean extensionsEnabled, Duration extensionTimeout) {

    static final int MIN_PAGE = 1;
    static final int MAX_PAGE = 1000;
    static final int MIN_TIMEOUT = 10;
    static final int MAX_TIMEOUT = 60_000;

    static final IntakeSettings DEFAULTS = new IntakeSettings(200, true, Duration.ofMillis(2000));

    /** @throws IllegalArgumentException naming every invalid property, its value and the allowed range */
    static IntakeSettings from(IntakeConfig config) {
        try {
            return check(config);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            // e.g. maxPageSize = abc: the typed configuration cannot convert the value
            throw new IllegalArgumentException("a value cannot be read: " + e.getMessage(), e);
        }
    }

    private static IntakeSettings check(IntakeConfig config) {
        List<String> problems = new ArrayList<>();
        if (config.maxPageSize() < MIN_PAGE || config.maxPageSize() > MAX_PAGE) {
            problems.add("maxPageSize=" + config.maxPageSize() + " is outside " + MIN_PAGE + ".." + MAX_PAGE);
        }
        if (config.extensionTimeoutMillis() < MIN_TIMEOUT || config.extensionTimeoutMillis() > MAX_TIMEOUT) {
            problems.add("extensionTimeoutMillis=" + config.extensionTimeoutMillis() + " is outside " + MIN_TIMEOUT
                    + ".." + MAX_TIMEOUT);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return new IntakeSettings(config.maxPageSize(), config.extensionsEnabled(),
                Duration.ofMillis(config.extensionTimeoutMillis()));
    }
}
