package org.tandem.referral.internal.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.tandem.api.FieldError;
import org.tandem.api.ValidationException;
import org.tandem.api.cases.ServiceCategory;
import org.tandem.api.referral.Provider;
import org.tandem.api.referral.ProviderContact;
import org.tandem.api.referral.ProviderLocation;
import org.tandem.api.referral.ProviderService;
import org.tandem.api.referral.ServiceArea;
import org.tandem.referral.internal.json.JsonReader;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The directory in an Open Referral HSDS-style JSON document: {@code {"organizations":[...]}}, one organization
 * per provider with its {@code services} (classified by {@code taxonomy_terms} of the {@value #TAXONOMY} taxonomy,
 * whose codes are the service categories), {@code locations} with one physical address each, and the provider
 * level facts Tandem keeps as organization fields ({@code languages}, {@code service_areas},
 * {@code eligibility_description}, {@code schedules}, {@code accepting_referrals}, {@code tandem_agency_id}).
 * Fields Tandem does not keep are rejected rather than silently dropped; what {@link #write} writes reads back
 * unchanged.
 */
public final class HsdsJson {

    public static final String TAXONOMY = "tandem-service-category";
    public static final String FORMAT = "hsds-tandem/1";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> ROOT = Set.of("format", "organizations");
    private static final Set<String> ORGANIZATION = Set.of("id", "name", "description", "email", "website", "phones",
            "tandem_agency_id", "accepting_referrals", "languages", "service_areas", "eligibility_description",
            "schedules", "services", "locations");
    private static final Set<String> PHONE = Set.of("number");
    private static final Set<String> LANGUAGE = Set.of("code", "name");
    private static final Set<String> AREA = Set.of("name", "extent_type");
    private static final Set<String> SCHEDULE = Set.of("description");
    private static final Set<String> SERVICE = Set.of("id", "name", "description", "taxonomy_terms");
    private static final Set<String> TERM = Set.of("code", "taxonomy", "term");
    private static final Set<String> LOCATION = Set.of("id", "name", "addresses");
    private static final Set<String> ADDRESS = Set.of("address_1", "city", "region", "state_province", "postal_code",
            "country");
    private static final int MAX_DEPTH = 16;

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build()).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private HsdsJson() {
    }

    /** @throws ValidationException when the document as a whole is unusable */
    public static List<ParsedRow> read(InputStream in) {
        JsonNode doc;
        try (JsonParser parser = MAPPER.createParser(in)) {
            doc = MAPPER.readTree(parser);
        } catch (JsonProcessingException e) {
            throw new ValidationException("body", "not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
        } catch (IOException e) {
            throw new ValidationException("body", "cannot be read: " + e.getMessage());
        }
        return read(doc);
    }

    public static List<ParsedRow> read(JsonNode doc) {
        JsonReader in = new JsonReader();
        if (doc == null || !doc.isObject()) {
            throw new ValidationException("body", "a JSON object {\"organizations\":[...]} is required");
        }
        in.unknown((ObjectNode) doc, "", ROOT);
        ArrayNode organizations = in.array(JsonReader.field((ObjectNode) doc, "organizations"), "organizations");
        if (organizations == null && !in.hasErrors()) {
            in.reject("organizations", "required");
        }
        in.throwIfAny();
        List<ParsedRow> rows = new ArrayList<>();
        for (int i = 0; i < organizations.size(); i++) {
            rows.add(organization(i, organizations.get(i)));
        }
        return rows;
    }

    private static ParsedRow organization(int index, JsonNode node) {
        JsonReader in = new JsonReader();
        Map<String, String> paths = new HashMap<>();
        if (node == null || !node.isObject()) {
            in.reject("organization", "must be an object");
            return new ParsedRow(index + 1, 0, null, null, in.errors(), f -> f);
        }
        ObjectNode o = (ObjectNode) node;
        in.unknown(o, "", ORGANIZATION);
        String id = in.text(JsonReader.field(o, "id"), "id");
        String name = in.text(JsonReader.field(o, "name"), "name");
        String description = in.text(JsonReader.field(o, "description"), "description");
        String email = in.text(JsonReader.field(o, "email"), "email");
        String website = in.text(JsonReader.field(o, "website"), "website");
        String phone = null;
        ArrayNode phones = in.array(JsonReader.field(o, "phones"), "phones");
        if (phones != null && phones.size() > 1) {
            in.reject("phones", "one phone number per organization (the intake line)");
        } else if (phones != null && phones.size() == 1) {
            ObjectNode p = in.object(phones.get(0), "phones[0]", PHONE);
            phone = p == null ? null : in.text(JsonReader.field(p, "number"), "phones[0].number");
        }
        String agencyId = in.text(JsonReader.field(o, "tandem_agency_id"), "tandem_agency_id");
        Boolean accepting = in.bool(JsonReader.field(o, "accepting_referrals"), "accepting_referrals");
        List<String> languages = new ArrayList<>();
        ArrayNode langs = in.array(JsonReader.field(o, "languages"), "languages");
        for (int i = 0; langs != null && i < langs.size(); i++) {
            ObjectNode l = in.object(langs.get(i), "languages[" + i + "]", LANGUAGE);
            String code = l == null ? null : in.text(JsonReader.field(l, "code"), "languages[" + i + "].code");
            if (l != null && code == null) {
                in.reject("languages[" + i + "].code", "required");
            }
            if (code != null) {
                paths.put("languages[" + languages.size() + "]", "languages[" + i + "].code");
                languages.add(code);
            }
        }
        ServiceArea area = areas(in, in.array(JsonReader.field(o, "service_areas"), "service_areas"));
        String eligibility = in.text(JsonReader.field(o, "eligibility_description"), "eligibility_description");
        String hours = schedules(in, in.array(JsonReader.field(o, "schedules"), "schedules"));
        List<ProviderService> services = services(in, in.array(JsonReader.field(o, "services"), "services"), paths);
        List<ProviderLocation> locations = locations(in, in.array(JsonReader.field(o, "locations"), "locations"),
                paths);
        Provider provider = new Provider(id, name, description, agencyId, accepting == null || accepting, services,
                languages, area, eligibility, hours, new ProviderContact(phone, email, website), locations, null, null);
        return new ParsedRow(index + 1, 0, id, provider, in.errors(), fieldNames(paths));
    }

    private static ServiceArea areas(JsonReader in, ArrayNode areas) {
        boolean statewide = false;
        List<String> counties = new ArrayList<>();
        List<String> zips = new ArrayList<>();
        for (int i = 0; areas != null && i < areas.size(); i++) {
            String p = "service_areas[" + i + "]";
            ObjectNode a = in.object(areas.get(i), p, AREA);
            if (a == null) {
                continue;
            }
            String name = in.text(JsonReader.field(a, "name"), p + ".name");
            String type = in.text(JsonReader.field(a, "extent_type"), p + ".extent_type");
            if ("state".equals(type)) {
                statewide = true;
            } else if (name == null) {
                in.reject(p + ".name", "required");
            } else if ("county".equals(type)) {
                counties.add(name);
            } else if ("postal_code".equals(type)) {
                zips.add(name);
            } else {
                in.reject(p + ".extent_type", "county, postal_code or state");
            }
        }
        return new ServiceArea(statewide, counties, zips);
    }

    private static String schedules(JsonReader in, ArrayNode schedules) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; schedules != null && i < schedules.size(); i++) {
            ObjectNode s = in.object(schedules.get(i), "schedules[" + i + "]", SCHEDULE);
            String d = s == null ? null : in.text(JsonReader.field(s, "description"), "schedules[" + i + "].description");
            if (d != null && !d.isBlank()) {
                parts.add(d.strip());
            }
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    /** Each taxonomy term of a service becomes one provider service with that category. */
    private static List<ProviderService> services(JsonReader in, ArrayNode services, Map<String, String> paths) {
        List<ProviderService> out = new ArrayList<>();
        for (int i = 0; services != null && i < services.size(); i++) {
            String p = "services[" + i + "]";
            ObjectNode s = in.object(services.get(i), p, SERVICE);
            if (s == null) {
                continue;
            }
            in.text(JsonReader.field(s, "id"), p + ".id");
            String name = in.text(JsonReader.field(s, "name"), p + ".name");
            String description = in.text(JsonReader.field(s, "description"), p + ".description");
            ArrayNode terms = in.array(JsonReader.field(s, "taxonomy_terms"), p + ".taxonomy_terms");
            if (terms == null || terms.isEmpty()) {
                in.reject(p + ".taxonomy_terms", "at least one " + TAXONOMY + " term (its code is a service category)");
                continue;
            }
            for (int t = 0; t < terms.size(); t++) {
                String tp = p + ".taxonomy_terms[" + t + "]";
                ObjectNode term = in.object(terms.get(t), tp, TERM);
                if (term == null) {
                    continue;
                }
                String taxonomy = in.text(JsonReader.field(term, "taxonomy"), tp + ".taxonomy");
                in.text(JsonReader.field(term, "term"), tp + ".term");
                if (taxonomy != null && !TAXONOMY.equals(taxonomy)) {
                    in.reject(tp + ".taxonomy", "only " + TAXONOMY + " terms are understood");
                    continue;
                }
                if (JsonReader.field(term, "code") == null) {
                    in.reject(tp + ".code", "required");
                    continue;
                }
                ServiceCategory category = in.enumValue(JsonReader.field(term, "code"), tp + ".code",
                        ServiceCategory.class);
                if (category != null) {
                    paths.put("services[" + out.size() + "]", p);
                    out.add(new ProviderService(category, name, description));
                }
            }
        }
        return out;
    }

    private static List<ProviderLocation> locations(JsonReader in, ArrayNode locations, Map<String, String> paths) {
        List<ProviderLocation> out = new ArrayList<>();
        for (int i = 0; locations != null && i < locations.size(); i++) {
            String p = "locations[" + i + "]";
            ObjectNode l = in.object(locations.get(i), p, LOCATION);
            if (l == null) {
                continue;
            }
            in.text(JsonReader.field(l, "id"), p + ".id");
            String name = in.text(JsonReader.field(l, "name"), p + ".name");
            ArrayNode addresses = in.array(JsonReader.field(l, "addresses"), p + ".addresses");
            ObjectNode a = null;
            if (addresses != null && addresses.size() > 1) {
                in.reject(p + ".addresses", "one physical address per location");
            } else if (addresses != null && addresses.size() == 1) {
                a = in.object(addresses.get(0), p + ".addresses[0]", ADDRESS);
            }
            String ap = p + ".addresses[0]";
            String country = a == null ? null : in.text(JsonReader.field(a, "country"), ap + ".country");
            if (country != null && !"US".equals(country)) {
                in.reject(ap + ".country", "US");
            }
            int index = out.size();
            paths.put("locations[" + index + "].name", p + ".name");
            paths.put("locations[" + index + "].address", ap + ".address_1");
            paths.put("locations[" + index + "].city", ap + ".city");
            paths.put("locations[" + index + "].county", ap + ".region");
            paths.put("locations[" + index + "].state", ap + ".state_province");
            paths.put("locations[" + index + "].zip", ap + ".postal_code");
            out.add(new ProviderLocation(name, a == null ? null : in.text(JsonReader.field(a, "address_1"), ap + ".address_1"),
                    a == null ? null : in.text(JsonReader.field(a, "city"), ap + ".city"),
                    a == null ? null : in.text(JsonReader.field(a, "region"), ap + ".region"),
                    a == null ? null : in.text(JsonReader.field(a, "state_province"), ap + ".state_province"),
                    a == null ? null : in.text(JsonReader.field(a, "postal_code"), ap + ".postal_code")));
        }
        return out;
    }

    /** Provider JSON field names -> the organization's HSDS paths. */
    private static UnaryOperator<String> fieldNames(Map<String, String> paths) {
        return field -> {
            if (paths.containsKey(field)) {
                return paths.get(field);
            }
            int dot = field.indexOf('.');
            if (dot > 0 && paths.containsKey(field.substring(0, dot))) {
                return paths.get(field.substring(0, dot)) + field.substring(dot).replace(".category", ".taxonomy_terms");
            }
            return switch (field.startsWith("serviceArea") ? "serviceArea" : field) {
                case "agencyId" -> "tandem_agency_id";
                case "acceptingReferrals" -> "accepting_referrals";
                case "serviceArea" -> "service_areas";
                case "eligibility" -> "eligibility_description";
                case "hours" -> "schedules";
                case "contact.phone" -> "phones[0].number";
                case "contact.email" -> "email";
                case "contact.website" -> "website";
                default -> field;
            };
        };
    }

    // ------------------------------------------------------------------ write

    /** Streams the document: the organizations come from {@code pages} one page at a time. */
    public static void write(Iterable<Provider> providers, OutputStream out) throws IOException {
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeArrayFieldStart("organizations");
            for (Provider p : providers) {
                MAPPER.writeTree(g, organization(p));
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    static ObjectNode organization(Provider p) {
        ObjectNode o = NODES.objectNode();
        o.put("id", p.id());
        o.put("name", p.name());
        put(o, "description", p.description());
        put(o, "email", p.contact().email());
        put(o, "website", p.contact().website());
        if (p.contact().phone() != null) {
            o.putArray("phones").addObject().put("number", p.contact().phone());
        }
        put(o, "tandem_agency_id", p.agencyId());
        o.put("accepting_referrals", p.acceptingReferrals());
        ArrayNode languages = o.putArray("languages");
        p.languages().forEach(l -> languages.addObject().put("code", l));
        ArrayNode areas = o.putArray("service_areas");
        if (p.serviceArea().statewide()) {
            areas.addObject().put("extent_type", "state");
        }
        p.serviceArea().counties().forEach(c -> areas.addObject().put("name", c).put("extent_type", "county"));
        p.serviceArea().zipCodes().forEach(z -> areas.addObject().put("name", z).put("extent_type", "postal_code"));
        put(o, "eligibility_description", p.eligibility());
        if (p.hours() != null) {
            o.putArray("schedules").addObject().put("description", p.hours());
        }
        ArrayNode services = o.putArray("services");
        for (ProviderService s : p.services()) {
            ObjectNode service = services.addObject();
            put(service, "name", s.name());
            put(service, "description", s.description());
            service.putArray("taxonomy_terms").addObject().put("taxonomy", TAXONOMY).put("code", s.category().name());
        }
        ArrayNode locations = o.putArray("locations");
        for (ProviderLocation l : p.locations()) {
            ObjectNode location = locations.addObject();
            put(location, "name", l.name());
            ObjectNode a = location.putArray("addresses").addObject();
            put(a, "address_1", l.address());
            put(a, "city", l.city());
            put(a, "region", l.county());
            put(a, "state_province", l.state());
            put(a, "postal_code", l.zip());
            a.put("country", "US");
        }
        return o;
    }

    private static void put(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }
}
