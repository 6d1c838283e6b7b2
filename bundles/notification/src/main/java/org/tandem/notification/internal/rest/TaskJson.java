package org.tandem.notification.internal.rest;

import static org.tandem.notification.internal.rest.NotificationJson.put;

import org.tandem.api.notification.FollowUpTask;
import org.tandem.api.notification.Notice;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** JSON of follow-up tasks and notices (ids, codes and times; no names or contact data). */
final class TaskJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private TaskJson() {
    }

    static ObjectNode task(FollowUpTask t) {
        ObjectNode o = NODES.objectNode();
        o.put("id", t.id());
        o.put("caseId", t.caseId());
        o.put("personId", t.personId());
        put(o, "noticeId", t.noticeId());
        o.put("kind", t.kind().name());
        put(o, "assignee", t.assignee());
        o.put("state", t.state().name());
        put(o, "reason", t.reason());
        put(o, "createdAt", t.createdAt());
        put(o, "outcome", t.outcome() == null ? null : t.outcome().name());
        put(o, "outcomeNote", t.outcomeNote());
        put(o, "closedBy", t.closedBy());
        put(o, "closedAt", t.closedAt());
        return o;
    }

    static ObjectNode notice(Notice n) {
        ObjectNode o = NODES.objectNode();
        o.put("id", n.id());
        o.put("personId", n.personId());
        o.put("recipientType", n.recipientType().name());
        o.put("eventType", n.eventType());
        o.put("eventId", n.eventId());
        o.put("urgency", n.urgency().name());
        o.put("state", n.state().name());
        o.put("firstNotificationId", n.firstNotificationId());
        o.put("reminders", n.rounds());
        put(o, "nextReminderAt", n.nextRoundAt());
        put(o, "escalateAt", n.escalateAt());
        put(o, "expiresAt", n.expiresAt());
        put(o, "escalatedAt", n.escalatedAt());
        put(o, "confirmedAt", n.confirmedAt());
        put(o, "confirmedChannel", n.confirmedChannel() == null ? null : n.confirmedChannel().name());
        put(o, "confirmedBy", n.confirmedBy());
        put(o, "createdAt", n.createdAt());
        return o;
    }
}
