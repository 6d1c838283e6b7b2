package org.tandem.api.notification;

import java.util.List;

/**
 * A message an advocate or officer writes to people on a case ({@code POST /cases/{id}/notifications}).
 *
 * @param personIds who; empty means every victim on the case (primary and secondary)
 * @param requestId optional client key: posting the same request id twice sends once
 */
public record ManualMessage(List<String> personIds, String subject, String text, String requestId) {

    public ManualMessage {
        personIds = personIds == null ? List.of() : List.copyOf(personIds);
    }
}
