package org.tandem.security.internal.rest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.NoSuchElementException;

import javax.ws.rs.BadRequestException;
import javax.ws.rs.GET;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tandem.api.consent.ConsentService;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * {@code /consents/{id}} and {@code POST /consents/{id}/revoke} (immediate, kept as history; revoking again
 * returns the first revocation). Only the agency that owns the consent's case; any other caller gets 404.
 */
@Component(service = ConsentResource.class, property = "tandem.rest.resource=true")
@Path("/consents")
public class ConsentResource {

    static final int MAX_REVOKE_BODY = 8192;
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

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

    /**
     * The body ({@code {"reason": "..."}}) is optional: a bare {@code POST} revokes without a reason. It is read here
     * rather than by the host's JSON reader so that a request without body or content type is accepted too.
     */
    @POST
    @Path("{id}/revoke")
    @Produces(MediaType.APPLICATION_JSON)
    public Response revoke(@PathParam("id") String id, InputStream body, @Context SecurityContext security) {
        return doRevoke(id, reason(body), security);
    }

    static String reason(InputStream body) {
        if (body == null) {
            return null;
        }
        byte[] bytes;
        try (InputStream in = body) {
            bytes = in.readNBytes(MAX_REVOKE_BODY + 1);
        } catch (IOException e) {
            throw new BadRequestException("the request body cannot be read");
        }
        if (bytes.length > MAX_REVOKE_BODY) {
            throw new WebApplicationException("The request body exceeds " + MAX_REVOKE_BODY + " bytes", 413);
        }
        if (new String(bytes, StandardCharsets.UTF_8).isBlank()) {
            return null;
        }
        JsonNode node;
        try {
            node = STRICT.readTree(bytes);
        } catch (IOException e) {
            throw new BadRequestException("Malformed JSON: " + e.getMessage());
        }
        return ConsentJson.readReason(node);
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
