package org.tandem.api.audit;

import java.time.Instant;

/**
 * A supervisor's search. {@code agencyId} is required: a search never crosses agencies. Other criteria are optional.
 *
 * @param from inclusive; @param to exclusive
 */
public record AuditQuery(String agencyId, String caseId, String user, Instant from, Instant to, int page, int size) {
}
