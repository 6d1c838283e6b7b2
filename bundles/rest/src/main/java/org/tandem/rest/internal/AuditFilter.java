package org.tandem.rest.internal;

import java.lang.reflect.Method;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Path;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.Provider;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.api.Caller;
import org.tandem.api.Role;
import org.tandem.api.audit.AuditEvent;
import org.tandem.api.audit.AuditLog;

/**
 * Audits every API request but the public ones (health, OpenAPI) in one place, whatever bundle serves it: who, agency,
 * roles, the resource method's path template, the ids in the path, the query parameter names, the client address and
 * the status. It runs after the resource and before the body is written, and fails closed: when the record cannot
 * be stored the response is replaced by a 503 problem, so no victim data leaves unaudited. Failed logins are
 * recorded as {@code LOGIN_FAILED} with the user name that was tried.
 */
@Provider
final class AuditFilter implements ContainerResponseFilter {

    private static final Logger LOG = LoggerFactory.getLogger(AuditFilter.class);

    private final Supplier<AuditLog> audit;

    @Context
    private ResourceInfo resourceInfo;
    @Context
    private HttpServletRequest servletRequest;

    AuditFilter(Supplier<AuditLog> audit) {
        this.audit = audit;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String path = trim(request.getUriInfo().getPath());
        if (AuthenticationFilter.PUBLIC_PATHS.contains(path) || "OPTIONS".equals(request.getMethod())) {
            return;
        }
        AuditEvent event = event(request, response, path);
        AuditLog log = audit.get();
        try {
            if (log == null) {
                throw new IllegalStateException("no audit log service");
            }
            log.record(event);
        } catch (RuntimeException e) {
            LOG.error("Request {} {} by {} not audited, answered 503: {}", request.getMethod(), event.action(),
                    event.user(), e.getMessage());
            Response problem = Problems.response(503, "audit-unavailable", "Service unavailable",
                    "The request could not be recorded in the audit trail, so no data is returned; try again later");
            response.setStatus(503);
            response.getHeaders().clear();
            response.setEntity(problem.getEntity(), new java.lang.annotation.Annotation[0], Problems.PROBLEM_JSON);
        }
    }

    private AuditEvent event(ContainerRequestContext request, ContainerResponseContext response, String path) {
        String status = Integer.toString(response.getStatus());
        String client = servletRequest == null ? null : servletRequest.getRemoteAddr();
        Caller caller = request.getSecurityContext() == null ? null
                : request.getSecurityContext().getUserPrincipal() instanceof Caller c ? c : null;
        if (caller == null) {
            return new AuditEvent(triedUser(request.getHeaderString(HttpHeaders.AUTHORIZATION)), null, null,
                    response.getStatus() == 401 ? "LOGIN_FAILED" : request.getMethod() + " /" + path, null, null,
                    null, null, client, status);
        }
        MultivaluedMap<String, String> pathParams = request.getUriInfo().getPathParameters();
        List<String> segments = List.of(path.split("/"));
        String objectType = segments.isEmpty() ? null : segments.get(0);
        String objectId = pathParams.getFirst("id");
        if (objectId == null && !pathParams.isEmpty()) {
            objectId = pathParams.values().iterator().next().get(0);
        }
        String caseId = "cases".equals(objectType) && segments.size() > 1 ? segments.get(1) : null;
        if (caseId == null && "cases".equals(objectType) && response.getStatus() == 201) {
            caseId = lastSegment(response.getLocation());
            objectId = caseId;
        }
        String fields = new TreeSet<>(request.getUriInfo().getQueryParameters().keySet()).stream()
                .collect(Collectors.joining(","));
        String roles = caller.roles().stream().map(Role::id).sorted().collect(Collectors.joining(","));
        return new AuditEvent(caller.user(), caller.agencyId(), roles, request.getMethod() + " " + template(path),
                objectType, objectId, caseId, fields.isEmpty() ? null : fields, client, status);
    }

    /** The matched resource method's path template ({@code /cases/{id}}), or the raw path when nothing matched. */
    private String template(String path) {
        Method method = resourceInfo == null ? null : resourceInfo.getResourceMethod();
        if (method == null) {
            return "/" + path;
        }
        Path type = resourceInfo.getResourceClass() == null ? null
                : resourceInfo.getResourceClass().getAnnotation(Path.class);
        Path sub = method.getAnnotation(Path.class);
        String joined = (type == null ? "" : "/" + trim(type.value())) + (sub == null ? "" : "/" + trim(sub.value()));
        return joined.isEmpty() ? "/" + path : joined;
    }

    private static String lastSegment(URI location) {
        if (location == null || location.getPath() == null) {
            return null;
        }
        String p = trim(location.getPath());
        return p.substring(p.lastIndexOf('/') + 1);
    }

    /** The user name of a Basic header, without ever decoding more than the name. */
    private static String triedUser(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return Optional.of(colon < 0 ? decoded : decoded.substring(0, colon)).filter(s -> !s.isBlank())
                    .orElse(null);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String trim(String path) {
        return AuthenticationFilter.trimSlashes(path);
    }
}
