package org.tandem.notification.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.api.notification.NotificationEvents;

/**
 * Reads the triggering OSGi events (topic + properties, see {@link NotificationEvents}) into {@link TriggerEvent}s.
 * An event without the properties its topic requires is logged (ids only) and ignored.
 */
final class EventTranslator {

    private static final Logger LOG = LoggerFactory.getLogger(EventTranslator.class);

    private EventTranslator() {
    }

    static Optional<TriggerEvent> translate(String topic, Function<String, Object> property) {
        String caseId = text(property.apply(NotificationEvents.PROP_CASE_ID));
        String agencyId = text(property.apply(NotificationEvents.PROP_AGENCY_ID));
        if (caseId == null || agencyId == null) {
            LOG.warn("Event {} without caseId/agencyId ignored (registration-only routing is not supported yet)", topic);
            return Optional.empty();
        }
        String explicitId = text(property.apply(NotificationEvents.PROP_EVENT_ID));
        List<String> persons = personIds(property);
        Map<String, String> params = new HashMap<>();
        String user = text(property.apply(org.tandem.api.TandemTopics.PROP_USER));
        String stamp = instant(property.apply(NotificationEvents.PROP_TIMESTAMP));
        switch (topic) {
            case NotificationEvents.CASE_OPENED:
                return Optional.of(new TriggerEvent(NotificationEvents.TYPE_CASE_OPENED, caseId, agencyId, caseId,
                        persons, "case-opened", params, user));
            case NotificationEvents.REFERRAL_STATUS_CHANGED: {
                String referralId = text(property.apply(NotificationEvents.PROP_REFERRAL_ID));
                // the referral bundle posts the new status as "to" (ReferralTopics.PROP_TO); "status" is accepted too
                String status = text(property.apply(NotificationEvents.PROP_STATUS));
                if (status == null) {
                    status = text(property.apply(org.tandem.api.referral.ReferralTopics.PROP_TO));
                }
                if (referralId == null || status == null) {
                    return missing(topic, caseId, "referralId, status");
                }
                if ("DRAFT".equals(status)) {
                    // an advocate's unsent draft is nothing to tell the victim about
                    return Optional.empty();
                }
                put(params, NotificationEvents.PROP_REFERRAL_ID, referralId);
                put(params, NotificationEvents.PROP_STATUS, status);
                put(params, NotificationEvents.PROP_PROVIDER_ID, text(property.apply(NotificationEvents.PROP_PROVIDER_ID)));
                String personId = text(property.apply(NotificationEvents.PROP_PERSON_ID));
                if (personId != null && persons.isEmpty()) {
                    persons = List.of(personId);
                }
                String id = explicitId != null ? explicitId : referralId + ":" + status + (stamp == null ? "" : ":" + stamp);
                return Optional.of(new TriggerEvent(NotificationEvents.TYPE_REFERRAL_STATUS_CHANGED, id, agencyId, caseId,
                        persons, "referral-status-changed", params, user));
            }
            case NotificationEvents.CUSTODY_STATUS_CHANGED: {
                String status = text(property.apply(NotificationEvents.PROP_CUSTODY_STATUS));
                if (status == null) {
                    return missing(topic, caseId, "custodyStatus");
                }
                String offender = text(property.apply(NotificationEvents.PROP_OFFENDER_ID));
                String occurred = instant(property.apply(NotificationEvents.PROP_OCCURRED_AT));
                put(params, NotificationEvents.PROP_CUSTODY_STATUS, status);
                put(params, NotificationEvents.PROP_OFFENDER_ID, offender);
                put(params, NotificationEvents.PROP_FACILITY, text(property.apply(NotificationEvents.PROP_FACILITY)));
                put(params, NotificationEvents.PROP_REGISTRATION_ID,
                        text(property.apply(NotificationEvents.PROP_REGISTRATION_ID)));
                String id = explicitId != null ? explicitId : offender + ":" + status + ":"
                        + (occurred != null ? occurred : stamp);
                return Optional.of(new TriggerEvent(NotificationEvents.TYPE_CUSTODY_STATUS_CHANGED, id, agencyId,
                        caseId, persons, "custody-status-changed", params, user));
            }
            case NotificationEvents.COURT_EVENT_SCHEDULED: {
                String type = text(property.apply(NotificationEvents.PROP_COURT_EVENT_TYPE));
                String scheduledAt = instant(property.apply(NotificationEvents.PROP_SCHEDULED_AT));
                if (type == null || scheduledAt == null) {
                    return missing(topic, caseId, "courtEventType, scheduledAt (ISO-8601 instant or epoch millis)");
                }
                String docket = text(property.apply(NotificationEvents.PROP_DOCKET_NUMBER));
                put(params, NotificationEvents.PROP_COURT_EVENT_TYPE, type);
                put(params, NotificationEvents.PROP_SCHEDULED_AT, scheduledAt);
                put(params, NotificationEvents.PROP_COURT, text(property.apply(NotificationEvents.PROP_COURT)));
                put(params, NotificationEvents.PROP_DOCKET_NUMBER, docket);
                String id = explicitId != null ? explicitId : docket + ":" + type + ":" + scheduledAt;
                return Optional.of(new TriggerEvent(NotificationEvents.TYPE_COURT_EVENT_SCHEDULED, id, agencyId, caseId,
                        persons, "court-event-scheduled", params, user));
            }
            case NotificationEvents.PROTECTIVE_ORDER_CHANGED: {
                String status = text(property.apply(NotificationEvents.PROP_ORDER_STATUS));
                if (status == null) {
                    return missing(topic, caseId, "orderStatus");
                }
                String order = text(property.apply(NotificationEvents.PROP_ORDER_NUMBER));
                put(params, NotificationEvents.PROP_ORDER_STATUS, status);
                put(params, NotificationEvents.PROP_ORDER_NUMBER, order);
                String id = explicitId != null ? explicitId : order + ":" + status + ":" + stamp;
                return Optional.of(new TriggerEvent(NotificationEvents.TYPE_PROTECTIVE_ORDER_CHANGED, id, agencyId,
                        caseId, persons, "protective-order-changed", params, user));
            }
            default:
                return Optional.empty();
        }
    }

    private static Optional<TriggerEvent> missing(String topic, String caseId, String what) {
        LOG.warn("Event {} for case {} ignored: required properties missing ({})", topic, caseId, what);
        return Optional.empty();
    }

    private static void put(Map<String, String> params, String key, String value) {
        if (value != null) {
            params.put(key, value);
        }
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        String s = value.toString().strip();
        return s.isEmpty() ? null : s;
    }

    /** An ISO-8601 instant string or epoch milliseconds (Long, Integer, digits) as an ISO-8601 instant. */
    static String instant(Object value) {
        if (value instanceof Number n) {
            return Instant.ofEpochMilli(n.longValue()).toString();
        }
        String s = text(value);
        if (s == null) {
            return null;
        }
        try {
            return s.chars().allMatch(Character::isDigit) ? Instant.ofEpochMilli(Long.parseLong(s)).toString()
                    : Instant.parse(s).toString();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static List<String> personIds(Function<String, Object> property) {
        Object value = property.apply(NotificationEvents.PROP_PERSON_IDS);
        List<String> out = new ArrayList<>();
        if (value instanceof String[] array) {
            out.addAll(List.of(array));
        } else if (value instanceof Collection<?> c) {
            c.forEach(v -> out.add(String.valueOf(v)));
        } else if (value instanceof String s && !s.isBlank()) {
            for (String part : s.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
        }
        return out;
    }
}
