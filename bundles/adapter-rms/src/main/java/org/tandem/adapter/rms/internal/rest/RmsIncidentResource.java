package org.tandem.adapter.rms.internal.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.security.Principal;

import javax.ws.rs.Consumes;
import javax.ws.rs.NotAuthorizedException;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.adapter.rms.internal.RmsIngest;
import org.tandem.adapter.rms.internal.niem.RejectedDocumentException;
import org.tandem.api.AccessDeniedException;
import org.tandem.api.Caller;
import org.tandem.api.Role;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code POST /rms/incidents}: an RMS posts a NIEM incident report ({@code application/xml}) as an integrator of
 * its agency. Served by the Tandem REST host, so authentication, TLS, the body-size limit and problem responses
 * are the platform's. 201 + Location for a new case, 200 for a supplement or a duplicate, 400 for XML that is not
 * acceptable (not well-formed, DTD/entities), 413 above the size limit, 422 for schema or business-rule errors
 * (every problem listed), 403 without the integrator role.
 */
@Component(service = RmsIncidentResource.class, property = {
        "tandem.rest.resource=true",
        "tandem.openapi=/openapi/rms.json" })
@Path("/rms/incidents")
public class RmsIncidentResource {

    private static final Logger LOG = LoggerFactory.getLogger(RmsIncidentResource.class);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final RmsIngest ingest;

    @Activate
    public RmsIncidentResource(@Reference(name = "ingest") RmsIngest ingest) {
        this.ingest = ingest;
    }

    @POST
    @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    @Produces(MediaType.APPLICATION_JSON)
    public Response post(InputStream body, @Context SecurityContext security, @Context UriInfo uri) {
        Caller caller = caller(security);
        if (!caller.hasAnyRole(Role.INTEGRATOR)) {
            throw new AccessDeniedException("role integrator required to submit RMS reports");
        }
        if (!caller.hasAgency()) {
            throw new AccessDeniedException("account has no agency");
        }
        byte[] document = read(body, ingest.maxDocumentBytes());
        RmsIngest.Result result;
        try {
            result = ingest.ingest(caller, document);
        } catch (RejectedDocumentException e) {
            throw new WebApplicationException(e.getMessage(), e.kind().status());
        } catch (IllegalStateException e) {
            LOG.warn("RMS report could not be stored: {}", e.getMessage());
            throw new WebApplicationException("The report could not be stored now; retry later", 503);
        }
        ObjectNode out = NODES.objectNode();
        if (result.duplicate()) {
            out.put("status", "DUPLICATE");
            return Response.ok(out).build();
        }
        out.put("status", result.created() ? "CREATED" : "SUPPLEMENTED");
        out.put("caseId", result.caseId());
        out.put("personsAdded", result.personsAdded());
        URI location = uri.getBaseUriBuilder().path("cases").path(result.caseId()).build();
        return (result.created() ? Response.created(location) : Response.ok().location(location)).entity(out).build();
    }

    private static byte[] read(InputStream body, long max) {
        if (body == null) {
            throw new WebApplicationException("An XML report is required as the request body", 400);
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
            if (total == 0) {
                throw new WebApplicationException("An XML report is required as the request body", 400);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new WebApplicationException("The request body could not be read", 400);
        }
    }

    private static Caller caller(SecurityContext security) {
        Principal principal = security == null ? null : security.getUserPrincipal();
        if (principal instanceof Caller caller) {
            return caller;
        }
        throw new NotAuthorizedException("authentication required", "Basic realm=\"Tandem\"");
    }
}
