package org.tandem.notification.internal.rest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import org.tandem.api.FieldError;
import org.tandem.api.Page;
import org.tandem.api.ValidationException;
import org.tandem.api.notification.ManualMessage;
import org.tandem.api.notification.Notification;
import org.tandem.api.notification.NotificationAttempt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** JSON of the notification endpoints: strict reading of a manual message, evidence records out. */
final class NotificationJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> MESSAGE_FIELDS = Set.of("personIds", "subject", "text", "requestId");

    private NotificationJson() {
    }

    static ManualMessage readMessage(JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        if (body == null || !body.isObject()) {
            throw new ValidationException("body", "a JSON object is required");
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!MESSAGE_FIELDS.contains(name)) {
                errors.add(new FieldError(name, "unknown field"));
            }
        }
        List<String> personIds = new ArrayList<>();
        JsonNode ids = body.get("personIds");
        if (ids != null && !ids.isNull()) {
            if (!ids.isArray()) {
                errors.add(new FieldError("personIds", "must be an array of person ids"));
            } else {
                for (int i = 0; i < ids.size(); i++) {
                    if (ids.get(i).isTextual()) {
                        personIds.add(ids.get(i).textValue());
                    } else {
                        errors.add(new FieldError("personIds[" + i + "]", "must be a string"));
                    }
                }
            }
        }
        String subject = text(body, "subject", errors);
        String text = text(body, "text", errors);
        String requestId = text(body, "requestId", errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new ManualMessage(personIds, subject, text, requestId);
    }

    private static String text(JsonNode body, String field, List<FieldError> errors) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            errors.add(new FieldError(field, "must be a string"));
            return null;
        }
        return v.textValue();
    }

    static ObjectNode page(Page<Notification> page) {
        ObjectNode out = NODES.objectNode();
        ArrayNode items = out.putArray("items");
        page.items().forEach(n -> items.add(write(n)));
        out.put("page", page.page());
        out.put("size", page.size());
        out.put("total", page.total());
        return out;
    }

    static ObjectNode write(Notification n) {
        ObjectNode o = NODES.objectNode();
        o.put("id", n.id());
        o.put("caseId", n.caseId());
        o.put("personId", n.personId());
        o.put("recipientType", n.recipientType().name());
        o.put("eventType", n.eventType());
        o.put("eventId", n.eventId());
        put(o, "channel", n.channel() == null ? null : n.channel().name());
        put(o, "language", n.language());
        o.put("template", n.template());
        put(o, "templateLanguage", n.templateLanguage());
        o.put("languageFallback", n.languageFallback());
        put(o, "contentHash", n.contentHash());
        o.put("state", n.state().name());
        o.put("attempts", n.attemptCount());
        put(o, "nextAttemptAt", n.nextAttemptAt());
        put(o, "providerMessageId", n.providerMessageId());
        put(o, "reason", n.reason());
        put(o, "fallbackOf", n.fallbackOf());
        put(o, "createdBy", n.createdBy());
        put(o, "createdAt", n.createdAt());
        put(o, "updatedAt", n.updatedAt());
        put(o, "sentAt", n.sentAt());
        put(o, "deliveredAt", n.deliveredAt());
        put(o, "noticeId", n.params().get("noticeId"));
        put(o, "urgency", n.params().get("urgency"));
        put(o, "reminder", n.params().get("round"));
        ArrayNode history = o.putArray("history");
        for (NotificationAttempt a : n.history()) {
            ObjectNode h = history.addObject();
            h.put("seq", a.seq());
            put(h, "at", a.at());
            put(h, "channel", a.channel() == null ? null : a.channel().name());
            h.put("outcome", a.outcome().name());
            put(h, "providerMessageId", a.providerMessageId());
            put(h, "detail", a.detail());
            put(h, "contentHash", a.contentHash());
        }
        return o;
    }

    static void put(ObjectNode o, String field, String value) {
        if (value != null) {
            o.put(field, value);
        }
    }

    static void put(ObjectNode o, String field, Instant value) {
        if (value != null) {
            o.put(field, value.toString());
        }
    }
}
