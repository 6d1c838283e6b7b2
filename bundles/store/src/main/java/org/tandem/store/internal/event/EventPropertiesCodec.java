package org.tandem.store.internal.event;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Event properties as text, one {@code key=T:value} line each (T: S string, L long, I int, B boolean, A string
 * array with comma-separated items); keys and values percent-encoded, so any text survives. Portable to every
 * database as a plain VARCHAR, and readable in a SQL console.
 */
final class EventPropertiesCodec {

    /** The column's size. */
    static final int MAX_LENGTH = 4000;

    private EventPropertiesCodec() {
    }

    /** @throws IllegalArgumentException for a value of an unsupported type or properties too large to journal */
    static String encode(Map<String, ?> properties) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, ?> e : new TreeMap<>(properties).entrySet()) {
            Object v = e.getValue();
            if (v == null) {
                continue;
            }
            out.append(enc(e.getKey())).append('=');
            if (v instanceof String s) {
                out.append("S:").append(enc(s));
            } else if (v instanceof Long l) {
                out.append("L:").append(l);
            } else if (v instanceof Integer i) {
                out.append("I:").append(i);
            } else if (v instanceof Boolean b) {
                out.append("B:").append(b);
            } else if (v instanceof String[] array) {
                out.append("A:");
                for (int i = 0; i < array.length; i++) {
                    out.append(i == 0 ? "" : ",").append(enc(array[i]));
                }
            } else {
                throw new IllegalArgumentException("Event property " + e.getKey() + " has type "
                        + v.getClass().getName() + "; journaled events carry String, Long, Integer, Boolean, String[]");
            }
            out.append('\n');
        }
        if (out.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("Event properties too large to journal (" + out.length() + " > "
                    + MAX_LENGTH + " characters): events carry ids, not documents");
        }
        return out.toString();
    }

    static Map<String, Object> decode(String text) {
        Map<String, Object> out = new HashMap<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            int eq = line.indexOf('=');
            String key = dec(line.substring(0, eq));
            char type = line.charAt(eq + 1);
            String raw = line.substring(eq + 3);
            out.put(key, switch (type) {
                case 'S' -> dec(raw);
                case 'L' -> Long.parseLong(raw);
                case 'I' -> Integer.parseInt(raw);
                case 'B' -> Boolean.parseBoolean(raw);
                case 'A' -> array(raw);
                default -> throw new IllegalStateException("Unknown journaled property type " + type);
            });
        }
        return out;
    }

    private static String[] array(String raw) {
        if (raw.isEmpty()) {
            return new String[0];
        }
        List<String> items = new ArrayList<>();
        Arrays.stream(raw.split(",", -1)).forEach(s -> items.add(dec(s)));
        return items.toArray(String[]::new);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String dec(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
