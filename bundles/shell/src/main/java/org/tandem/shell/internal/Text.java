package org.tandem.shell.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.stream.Collectors;

/** Small formatting helpers for console tables. */
final class Text {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'").withZone(ZoneOffset.UTC);

    private Text() {
    }

    static String time(Instant instant) {
        return instant == null ? "-" : UTC.format(instant);
    }

    static String or(Object value) {
        return value == null || value.toString().isEmpty() ? "-" : value.toString();
    }

    static String join(Collection<?> values) {
        return values == null || values.isEmpty() ? "-" : values.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** One line, at most {@code max} characters: console tables must not break on narratives. */
    static String cut(String value, int max) {
        if (value == null) {
            return "-";
        }
        String line = value.replaceAll("[\\r\\n\\t]+", " ");
        return line.length() <= max ? line : line.substring(0, max - 1) + "…";
    }
}
