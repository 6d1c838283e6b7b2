package org.tandem.security.internal.rest;

import java.time.Clock;
import java.util.NoSuchElementException;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tandem.api.consent.ConsentService;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code /consents/{id}} and {@code POST /consents/{id}/revoke} (immediate, kept as history; revoking again
 * returns the first revocation). Only the agency that owns the consent's case; any other caller gets 404.
 */
@Component(service = ConsentResource.class, property = "tandem.rest.resource=true")
@Path("/consents")
public class ConsentResource {

    private final ConsentService consents;
    private final Clock clock;

    @Activate
    public ConsentResource(@Reference(name = "consents") ConsentService consents) {
        this(consents, Clock.systemUTC());
    }

    ConsentResource(ConsentService consents, Clock clock) {
        this.consents = consents;
        this.clock = clock;
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response get(@PathParam("id") String id, @Context SecurityContext security) {
        return consents.get(Callers.of(security), id)
                .map(c -> Response.ok(ConsentJson.write(c, clock.instant())).build())
                .orElseThrow(() -> new NotFoundException("no such consent"));
    }

    @POST
    @Path("{id}/revoke")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response revoke(@PathParam("id") String id, JsonNode body, @Context SecurityContext security) {
        String reason = body == null || body.isMissingNode() ? null : ConsentJson.readReason(body);
        return doRevoke(id, reason, security);
    }

    /** The same without a body (no reason given). */
    @POST
    @Path("{id}/revoke")
    @Produces(MediaType.APPLICATION_JSON)
    public Response revokeWithoutBody(@PathParam("id") String id, @Context SecurityContext security) {
        return doRevoke(id, null, security);
    }

    private Response doRevoke(String id, String reason, SecurityContext security) {
        try {
            return Response.ok(ConsentJson.write(consents.revoke(Callers.of(security), id, reason), clock.instant()))
                    .build();
        } catch (NoSuchElementException e) {
            throw new NotFoundException("no such consent");
        }
    }
}
