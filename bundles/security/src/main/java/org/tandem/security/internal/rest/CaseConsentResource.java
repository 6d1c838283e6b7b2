package org.tandem.security.internal.rest;

import java.net.URI;
import java.time.Clock;
import java.util.NoSuchElementException;

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
import javax.ws.rs.core.UriInfo;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tandem.api.Caller;
import org.tandem.api.consent.Consent;
import org.tandem.api.consent.ConsentService;
import org.tandem.api.consent.NewConsent;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code /cases/{caseId}/consents}: record a consent of a person on the case, list the case's consents (history
 * included). Only the agency that owns the case; any other caller gets 404.
 */
@Component(service = CaseConsentResource.class, property = {
        "tandem.rest.resource=true",
        "tandem.openapi=/openapi/consent.json" })
@Path("/cases/{caseId}/consents")
public class CaseConsentResource {

    private final ConsentService consents;
    private final Clock clock;

    @Activate
    public CaseConsentResource(@Reference(name = "consents") ConsentService consents) {
        this(consents, Clock.systemUTC());
    }

    CaseConsentResource(ConsentService consents, Clock clock) {
        this.consents = consents;
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response record(@PathParam("caseId") String caseId, JsonNode body, @Context SecurityContext security,
            @Context UriInfo uri) {
        Caller caller = Callers.of(security);
        if (body == null || body.isMissingNode()) {
            throw new BadRequestException("a JSON request body is required");
        }
        NewConsent request = ConsentJson.read(caseId, body);
        Consent recorded;
        try {
            recorded = consents.record(caller, request);
        } catch (NoSuchElementException e) {
            throw new NotFoundException(e.getMessage());
        }
        URI location = uri.getBaseUriBuilder().path("consents").path(recorded.id()).build();
        return Response.created(location).entity(ConsentJson.write(recorded, clock.instant())).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@PathParam("caseId") String caseId, @QueryParam("page") String page,
            @QueryParam("size") String size, @Context SecurityContext security) {
        Caller caller = Callers.of(security);
        try {
            return Response.ok(ConsentJson.writePage(Paging.page(consents.forCase(caller, caseId), page, size),
                    clock.instant())).build();
        } catch (NoSuchElementException e) {
            throw new NotFoundException(e.getMessage());
        }
    }
}
