package org.tandem.reports.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A federal reporting quarter by calendar quarter ({@code 2026Q4} = October to December 2026), in UTC. */
public record Quarter(int year, int quarter) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})Q([1-4])");

    public Quarter {
        if (year < 2000 || year > 2100 || quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("quarter must look like 2026Q4");
        }
    }

    /** @throws IllegalArgumentException unless the text looks like {@code 2026Q4} */
    public static Quarter parse(String text) {
        Matcher m = text == null ? null : FORMAT.matcher(text.strip());
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("quarter must look like 2026Q4");
        }
        return new Quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    public Instant start() {
        return LocalDate.of(year, (quarter - 1) * 3 + 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Exclusive. */
    public Instant end() {
        return LocalDate.of(year, (quarter - 1) * 3 + 1, 1).plusMonths(3).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public boolean contains(Instant t) {
        return t != null && !t.isBefore(start()) && t.isBefore(end());
    }

    @Override
    public String toString() {
        return year + "Q" + quarter;
    }
}
