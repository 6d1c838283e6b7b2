package org.tandem.rest.internal;

import java.util.UUID;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import javax.ws.rs.ext.Provider;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.api.AccessDeniedException;
import org.tandem.api.ValidationException;

/** Every error leaves the API as a problem body; only real server faults are 5xx and get logged. */
final class ExceptionMappers {

    private static final Logger LOG = LoggerFactory.getLogger(ExceptionMappers.class);

    private ExceptionMappers() {
    }

    @Provider
    static final class ValidationMapper implements ExceptionMapper<ValidationException> {
        @Override
        public Response toResponse(ValidationException e) {
            return Problems.validation(e.errors());
        }
    }

    @Provider
    static final class AccessDeniedMapper implements ExceptionMapper<AccessDeniedException> {
        @Override
        public Response toResponse(AccessDeniedException e) {
            return Problems.response(403, "forbidden", "Forbidden", e.getMessage());
        }
    }

    @Provider
    static final class WebApplicationMapper implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            Response original = e.getResponse();
            int status = original == null ? 500 : original.getStatus();
            if (original != null && original.hasEntity() && Problems.PROBLEM_JSON.isCompatible(original.getMediaType())) {
                return original;
            }
            String detail = e.getMessage();
            if (detail != null && detail.startsWith("HTTP ")) {
                detail = defaultDetail(status); // JAX-RS default messages say no more than the status line
            }
            Response.ResponseBuilder out = Response.status(status).type(Problems.PROBLEM_JSON)
                    .entity(Problems.body(status, null, Problems.titleFor(status), detail));
            if (original != null) {
                // keep Allow, WWW-Authenticate, Retry-After ...
                original.getHeaders().forEach((name, values) -> {
                    if (!"Content-Type".equalsIgnoreCase(name)) {
                        values.forEach(v -> out.header(name, v));
                    }
                });
            }
            return out.build();
        }
    }

    private static String defaultDetail(int status) {
        return switch (status) {
            case 404 -> "No such resource";
            case 405 -> "This method is not allowed on this resource";
            case 406 -> "The API answers application/json";
            case 415 -> "Send the request body as application/json";
            default -> null;
        };
    }

    @Provider
    static final class FallbackMapper implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable e) {
            String incident = UUID.randomUUID().toString();
            LOG.error("Unhandled error, incident {}", incident, e);
            return Problems.response(500, "server-error", "Server error",
                    "The request could not be completed; incident " + incident + " was logged");
        }
    }
}
