package org.tandem.api.cases;

import java.util.HashMap;
import java.util.Map;

import org.tandem.api.TandemTopics;

/**
 * The properties of case events (see {@link TandemTopics}), built in one place so the live EventAdmin event and the
 * journaled one are identical.
 *
 * @since 1.1
 */
public final class CaseEvents {

    private CaseEvents() {
    }

    /** {@link TandemTopics#CASE_OPENED} properties: ids, incident link, user and time; no PII. */
    public static Map<String, Object> opened(VictimCase c) {
        Map<String, Object> props = new HashMap<>();
        props.put(TandemTopics.PROP_CASE_ID, c.id());
        props.put(TandemTopics.PROP_AGENCY_ID, c.agencyId());
        if (c.incident() != null) {
            putIfPresent(props, TandemTopics.PROP_INCIDENT_NUMBER, c.incident().number());
            putIfPresent(props, TandemTopics.PROP_ORI, c.incident().ori());
        }
        putIfPresent(props, TandemTopics.PROP_USER, c.createdBy());
        props.put(TandemTopics.PROP_TIMESTAMP, c.createdAt().toEpochMilli());
        return props;
    }

    /**
     * {@link TandemTopics#CASE_CLOSED} properties: as {@link #opened}, with the user who closed the case and when.
     *
     * @since 1.3
     */
    public static Map<String, Object> closed(VictimCase c, String closedBy, java.time.Instant closedAt) {
        Map<String, Object> props = opened(c);
        props.remove(TandemTopics.PROP_USER);
        putIfPresent(props, TandemTopics.PROP_USER, closedBy);
        props.put(TandemTopics.PROP_TIMESTAMP, closedAt.toEpochMilli());
        return props;
    }

    private static void putIfPresent(Map<String, Object> props, String key, String value) {
        if (value != null) {
            props.put(key, value);
        }
    }
}
