package org.tandem.adapter.state.internal.rest;

import java.time.Clock;
import java.util.NoSuchElementException;
import java.util.Set;

import javax.ws.rs.BadRequestException;
import javax.ws.rs.Consumes;
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

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tandem.adapter.state.internal.StateConfig;
import org.tandem.adapter.state.internal.claims.ClaimService;
import org.tandem.api.Caller;
import org.tandem.api.cases.IntakeService;
import org.tandem.api.claims.Claim;
import org.tandem.api.claims.ClaimRepository;
import org.tandem.api.consent.DisclosureGate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code /cases/{id}/claims}: submit a victim-compensation claim for a person on the case (202: queued, the claim
 * routes send it) and list the case's claims with their delivery status. Needs the DisclosureGate (the claim
 * requires the person's SHARE_WITH_STATE consent).
 */
@Component(service = ClaimResource.class, configurationPid = StateConfig.PID, property = {
        "tandem.rest.resource=true" })
@Path("/cases/{caseId}/claims")
public class ClaimResource {

    private static final Set<String> FIELDS = Set.of("personId");

    private final ClaimService service;

    @Activate
    public ClaimResource(@Reference(name = "intake") IntakeService intake,
            @Reference(name = "claims") ClaimRepository claims, @Reference(name = "consents") DisclosureGate consents,
            StateConfig config) {
        this.service = new ClaimService(intake, claims, consents, config.stateAgencyId().strip(), Clock.systemUTC());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response submit(@PathParam("caseId") String caseId, JsonNode body, @Context SecurityContext security) {
        Caller caller = Json.caller(security);
        if (body == null || body.isMissingNode()) {
            throw new BadRequestException("a JSON request body is required");
        }
        ObjectNode in = Json.object(body, FIELDS);
        try {
            return Response.accepted(write(service.submit(caller, caseId, Json.text(in, "personId")))).build();
        } catch (NoSuchElementException e) {
            throw new NotFoundException("no such case");
        }
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@PathParam("caseId") String caseId, @QueryParam("page") String page,
            @QueryParam("size") String size, @Context SecurityContext security) {
        Caller caller = Json.caller(security);
        int[] paging = Json.paging(page, size);
        try {
            return Response.ok(Json.page(service.list(caller, caseId, paging[0], paging[1]), ClaimResource::write))
                    .build();
        } catch (NoSuchElementException e) {
            throw new NotFoundException("no such case");
        }
    }

    static ObjectNode write(Claim c) {
        ObjectNode out = Json.NODES.objectNode();
        out.put("id", c.id());
        out.put("caseId", c.caseId());
        out.put("personId", c.personId());
        out.put("status", c.status().name());
        out.put("attempts", c.attempts());
        Json.put(out, "lastError", c.lastError());
        Json.put(out, "stateReference", c.stateReference());
        Json.put(out, "createdBy", c.createdBy());
        Json.put(out, "createdAt", c.createdAt());
        Json.put(out, "updatedAt", c.updatedAt());
        Json.put(out, "deliveredAt", c.deliveredAt());
        return out;
    }
}
