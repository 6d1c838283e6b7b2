package org.tandem.reports.internal.rest;

import java.util.List;


import javax.ws.rs.GET;
import javax.ws.rs.NotAuthorizedException;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tandem.api.Caller;
import org.tandem.api.FieldError;
import org.tandem.api.ValidationException;
import org.tandem.reports.internal.Quarter;
import org.tandem.reports.internal.ReferralOutcomes;
import org.tandem.reports.internal.ReportService;
import org.tandem.reports.internal.ReportTables;
import org.tandem.reports.internal.VocaReport;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code GET /reports/voca-pmt?quarter=2026Q4} and {@code GET /reports/referral-outcomes?quarter=2026Q4}: JSON, or
 * CSV with {@code Accept: text/csv} or {@code format=csv}. The caller's agency only; counts only.
 */
@Component(service = ReportResource.class, property = { "tandem.rest.resource=true",
        "tandem.openapi=/openapi/reports.json" })
@Path("/reports")
public class ReportResource {

    static final String CSV = "text/csv";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ReportService reports;

    @Activate
    public ReportResource(@Reference(name = "reports") ReportService reports) {
        this.reports = reports;
    }

    @GET
    @Path("voca-pmt")
    @Produces({ MediaType.APPLICATION_JSON, CSV })
    public Response voca(@QueryParam("quarter") String quarter, @QueryParam("format") String format,
            @Context HttpHeaders headers, @Context SecurityContext security) {
        VocaReport report = reports.voca(caller(security), quarter(quarter));
        return respond(report, ReportTables.voca(report), format, headers, "voca-pmt-" + report.quarter());
    }

    @GET
    @Path("referral-outcomes")
    @Produces({ MediaType.APPLICATION_JSON, CSV })
    public Response referralOutcomes(@QueryParam("quarter") String quarter, @QueryParam("format") String format,
            @Context HttpHeaders headers, @Context SecurityContext security) {
        ReferralOutcomes report = reports.referralOutcomes(caller(security), quarter(quarter));
        return respond(report, ReportTables.referralOutcomes(report), format, headers,
                "referral-outcomes-" + report.quarter());
    }

    private static Response respond(Object report, List<List<String>> table, String format, HttpHeaders headers,
            String name) {
        if (format != null && !format.equals("csv") && !format.equals("json")) {
            throw new ValidationException(List.of(new FieldError("format", "must be json or csv")));
        }
        boolean csv = "csv".equals(format) || (format == null && wantsCsv(headers));
        if (csv) {
            return Response.ok(ReportTables.csv(table), CSV + "; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"").build();
        }
        return Response.ok(JSON.valueToTree(report), MediaType.APPLICATION_JSON).build();
    }

    private static boolean wantsCsv(HttpHeaders headers) {
        List<MediaType> accepted = headers == null ? List.of() : headers.getAcceptableMediaTypes();
        return !accepted.isEmpty() && accepted.get(0).isCompatible(MediaType.valueOf(CSV))
                && !accepted.get(0).isWildcardType();
    }

    private static Quarter quarter(String text) {
        try {
            return Quarter.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ValidationException(List.of(new FieldError("quarter", e.getMessage())));
        }
    }

    private static Caller caller(SecurityContext security) {
        if (security != null && security.getUserPrincipal() instanceof Caller c) {
            return c;
        }
        throw new NotAuthorizedException("authentication required", "Basic realm=\"Tandem\"");
    }

}
