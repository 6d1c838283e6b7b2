package org.tandem.camel.component.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.tandem.api.TandemTopics;
import org.tandem.api.notification.NotificationEvents;

/**
 * The platform event types {@code tandem:events?types=...} accepts and their EventAdmin topics. Topics come from the API
 * ({@link TandemTopics}, {@link NotificationEvents}); {@code topics=} takes raw {@code org/tandem/} topics.
 */
public final class EventTypes {

    private static final Map<String, String> TOPICS;

    static {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("CASE_OPENED", TandemTopics.CASE_OPENED);
        m.put("CASE_UPDATED", TandemTopics.CASE_UPDATED);
        m.put("CASE_CLOSED", TandemTopics.CASE_CLOSED);
        m.put("CUSTODY_STATUS_CHANGED", NotificationEvents.CUSTODY_STATUS_CHANGED);
        m.put("COURT_EVENT_SCHEDULED", NotificationEvents.COURT_EVENT_SCHEDULED);
        m.put("REFERRAL_STATUS_CHANGED", NotificationEvents.REFERRAL_STATUS_CHANGED);
        m.put("NOTIFICATION_WITHHELD", NotificationEvents.NOTIFICATION_WITHHELD);
        m.put("NOTIFICATION_DEAD", NotificationEvents.NOTIFICATION_DEAD);
        TOPICS = Collections.unmodifiableMap(m);
    }

    private EventTypes() {
    }

    public static Map<String, String> all() {
        return TOPICS;
    }

    /** @throws IllegalArgumentException for an unknown type, listing the known ones */
    public static String topic(String type) {
        String topic = TOPICS.get(type.strip().toUpperCase(Locale.ROOT));
        if (topic == null) {
            throw new IllegalArgumentException("unknown Tandem event type '" + type + "'; known: " + TOPICS.keySet());
        }
        return topic;
    }

    /** The type name of a topic, or the topic itself when it has none. */
    public static String type(String topic) {
        for (Map.Entry<String, String> e : TOPICS.entrySet()) {
            if (e.getValue().equals(topic)) {
                return e.getKey();
            }
        }
        return topic;
    }

    /** Topics for a comma-separated list of types and a comma-separated list of raw topics. */
    public static List<String> topics(String types, String rawTopics) {
        List<String> out = new ArrayList<>();
        if (types != null) {
            for (String t : types.split(",")) {
                if (!t.isBlank()) {
                    out.add(topic(t));
                }
            }
        }
        if (rawTopics != null) {
            for (String t : rawTopics.split(",")) {
                String topic = t.strip();
                if (topic.isEmpty()) {
                    continue;
                }
                if (!topic.startsWith("org/tandem/")) {
                    throw new IllegalArgumentException("tandem:events only subscribes to org/tandem/ topics, not " + topic);
                }
                out.add(topic);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("tandem:events needs types=... (" + TOPICS.keySet() + ") or topics=...");
        }
        return out;
    }
}
