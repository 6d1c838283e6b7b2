package org.tandem.referral.internal.rest;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.ws.rs.BadRequestException;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.StreamingOutput;
import javax.ws.rs.core.UriInfo;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tandem.api.Caller;
import org.tandem.api.FieldError;
import org.tandem.api.Page;
import org.tandem.api.cases.ServiceCategory;
import org.tandem.api.referral.ImportReport;
import org.tandem.api.referral.Provider;
import org.tandem.api.referral.ProviderDirectory;
import org.tandem.api.referral.ProviderFormat;
import org.tandem.api.referral.ProviderQuery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code /providers}: the directory. Admins add ({@code POST}), replace ({@code PUT /{id}}) and import
 * ({@code POST /import}, HSDS-style JSON or CSV, all rows or none); every Tandem role searches and exports.
 */
@Component(service = ProviderResource.class, property = {
        "tandem.rest.resource=true",
        "tandem.openapi=/openapi/referral.json" })
@Path("/providers")
public class ProviderResource {

    static final String TEXT_CSV = "text/csv";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ProviderDirectory directory;

    @Activate
    public ProviderResource(@Reference(name = "directory") ProviderDirectory directory) {
        this.directory = directory;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(JsonNode body, @Context SecurityContext security, @Context UriInfo uri) {
        Caller caller = RestSupport.caller(security);
        requireBody(body);
        Provider created = directory.create(caller, ProviderJson.read(body));
        URI location = uri.getAbsolutePathBuilder().path(created.id()).build();
        return Response.created(location).entity(ProviderJson.write(created)).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response update(@PathParam("id") String id, JsonNode body, @Context SecurityContext security) {
        Caller caller = RestSupport.caller(security);
        requireBody(body);
        Provider draft = ProviderJson.read(body);
        return Response.ok(ProviderJson.write(RestSupport.call(() -> directory.update(caller, id, draft)))).build();
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response get(@PathParam("id") String id, @Context SecurityContext security) {
        return directory.get(RestSupport.caller(security), id).map(p -> Response.ok(ProviderJson.write(p)).build())
                .orElseThrow(() -> new NotFoundException("no such provider"));
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response search(@QueryParam("service") String service, @QueryParam("language") String language,
            @QueryParam("area") String area, @QueryParam("q") String q, @QueryParam("page") String page,
            @QueryParam("size") String size, @Context SecurityContext security) {
        Caller caller = RestSupport.caller(security);
        List<FieldError> errors = new ArrayList<>();
        ServiceCategory category = RestSupport.enumParam("service", service, ServiceCategory.class, errors);
        int p = RestSupport.intParam("page", page, 0, errors);
        int s = RestSupport.intParam("size", size, Page.DEFAULT_SIZE, errors);
        RestSupport.throwIfAny(errors);
        return Response.ok(ProviderJson.writeMatches(directory.search(caller,
                new ProviderQuery(category, blankToNull(language), blankToNull(area), blankToNull(q), p, s)))).build();
    }

    @POST
    @Path("import")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response importJson(JsonNode body, @QueryParam("dryRun") String dryRun, @Context SecurityContext security) {
        requireBody(body);
        byte[] bytes;
        try {
            bytes = MAPPER.writeValueAsBytes(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BadRequestException("the JSON body cannot be re-read");
        }
        return importFile(ProviderFormat.JSON, new ByteArrayInputStream(bytes), dryRun, security);
    }

    @POST
    @Path("import")
    @Consumes(TEXT_CSV)
    @Produces(MediaType.APPLICATION_JSON)
    public Response importCsv(InputStream body, @QueryParam("dryRun") String dryRun, @Context SecurityContext security) {
        return importFile(ProviderFormat.CSV, body, dryRun, security);
    }

    private Response importFile(ProviderFormat format, InputStream content, String dryRun, SecurityContext security) {
        Caller caller = RestSupport.caller(security);
        List<FieldError> errors = new ArrayList<>();
        boolean dry = RestSupport.boolParam("dryRun", dryRun, errors);
        RestSupport.throwIfAny(errors);
        ImportReport report = directory.importProviders(caller, format, content, dry);
        if (!report.errors().isEmpty()) {
            return RestSupport.importRejected(report);
        }
        return Response.ok(ProviderJson.writeReport(report, dry)).build();
    }

    @GET
    @Path("export")
    @Produces({MediaType.APPLICATION_JSON, TEXT_CSV})
    public Response export(@QueryParam("format") String format, @Context SecurityContext security) {
        Caller caller = RestSupport.caller(security);
        List<FieldError> errors = new ArrayList<>();
        ProviderFormat f = RestSupport.enumParam("format", format == null ? "JSON" : format.toUpperCase(Locale.ROOT),
                ProviderFormat.class, errors);
        RestSupport.throwIfAny(errors);
        StreamingOutput body = out -> directory.export(caller, f, out);
        String type = f == ProviderFormat.CSV ? TEXT_CSV + "; charset=UTF-8" : MediaType.APPLICATION_JSON;
        return Response.ok(body, type).header("Content-Disposition", "attachment; filename=\"providers."
                + f.name().toLowerCase(Locale.ROOT) + "\"").build();
    }

    private static void requireBody(JsonNode body) {
        if (body == null || body.isMissingNode()) {
            throw new BadRequestException("a JSON request body is required");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
