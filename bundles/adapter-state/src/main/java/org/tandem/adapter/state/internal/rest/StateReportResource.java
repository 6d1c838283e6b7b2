package org.tandem.adapter.state.internal.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.adapter.state.internal.StateIngest;
import org.tandem.adapter.state.internal.feed.RejectedReportException;
import org.tandem.adapter.state.internal.feed.StateReport;
import org.tandem.api.AccessDeniedException;
import org.tandem.api.Caller;
import org.tandem.api.Role;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code POST /state/custody-reports} and {@code POST /state/court-reports}: the state's systems push reports
 * (XML or JSON) as an integrator. 202 with the number of events posted, 200 DUPLICATE for a report id already
 * processed, 400/413/422 for bad reports. The report is recorded before this answers.
 */
@Component(service = StateReportResource.class, property = "tandem.rest.resource=true")
@Path("/state")
public class StateReportResource {

    private static final Logger LOG = LoggerFactory.getLogger(StateReportResource.class);

    private final StateIngest ingest;

    @Activate
    public StateReportResource(@Reference(name = "ingest") StateIngest ingest) {
        this.ingest = ingest;
    }

    @POST
    @Path("custody-reports")
    @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML, MediaType.APPLICATION_JSON})
    @Produces(MediaType.APPLICATION_JSON)
    public Response custody(InputStream body, @Context SecurityContext security) {
        return post(StateReport.Kind.CUSTODY, body, security);
    }

    @POST
    @Path("court-reports")
    @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML, MediaType.APPLICATION_JSON})
    @Produces(MediaType.APPLICATION_JSON)
    public Response court(InputStream body, @Context SecurityContext security) {
        return post(StateReport.Kind.COURT, body, security);
    }

    private Response post(StateReport.Kind kind, InputStream body, SecurityContext security) {
        Caller caller = Json.caller(security);
        if (!caller.hasAnyRole(Role.INTEGRATOR)) {
            throw new AccessDeniedException("role integrator required to submit state reports");
        }
        byte[] report = read(body, ingest.maxReportBytes());
        StateIngest.Result result;
        try {
            result = ingest.ingest(kind, report);
        } catch (RejectedReportException e) {
            throw new WebApplicationException(e.getMessage(), e.status());
        } catch (IllegalStateException e) {
            LOG.warn("State report could not be processed: {}", e.getMessage());
            throw new WebApplicationException("The report could not be processed now; retry later", 503);
        }
        ObjectNode out = Json.NODES.objectNode();
        out.put("reportId", result.reportId());
        if (result.duplicate()) {
            out.put("status", "DUPLICATE");
            return Response.ok(out).build();
        }
        out.put("status", "PROCESSED");
        out.put("events", result.events());
        return Response.accepted(out).build();
    }

    private static byte[] read(InputStream body, long max) {
        if (body == null) {
            throw new WebApplicationException("A report is required as the request body", 400);
        }
        try (InputStream in = body) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            long total = 0;
            for (int n; (n = in.read(buffer)) != -1;) {
                total += n;
                if (total > max) {
                    throw new WebApplicationException("The report exceeds the limit of " + max + " bytes", 413);
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new WebApplicationException("The request body could not be read", 400);
        }
    }
}
