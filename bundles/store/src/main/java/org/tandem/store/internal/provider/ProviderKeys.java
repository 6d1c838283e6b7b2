package org.tandem.store.internal.provider;

import java.util.Locale;
import java.util.regex.Pattern;

/** The normalised forms the directory is searched by, computed the same way when storing and when searching. */
final class ProviderKeys {

    static final Pattern ZIP = Pattern.compile("\\d{5}");
    private static final String COUNTY_SUFFIX = " county";

    private ProviderKeys() {
    }

    /** "Sangamon County", "sangamon", " SANGAMON " -> "sangamon". */
    static String countyKey(String county) {
        String key = county.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (key.endsWith(COUNTY_SUFFIX) && key.length() > COUNTY_SUFFIX.length()) {
            key = key.substring(0, key.length() - COUNTY_SUFFIX.length()).strip();
        }
        return key;
    }

    /** "es-MX" -> "es", "ZH-Hant" -> "zh": languages match on their primary subtag. */
    static String primaryTag(String language) {
        String lower = language.strip().toLowerCase(Locale.ROOT);
        int dash = lower.indexOf('-');
        return dash < 0 ? lower : lower.substring(0, dash);
    }

    /** A LIKE pattern matching {@code text} anywhere, case-insensitively, with '!' as the escape character. */
    static String containsPattern(String text) {
        String lower = text.strip().toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder("%");
        for (char ch : lower.toCharArray()) {
            if (ch == '%' || ch == '_' || ch == '!') {
                out.append('!');
            }
            out.append(ch);
        }
        return out.append('%').toString();
    }
}
