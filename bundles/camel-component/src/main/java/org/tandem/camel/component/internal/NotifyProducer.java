package org.tandem.camel.component.internal;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;
import org.tandem.api.Caller;
import org.tandem.api.Ids;
import org.tandem.api.notification.ManualMessage;
import org.tandem.api.notification.Notification;

/**
 * Queues one message through the notification engine's outbox. The case comes from {@link TandemHeaders#CASE_ID} or
 * {@code caseId}; the persons from {@link TandemHeaders#PERSON_ID}, {@code personId} or {@code personIds} (an array or
 * collection, as tandem:events delivers it; none = every victim on the case); the text is the body. The caller is
 * the exchange's {@link TandemHeaders#CALLER_PROPERTY} or the configured integration caller. The ids of the queued
 * notification records are set as the body's replacement header {@code TandemNotificationIds}.
 */
final class NotifyProducer extends DefaultProducer {

    static final int MAX_TEXT = 2000;
    static final String NOTIFICATION_IDS = "TandemNotificationIds";

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
        String text = in.getBody(String.class);
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("tandem:notify needs the message text as the body");
        }
        if (text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("tandem:notify text is longer than " + MAX_TEXT + " characters");
        }
        String subject = firstString(in, TandemHeaders.SUBJECT);
        if (subject == null) {
            subject = getEndpoint().getSubject() != null ? getEndpoint().getSubject() : NotifyEndpoint.DEFAULT_SUBJECT;
        }
        String requestId = firstString(in, TandemHeaders.REQUEST_ID);
        if (requestId == null) {
            requestId = "camel:" + exchange.getExchangeId();
        }
        Caller caller = exchange.getProperty(TandemHeaders.CALLER_PROPERTY, Caller.class);
        TandemPlatform platform = getEndpoint().getComponent().platform();
        if (caller == null) {
            caller = platform.defaultCaller();
        }
        if (caller == null) {
            throw new IllegalStateException("tandem:notify has no caller: set agencyId in etc/org.tandem.camel.component.cfg");
        }
        List<Notification> queued = platform.notifications().sendManual(caller, caseId,
                new ManualMessage(persons, subject, text, requestId));
        in.setHeader(NOTIFICATION_IDS, queued.stream().map(Notification::id).toList());
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
            for (String part : many.toString().split(",")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
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
