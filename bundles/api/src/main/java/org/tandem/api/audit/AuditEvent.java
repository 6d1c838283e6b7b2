package org.tandem.api.audit;

/**
 * What happened, as the code path that did it saw it. Text only, no victim data: object ids, never names.
 *
 * @param user the authenticated user, or the name given in a failed login
 * @param agencyId the user's agency; null for platform administrators and unknown users
 * @param roles the user's roles, comma-separated
 * @param action what was done, e.g. {@code GET /cases/{id}}, {@code LOGIN_FAILED}, {@code console tandem:case-show}
 * @param objectType e.g. case, referral, consent, notification, audit
 * @param objectId the object's id when one was named
 * @param caseId the case the object belongs to, when known (what a supervisor searches by)
 * @param fields what part of the object was read or written, e.g. {@code persons,contact} or query parameter names
 * @param clientAddress the remote address of the request, or {@code console}/{@code route} for local paths
 * @param outcome e.g. an HTTP status ({@code 200}, {@code 404}) or {@code OK}/{@code DENIED}/{@code FAILED}
 */
public record AuditEvent(String user, String agencyId, String roles, String action, String objectType,
        String objectId, String caseId, String fields, String clientAddress, String outcome) {

    public AuditEvent {
        if (action == null || action.isBlank()) {
            throw new IllegalArgumentException("An audit event needs an action");
        }
        if (outcome == null || outcome.isBlank()) {
            throw new IllegalArgumentException("An audit event needs an outcome");
        }
    }
}
