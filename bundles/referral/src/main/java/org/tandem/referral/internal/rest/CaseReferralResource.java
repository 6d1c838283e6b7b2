package org.tandem.referral.internal.rest;

import java.util.ArrayList;
import java.util.List;

import javax.ws.rs.GET;
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
import org.tandem.api.Caller;
import org.tandem.api.FieldError;
import org.tandem.api.Page;
import org.tandem.api.referral.ReferralService;

/**
 * {@code GET /cases/{id}/referrals}: the closed loop for the agency that owns the case: each referral's outcome
 * and timeline. Served by this bundle, so it disappears with {@code tandem-referral}; {@code /cases} stays.
 */
@Component(service = CaseReferralResource.class, property = "tandem.rest.resource=true")
@Path("/cases/{caseId}/referrals")
public class CaseReferralResource {

    private final ReferralService referrals;

    @Activate
    public CaseReferralResource(@Reference(name = "referrals") ReferralService referrals) {
        this.referrals = referrals;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@PathParam("caseId") String caseId, @QueryParam("page") String page,
            @QueryParam("size") String size, @Context SecurityContext security) {
        Caller caller = RestSupport.caller(security);
        List<FieldError> errors = new ArrayList<>();
        int p = RestSupport.intParam("page", page, 0, errors);
        int n = RestSupport.intParam("size", size, Page.DEFAULT_SIZE, errors);
        RestSupport.throwIfAny(errors);
        return Response.ok(ReferralJson.writePage(RestSupport.call(() -> referrals.forCase(caller, caseId, p, n))))
                .build();
    }
}
