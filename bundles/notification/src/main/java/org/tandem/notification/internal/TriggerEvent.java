package org.tandem.notification.internal;

import java.util.List;
import java.util.Map;

/**
 * Something people on a case must be told about, normalised from an OSGi event or a manual request.
 *
 * @param eventId the event's identity: with the type, person, recipient and channel it forms the idempotency key
 * @param personIds recipients; empty means every victim (primary and secondary) on the case
 * @param params what the template needs (ids, codes, dates; a manual message's subject and text)
 */
public record TriggerEvent(String eventType, String eventId, String agencyId, String caseId, List<String> personIds,
        String template, Map<String, String> params, String createdBy) {

    public TriggerEvent {
        personIds = personIds == null ? List.of() : List.copyOf(personIds);
        params = params == null ? Map.of() : Map.copyOf(params);
    }
}
