package org.tandem.camel.component.internal;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;
import org.tandem.api.Ids;

/**
 * Posts one {@link NotifyEndpoint#TOPIC} event per person. The case comes from {@link TandemHeaders#CASE_ID} or
 * {@code caseId}; the persons from {@link TandemHeaders#PERSON_ID}, {@code personId} or {@code personIds} (an
 * array or collection, as tandem:events delivers it); the text is the body (may be empty: the engine then renders
 * its template). Missing ids fail the exchange.
 */
final class NotifyProducer extends DefaultProducer {

    static final int MAX_TEXT = 2000;

    NotifyProducer(NotifyEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public NotifyEndpoint getEndpoint() {
        return (NotifyEndpoint) super.getEndpoint();
    }

    @Override
    public void process(Exchange exchange) {
        Message in = exchange.getIn();
        String caseId = firstString(in, TandemHeaders.CASE_ID, "caseId");
        if (caseId == null || !Ids.looksLikeId(caseId)) {
            throw new IllegalArgumentException("tandem:notify needs the case id in header " + TandemHeaders.CASE_ID
                    + " (or caseId), got " + caseId);
        }
        List<String> persons = persons(in);
        if (persons.isEmpty()) {
            throw new IllegalArgumentException("tandem:notify needs the person in header " + TandemHeaders.PERSON_ID
                    + " (or personId / personIds)");
        }
        String text = in.getBody(String.class);
        if (text != null && text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("tandem:notify text is longer than " + MAX_TEXT + " characters");
        }
        String eventType = getEndpoint().getEventType();
        if (eventType == null) {
            eventType = in.getHeader(TandemHeaders.EVENT_TYPE, "MESSAGE", String.class);
        }
        for (String personId : persons) {
            Map<String, Object> properties = new HashMap<>();
            properties.put("caseId", caseId);
            properties.put("personId", personId);
            properties.put("eventType", eventType);
            properties.put("text", text == null ? "" : text);
            properties.put("requestedAt", System.currentTimeMillis());
            properties.put("source", exchange.getFromRouteId() == null ? "camel" : exchange.getFromRouteId());
            getEndpoint().getComponent().platform().post(NotifyEndpoint.TOPIC, properties);
        }
    }

    private static String firstString(Message in, String... names) {
        for (String name : names) {
            String value = in.getHeader(name, String.class);
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }

    private static List<String> persons(Message in) {
        Set<String> out = new LinkedHashSet<>();
        String single = firstString(in, TandemHeaders.PERSON_ID, "personId");
        if (single != null) {
            out.add(single);
        }
        Object many = in.getHeader("personIds");
        if (many instanceof Collection<?> c) {
            c.forEach(p -> out.add(String.valueOf(p)));
        } else if (many != null && many.getClass().isArray()) {
            for (int i = 0; i < Array.getLength(many); i++) {
                out.add(String.valueOf(Array.get(many, i)));
            }
        } else if (many != null) {
            out.add(many.toString());
        }
        List<String> valid = new ArrayList<>();
        for (String p : out) {
            if (!Ids.looksLikeId(p)) {
                throw new IllegalArgumentException("tandem:notify: '" + p + "' is not a person id");
            }
            valid.add(p);
        }
        return valid;
    }
}
