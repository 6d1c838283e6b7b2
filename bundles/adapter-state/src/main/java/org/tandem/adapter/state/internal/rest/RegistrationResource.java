package org.tandem.adapter.state.internal.rest;

import java.net.URI;
import java.time.Clock;
import java.util.NoSuchElementException;
import java.util.Set;

import javax.ws.rs.BadRequestException;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
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
import org.tandem.adapter.state.internal.registration.RegistrationService;
import org.tandem.api.Caller;
import org.tandem.api.cases.IntakeService;
import org.tandem.api.registration.Registration;
import org.tandem.api.registration.RegistrationRepository;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code /registrations}: VINE-style registrations of persons on a case for events about an offender
 * ({@code offenderId}) or about the case. Other agencies' cases and registrations answer 404.
 */
@Component(service = RegistrationResource.class, property = {
        "tandem.rest.resource=true",
        "tandem.openapi=/openapi/state.json" })
@Path("/registrations")
public class RegistrationResource {

    private static final Set<String> FIELDS = Set.of("caseId", "personId", "offenderId");

    private final RegistrationService service;

    @Activate
    public RegistrationResource(@Reference(name = "intake") IntakeService intake,
            @Reference(name = "registrations") RegistrationRepository registrations) {
        this.service = new RegistrationService(intake, registrations, Clock.systemUTC());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response register(JsonNode body, @Context SecurityContext security, @Context UriInfo uri) {
        Caller caller = Json.caller(security);
        if (body == null || body.isMissingNode()) {
            throw new BadRequestException("a JSON request body is required");
        }
        ObjectNode in = Json.object(body, FIELDS);
        try {
            Registration r = service.register(caller, Json.text(in, "caseId"), Json.text(in, "personId"),
                    Json.text(in, "offenderId"));
            URI location = uri.getAbsolutePathBuilder().path(r.id()).build();
            return Response.created(location).entity(write(r)).build();
        } catch (NoSuchElementException e) {
            throw new NotFoundException("no such case");
        }
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@QueryParam("caseId") String caseId, @QueryParam("page") String page,
            @QueryParam("size") String size, @Context SecurityContext security) {
        Caller caller = Json.caller(security);
        int[] paging = Json.paging(page, size);
        try {
            return Response.ok(Json.page(service.listForCase(caller, caseId, paging[0], paging[1]),
                    RegistrationResource::write)).build();
        } catch (NoSuchElementException e) {
            throw new NotFoundException("no such case");
        }
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response get(@PathParam("id") String id, @Context SecurityContext security) {
        return Response.ok(write(service.get(Json.caller(security), id)
                .orElseThrow(() -> new NotFoundException("no such registration")))).build();
    }

    @DELETE
    @Path("{id}")
    public Response cancel(@PathParam("id") String id, @Context SecurityContext security) {
        if (!service.cancel(Json.caller(security), id)) {
            throw new NotFoundException("no such active registration");
        }
        return Response.noContent().build();
    }

    static ObjectNode write(Registration r) {
        ObjectNode out = Json.NODES.objectNode();
        out.put("id", r.id());
        out.put("caseId", r.caseId());
        out.put("personId", r.personId());
        out.put("scope", r.forOffender() ? "OFFENDER" : "CASE");
        Json.put(out, "offenderId", r.offenderId());
        out.put("active", r.active());
        Json.put(out, "createdBy", r.createdBy());
        Json.put(out, "createdAt", r.createdAt());
        Json.put(out, "cancelledAt", r.cancelledAt());
        return out;
    }
}
