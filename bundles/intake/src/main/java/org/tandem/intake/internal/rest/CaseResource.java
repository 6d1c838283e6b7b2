package org.tandem.intake.internal.rest;

import java.net.URI;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import javax.ws.rs.BadRequestException;
import javax.ws.rs.ClientErrorException;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.NotAuthorizedException;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tandem.api.Caller;
import org.tandem.api.FieldError;
import org.tandem.api.Page;
import org.tandem.api.ValidationException;
import org.tandem.api.cases.CaseStatus;
import org.tandem.api.cases.CaseStatusConflictException;
import org.tandem.api.cases.IntakeService;
import org.tandem.api.cases.NewCase;
import org.tandem.api.cases.VictimCase;
import org.tandem.intake.internal.json.CaseJsonCodec;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code /cases}: a thin JAX-RS layer over {@link IntakeService}. Published to the REST host as a
 * whiteboard service ({@code tandem.rest.resource=true}); errors are thrown and mapped to problem
 * bodies by the host.
 */
@Component(service = CaseResource.class, property = {
        "tandem.rest.resource=true",
        "tandem.openapi=/openapi/intake.json" })
@Path("/cases")
public class CaseResource {

    private final IntakeService intake;
    private final CaseJsonCodec codec = new CaseJsonCodec();

    @Activate
    public CaseResource(@Reference(name = "intake") IntakeService intake) {
        this.intake = intake;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response open(JsonNode body, @Context SecurityContext security, @Context UriInfo uri) {
        Caller caller = caller(security);
        if (body == null || body.isMissingNode()) {
            throw new BadRequestException("a JSON request body is required");
        }
        NewCase newCase = codec.read(body);
        VictimCase opened = intake.open(caller, newCase);
        URI location = uri.getAbsolutePathBuilder().path(opened.id()).build();
        return Response.created(location).entity(codec.write(opened)).build();
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response get(@PathParam("id") String id, @Context SecurityContext security) {
        VictimCase found = intake.get(caller(security), id)
                .orElseThrow(() -> new NotFoundException("no such case"));
        return Response.ok(codec.write(found)).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@QueryParam("status") String status, @QueryParam("incident") String incident,
            @QueryParam("page") String page, @QueryParam("size") String size, @Context SecurityContext security) {
        Caller caller = caller(security);
        List<FieldError> errors = new ArrayList<>();
        CaseStatus statusFilter = parseStatus(status, errors);
        int pageNumber = parseInt("page", page, 0, errors);
        int pageSize = parseInt("size", size, Page.DEFAULT_SIZE, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Page<VictimCase> result = intake.list(caller, statusFilter, incident, pageNumber, pageSize);
        return Response.ok(codec.writePage(result)).build();
    }

    /** {@code {"reason": "..."}}: 200 with the closed case; 404 (other agency, unknown), 409 when already closed. */
    @POST
    @Path("{id}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response close(@PathParam("id") String id, JsonNode body, @Context SecurityContext security) {
        Caller caller = caller(security);
        if (body == null || body.isMissingNode() || body.isNull()) {
            throw new BadRequestException("a JSON request body {\"reason\": \"...\"} is required");
        }
        List<FieldError> errors = new ArrayList<>();
        if (!body.isObject()) {
            errors.add(new FieldError("", "must be a JSON object"));
        } else {
            body.fieldNames().forEachRemaining(name -> {
                if (!"reason".equals(name)) {
                    errors.add(new FieldError(name, "unknown field"));
                }
            });
            JsonNode reason = body.get("reason");
            if (reason != null && !reason.isNull() && !reason.isTextual()) {
                errors.add(new FieldError("reason", "must be a string"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        JsonNode reason = body.get("reason");
        try {
            VictimCase closed = intake.close(caller, id, reason == null || reason.isNull() ? null : reason.asText())
                    .orElseThrow(() -> new NotFoundException("no such case"));
            return Response.ok(codec.write(closed)).build();
        } catch (CaseStatusConflictException e) {
            throw new ClientErrorException("The case is already closed", Response.Status.CONFLICT);
        }
    }

    /** Supervisors: 200 with the reopened case; 404 (other agency, unknown), 409 when the case is open. */
    @POST
    @Path("{id}/reopen")
    @Produces(MediaType.APPLICATION_JSON)
    public Response reopen(@PathParam("id") String id, @Context SecurityContext security) {
        Caller caller = caller(security);
        try {
            VictimCase reopened = intake.reopen(caller, id).orElseThrow(() -> new NotFoundException("no such case"));
            return Response.ok(codec.write(reopened)).build();
        } catch (CaseStatusConflictException e) {
            throw new ClientErrorException("The case is open", Response.Status.CONFLICT);
        }
    }

    private static Caller caller(SecurityContext security) {
        Principal principal = security == null ? null : security.getUserPrincipal();
        if (principal instanceof Caller caller) {
            return caller;
        }
        // the host authenticates every request; reaching this means the request bypassed it
        throw new NotAuthorizedException("authentication required", "Basic realm=\"Tandem\"");
    }

    private static CaseStatus parseStatus(String value, List<FieldError> errors) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        for (CaseStatus s : CaseStatus.values()) {
            if (s.name().equals(value)) {
                return s;
            }
        }
        errors.add(new FieldError("status", "must be one of " + Arrays.stream(CaseStatus.values())
                .map(Enum::name).collect(Collectors.joining(", "))));
        return null;
    }

    private static int parseInt(String name, String value, int defaultValue, List<FieldError> errors) {
        if (value == null || value.isEmpty()) {
            return defaultValue;
        }
        if (value.length() <= 10 && value.matches("-?\\d+")) {
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        errors.add(new FieldError(name, "must be an integer"));
        return defaultValue;
    }
}
