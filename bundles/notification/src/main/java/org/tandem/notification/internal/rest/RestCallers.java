package org.tandem.notification.internal.rest;

import java.security.Principal;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import javax.ws.rs.NotAuthorizedException;
import javax.ws.rs.core.SecurityContext;

import org.tandem.api.AccessDeniedException;
import org.tandem.api.Caller;
import org.tandem.api.FieldError;
import org.tandem.api.Role;
import org.tandem.api.ValidationException;

import com.fasterxml.jackson.databind.JsonNode;

/** The authenticated caller of a request, role checks and strict JSON bodies for the follow-up resources. */
final class RestCallers {

    private RestCallers() {
    }

    /** An agency account with one of the roles, or 401/403. */
    static Caller agencyCaller(SecurityContext security, String action, Role... roles) {
        Principal principal = security == null ? null : security.getUserPrincipal();
        if (!(principal instanceof Caller caller)) {
            throw new NotAuthorizedException("authentication required", "Basic realm=\"Tandem\"");
        }
        if (!caller.hasAnyRole(roles) || !caller.hasAgency()) {
            throw new AccessDeniedException("an agency's " + java.util.Arrays.stream(roles).map(Role::id)
                    .collect(java.util.stream.Collectors.joining(" or ")) + " may " + action);
        }
        return caller;
    }

    /** A JSON object with only the allowed fields (unknown ones are 422, like every Tandem body). */
    static JsonNode object(JsonNode body, Set<String> allowed) {
        if (body == null || !body.isObject()) {
            throw new ValidationException("body", "a JSON object is required");
        }
        List<FieldError> errors = new java.util.ArrayList<>();
        for (Iterator<String> names = body.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!allowed.contains(name)) {
                errors.add(new FieldError(name, "unknown field"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return body;
    }

    static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new ValidationException(field, "must be a string");
        }
        return v.asText();
    }
}
