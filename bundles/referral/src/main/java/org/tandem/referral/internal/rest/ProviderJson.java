package org.tandem.referral.internal.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.tandem.api.Page;
import org.tandem.api.cases.ServiceCategory;
import org.tandem.api.referral.ImportReport;
import org.tandem.api.referral.Provider;
import org.tandem.api.referral.ProviderContact;
import org.tandem.api.referral.ProviderLocation;
import org.tandem.api.referral.ProviderMatch;
import org.tandem.api.referral.ProviderService;
import org.tandem.api.referral.ServiceArea;
import org.tandem.referral.internal.json.JsonReader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The provider JSON contract (see openapi/referral.json: Provider, NewProvider, ProviderPage, ImportReport). */
final class ProviderJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> FIELDS = Set.of("name", "description", "agencyId", "acceptingReferrals", "services",
            "languages", "serviceArea", "eligibility", "hours", "contact", "locations");
    private static final Set<String> SERVICE = Set.of("category", "name", "description");
    private static final Set<String> AREA = Set.of("statewide", "counties", "zipCodes");
    private static final Set<String> CONTACT = Set.of("phone", "email", "website");
    private static final Set<String> LOCATION = Set.of("name", "address", "city", "county", "state", "zip");

    private ProviderJson() {
    }

    /** @throws org.tandem.api.ValidationException for unknown fields and wrong JSON types */
    static Provider read(JsonNode body) {
        JsonReader in = new JsonReader();
        ObjectNode root = in.root(body, FIELDS);
        String name = in.text(JsonReader.field(root, "name"), "name");
        String description = in.text(JsonReader.field(root, "description"), "description");
        String agencyId = in.text(JsonReader.field(root, "agencyId"), "agencyId");
        Boolean accepting = in.bool(JsonReader.field(root, "acceptingReferrals"), "acceptingReferrals");
        List<ProviderService> services = new ArrayList<>();
        ArrayNode serviceNodes = in.array(JsonReader.field(root, "services"), "services");
        for (int i = 0; serviceNodes != null && i < serviceNodes.size(); i++) {
            String p = "services[" + i + "]";
            ObjectNode s = in.object(serviceNodes.get(i), p, SERVICE);
            if (s != null) {
                ServiceCategory category = in.enumValue(JsonReader.field(s, "category"), p + ".category",
                        ServiceCategory.class);
                services.add(new ProviderService(category, in.text(JsonReader.field(s, "name"), p + ".name"),
                        in.text(JsonReader.field(s, "description"), p + ".description")));
            }
        }
        List<String> languages = in.texts(JsonReader.field(root, "languages"), "languages");
        ServiceArea area = ServiceArea.NONE;
        ObjectNode a = in.object(JsonReader.field(root, "serviceArea"), "serviceArea", AREA);
        if (a != null) {
            Boolean statewide = in.bool(JsonReader.field(a, "statewide"), "serviceArea.statewide");
            area = new ServiceArea(statewide != null && statewide,
                    in.texts(JsonReader.field(a, "counties"), "serviceArea.counties"),
                    in.texts(JsonReader.field(a, "zipCodes"), "serviceArea.zipCodes"));
        }
        String eligibility = in.text(JsonReader.field(root, "eligibility"), "eligibility");
        String hours = in.text(JsonReader.field(root, "hours"), "hours");
        ProviderContact contact = ProviderContact.NONE;
        ObjectNode c = in.object(JsonReader.field(root, "contact"), "contact", CONTACT);
        if (c != null) {
            contact = new ProviderContact(in.text(JsonReader.field(c, "phone"), "contact.phone"),
                    in.text(JsonReader.field(c, "email"), "contact.email"),
                    in.text(JsonReader.field(c, "website"), "contact.website"));
        }
        List<ProviderLocation> locations = new ArrayList<>();
        ArrayNode locationNodes = in.array(JsonReader.field(root, "locations"), "locations");
        for (int i = 0; locationNodes != null && i < locationNodes.size(); i++) {
            String p = "locations[" + i + "]";
            ObjectNode l = in.object(locationNodes.get(i), p, LOCATION);
            if (l != null) {
                locations.add(new ProviderLocation(in.text(JsonReader.field(l, "name"), p + ".name"),
                        in.text(JsonReader.field(l, "address"), p + ".address"),
                        in.text(JsonReader.field(l, "city"), p + ".city"),
                        in.text(JsonReader.field(l, "county"), p + ".county"),
                        in.text(JsonReader.field(l, "state"), p + ".state"),
                        in.text(JsonReader.field(l, "zip"), p + ".zip")));
            }
        }
        in.throwIfAny();
        return new Provider(null, name, description, agencyId, accepting == null || accepting, services, languages,
                area, eligibility, hours, contact, locations, null, null);
    }

    static ObjectNode write(Provider p) {
        ObjectNode out = NODES.objectNode();
        out.put("id", p.id());
        out.put("name", p.name());
        put(out, "description", p.description());
        put(out, "agencyId", p.agencyId());
        out.put("acceptingReferrals", p.acceptingReferrals());
        ArrayNode services = out.putArray("services");
        for (ProviderService s : p.services()) {
            ObjectNode service = services.addObject().put("category", s.category().name());
            put(service, "name", s.name());
            put(service, "description", s.description());
        }
        ArrayNode languages = out.putArray("languages");
        p.languages().forEach(languages::add);
        ObjectNode area = out.putObject("serviceArea");
        area.put("statewide", p.serviceArea().statewide());
        ArrayNode counties = area.putArray("counties");
        p.serviceArea().counties().forEach(counties::add);
        ArrayNode zips = area.putArray("zipCodes");
        p.serviceArea().zipCodes().forEach(zips::add);
        put(out, "eligibility", p.eligibility());
        put(out, "hours", p.hours());
        ObjectNode contact = out.putObject("contact");
        put(contact, "phone", p.contact().phone());
        put(contact, "email", p.contact().email());
        put(contact, "website", p.contact().website());
        ArrayNode locations = out.putArray("locations");
        for (ProviderLocation l : p.locations()) {
            ObjectNode location = locations.addObject();
            put(location, "name", l.name());
            put(location, "address", l.address());
            put(location, "city", l.city());
            put(location, "county", l.county());
            put(location, "state", l.state());
            put(location, "zip", l.zip());
        }
        put(out, "createdAt", p.createdAt() == null ? null : p.createdAt().toString());
        put(out, "updatedAt", p.updatedAt() == null ? null : p.updatedAt().toString());
        return out;
    }

    static ObjectNode writeMatches(Page<ProviderMatch> page) {
        ObjectNode out = NODES.objectNode();
        ArrayNode items = out.putArray("items");
        page.items().forEach(m -> items.add(write(m.provider()).put("languageMatch", m.languageMatch())));
        out.put("page", page.page());
        out.put("size", page.size());
        out.put("total", page.total());
        return out;
    }

    static ObjectNode writeReport(ImportReport report, boolean dryRun) {
        ObjectNode out = NODES.objectNode();
        out.put("applied", report.applied());
        out.put("dryRun", dryRun);
        out.put("rows", report.rows());
        out.put("created", report.created());
        out.put("updated", report.updated());
        out.set("errors", rowErrors(report));
        return out;
    }

    static ArrayNode rowErrors(ImportReport report) {
        ArrayNode errors = NODES.arrayNode();
        for (ImportReport.RowError e : report.errors()) {
            ObjectNode error = errors.addObject().put("row", e.row());
            if (e.line() > 0) {
                error.put("line", e.line());
            }
            put(error, "providerId", e.providerId());
            error.put("field", e.field()).put("message", e.message());
        }
        return errors;
    }

    private static void put(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }
}
