package org.tandem.security.internal.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tandem.api.AccessDeniedException;
import org.tandem.api.Caller;
import org.tandem.api.FieldError;
import org.tandem.api.Page;
import org.tandem.api.Role;
import org.tandem.api.ValidationException;
import org.tandem.api.audit.AuditLog;
import org.tandem.api.audit.AuditQuery;
import org.tandem.api.audit.AuditRecord;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code GET /audit?case=&user=&from=&to=&page=&size=}: the audit trail of the caller's agency, newest first, for
 * supervisors only. Read-only: the API has no way to change or delete an audit record.
 */
@Component(service = AuditResource.class, property = { "tandem.rest.resource=true",
        "tandem.openapi=/openapi/audit.json" })
@Path("/audit")
public class AuditResource {

    private static final int MAX_FILTER = 100;

    private final AuditLog audit;

    @Activate
    public AuditResource(@Reference(name = "audit") AuditLog audit) {
        this.audit = audit;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public ObjectNode search(@QueryParam("case") String caseId, @QueryParam("user") String user,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("page") String page,
            @QueryParam("size") String size, @Context SecurityContext security) {
        Caller caller = Callers.of(security);
        if (!caller.roles().contains(Role.SUPERVISOR) || caller.agencyId() == null) {
            throw new AccessDeniedException("Only an agency's supervisors read its audit trail");
        }
        List<FieldError> errors = new ArrayList<>();
        Instant fromInstant = instant("from", from, errors);
        Instant toInstant = instant("to", to, errors);
        text("case", caseId, errors);
        text("user", user, errors);
        Page<Object> paging = Paging.page(List.of(), page, size);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Page<AuditRecord> result = audit.search(new AuditQuery(caller.agencyId(), blankToNull(caseId),
                blankToNull(user), fromInstant, toInstant, paging.page(), paging.size()));
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("page", result.page()).put("size", result.size()).put("total", result.total());
        var items = body.putArray("items");
        for (AuditRecord r : result.items()) {
            ObjectNode n = items.addObject();
            n.put("sequence", r.sequence());
            n.put("recordedAt", r.recordedAt().toString());
            n.put("user", r.event().user());
            n.put("agencyId", r.event().agencyId());
            n.put("roles", r.event().roles());
            n.put("action", r.event().action());
            n.put("objectType", r.event().objectType());
            n.put("objectId", r.event().objectId());
            n.put("caseId", r.event().caseId());
            n.put("fields", r.event().fields());
            n.put("clientAddress", r.event().clientAddress());
            n.put("outcome", r.event().outcome());
            n.put("previousHash", r.previousHash());
            n.put("hash", r.hash());
        }
        return body;
    }

    private static Instant instant(String name, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name, "must be an ISO-8601 instant, e.g. 2026-12-01T00:00:00Z"));
            return null;
        }
    }

    private static void text(String name, String value, List<FieldError> errors) {
        if (value != null && (value.length() > MAX_FILTER || value.chars().anyMatch(Character::isISOControl))) {
            errors.add(new FieldError(name, "must be at most " + MAX_FILTER + " printable characters"));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
