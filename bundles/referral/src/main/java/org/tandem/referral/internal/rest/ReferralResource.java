package org.tandem.referral.internal.rest;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

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
import org.tandem.api.FieldError;
import org.tandem.api.Page;
import org.tandem.api.referral.NewReferral;
import org.tandem.api.referral.ReferralFilter;
import org.tandem.api.referral.ReferralService;
import org.tandem.api.referral.ReferralStatus;
import org.tandem.api.referral.ReferralView;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code /referrals}: create (consent required), move through the lifecycle, read and list. Each caller sees the
 * referrals its agency sent in full and those sent to a provider linked to its agency cut down to the consent.
 */
@Component(service = ReferralResource.class, property = "tandem.rest.resource=true")
@Path("/referrals")
public class ReferralResource {

    private final ReferralService referrals;

    @Activate
    public ReferralResource(@Reference(name = "referrals") ReferralService referrals) {
        this.referrals = referrals;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(JsonNode body, @Context SecurityContext security, @Context UriInfo uri) {
        Caller caller = RestSupport.caller(security);
        if (body == null || body.isMissingNode()) {
            throw new BadRequestException("a JSON request body is required");
        }
        NewReferral request = ReferralJson.read(body);
        ReferralView created = RestSupport.call(() -> referrals.create(caller, request));
        URI location = uri.getAbsolutePathBuilder().path(created.id()).build();
        return Response.created(location).entity(ReferralJson.write(created)).build();
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response get(@PathParam("id") String id, @Context SecurityContext security) {
        return referrals.get(RestSupport.caller(security), id).map(v -> Response.ok(ReferralJson.write(v)).build())
                .orElseThrow(() -> new NotFoundException("no such referral"));
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@QueryParam("status") String status, @QueryParam("provider") String provider,
            @QueryParam("overdue") String overdue, @QueryParam("page") String page, @QueryParam("size") String size,
            @Context SecurityContext security) {
        Caller caller = RestSupport.caller(security);
        List<FieldError> errors = new ArrayList<>();
        ReferralStatus s = RestSupport.enumParam("status", status, ReferralStatus.class, errors);
        boolean overdueOnly = RestSupport.boolParam("overdue", overdue, errors);
        int p = RestSupport.intParam("page", page, 0, errors);
        int n = RestSupport.intParam("size", size, Page.DEFAULT_SIZE, errors);
        if (provider != null && provider.length() > 64) {
            errors.add(new FieldError("provider", "a provider id of at most 64 characters"));
        }
        RestSupport.throwIfAny(errors);
        return Response.ok(ReferralJson.writePage(referrals.list(caller, new ReferralFilter(s,
                provider == null || provider.isBlank() ? null : provider, overdueOnly, p, n)))).build();
    }

    @POST
    @Path("{id}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response changeStatus(@PathParam("id") String id, JsonNode body, @Context SecurityContext security) {
        Caller caller = RestSupport.caller(security);
        if (body == null || body.isMissingNode()) {
            throw new BadRequestException("a JSON request body is required");
        }
        ReferralJson.StatusChange change = ReferralJson.readStatus(body);
        return Response.ok(ReferralJson.write(RestSupport.call(
                () -> referrals.changeStatus(caller, id, change.status(), change.reason())))).build();
    }
}
