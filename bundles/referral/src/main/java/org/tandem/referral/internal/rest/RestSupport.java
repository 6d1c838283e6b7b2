package org.tandem.referral.internal.rest;

import java.security.Principal;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.NoSuchElementException;

import javax.ws.rs.ClientErrorException;
import javax.ws.rs.NotAuthorizedException;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.tandem.api.Caller;
import org.tandem.api.FieldError;
import org.tandem.api.ValidationException;
import org.tandem.api.referral.ConsentRequiredException;
import org.tandem.api.referral.IllegalTransitionException;
import org.tandem.api.referral.ImportReport;
import org.tandem.api.referral.ReferralConflictException;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Caller, query parameters and the problem bodies of this bundle's conflicts. The REST host maps
 * ValidationException, AccessDeniedException and JAX-RS exceptions; a WebApplicationException carrying an
 * application/problem+json entity is passed through as is, which is how the 409 bodies below keep their extra
 * members.
 */
final class RestSupport {

    static final String PROBLEM_JSON = "application/problem+json";
    private static final String TYPE_BASE = "urn:tandem:problem:";

    private RestSupport() {
    }

    static Caller caller(SecurityContext security) {
        Principal principal = security == null ? null : security.getUserPrincipal();
        if (principal instanceof Caller caller) {
            return caller;
        }
        throw new NotAuthorizedException("authentication required", "Basic realm=\"Tandem\"");
    }

    /** Runs a service call, turning the service's "not visible" and conflict exceptions into HTTP answers. */
    static <T> T call(Supplier<T> action) {
        try {
            return action.get();
        } catch (NoSuchElementException e) {
            throw new NotFoundException(e.getMessage());
        } catch (ConsentRequiredException e) {
            throw new WebApplicationException(consentRequired(e));
        } catch (IllegalTransitionException e) {
            ObjectNode body = problem(409, "illegal-transition", "Illegal status change", e.getMessage());
            body.put("from", e.from().name()).put("to", e.to().name());
            ArrayNode allowed = body.putArray("allowed");
            e.allowed().stream().sorted().forEach(s -> allowed.add(s.name()));
            throw new WebApplicationException(Response.status(409).type(PROBLEM_JSON).entity(body).build());
        } catch (ReferralConflictException e) {
            throw new ClientErrorException(e.getMessage(), 409);
        }
    }

    /** 409 saying exactly which consent is missing, and how to record it. */
    static Response consentRequired(ConsentRequiredException e) {
        ObjectNode body = problem(409, "consent-required", "Consent required", e.getMessage());
        ObjectNode missing = body.putObject("missingConsent");
        missing.put("caseId", e.caseId());
        missing.put("personId", e.personId());
        missing.put("scope", e.scope().name());
        missing.putObject("recipient").put("kind", e.recipient().kind().name()).put("id", e.recipient().id());
        missing.put("reason", e.reason());
        if (e.lastConsentId() != null) {
            missing.put("lastConsentId", e.lastConsentId());
        }
        missing.put("record", "POST /cases/" + e.caseId() + "/consents");
        return Response.status(409).type(PROBLEM_JSON).entity(body).build();
    }

    /** 422 listing every bad row of an import; nothing was stored. */
    static Response importRejected(ImportReport report) {
        long badRows = report.errors().stream().map(ImportReport.RowError::row).distinct().count();
        ObjectNode body = problem(422, "import-rejected", "Import rejected", badRows + " of " + report.rows()
                + " rows are invalid; nothing was imported");
        body.put("rows", report.rows());
        body.set("errors", ProviderJson.rowErrors(report));
        return Response.status(422).type(PROBLEM_JSON).entity(body).build();
    }

    static ObjectNode problem(int status, String slug, String title, String detail) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("type", TYPE_BASE + slug);
        node.put("title", title);
        node.put("status", status);
        node.put("detail", detail);
        return node;
    }

    static int intParam(String name, String value, int fallback, List<FieldError> errors) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        if (value.length() <= 10 && value.matches("-?\\d+")) {
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        errors.add(new FieldError(name, "must be an integer"));
        return fallback;
    }

    static boolean boolParam(String name, String value, List<FieldError> errors) {
        if (value == null || value.isEmpty() || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        errors.add(new FieldError(name, "true or false"));
        return false;
    }

    static <E extends Enum<E>> E enumParam(String name, String value, Class<E> type, List<FieldError> errors) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        errors.add(new FieldError(name, "must be one of " + Arrays.stream(type.getEnumConstants()).map(Enum::name)
                .collect(Collectors.joining(", "))));
        return null;
    }

    static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
