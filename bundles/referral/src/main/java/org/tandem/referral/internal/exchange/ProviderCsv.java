package org.tandem.referral.internal.exchange;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.tandem.api.FieldError;
import org.tandem.api.ValidationException;
import org.tandem.api.cases.ServiceCategory;
import org.tandem.api.referral.Provider;
import org.tandem.api.referral.ProviderContact;
import org.tandem.api.referral.ProviderLocation;
import org.tandem.api.referral.ProviderService;
import org.tandem.api.referral.ServiceArea;

/**
 * The directory as CSV, one provider per row. Multi-valued columns ({@code services}, {@code languages},
 * {@code counties}, {@code zip_codes}) separate values with {@code ;}; a service is {@code CATEGORY} or
 * {@code CATEGORY=Service name}. CSV carries one location per provider and no service descriptions: use JSON for a
 * lossless exchange. Only {@code name} and {@code services} columns are required; columns may come in any order.
 */
public final class ProviderCsv {

    public static final List<String> COLUMNS = List.of("id", "name", "description", "agency_id", "accepting_referrals",
            "services", "languages", "statewide", "counties", "zip_codes", "eligibility", "hours", "phone", "email",
            "website", "location_name", "address", "city", "county", "state", "zip");
    private static final List<String> REQUIRED = List.of("name", "services");
    /** A header may repeat or add a few columns (each reported), not thousands. */
    static final int MAX_COLUMNS = 2 * 21; // twice COLUMNS.size()
    private static final String ALLOWED_CATEGORIES = Arrays.stream(ServiceCategory.values()).map(Enum::name)
            .collect(Collectors.joining(", "));
    /** Provider JSON field prefixes and the CSV column that holds them, most specific first. */
    private static final Map<String, String> COLUMN_OF = new LinkedHashMap<>();

    static {
        COLUMN_OF.put("agencyId", "agency_id");
        COLUMN_OF.put("acceptingReferrals", "accepting_referrals");
        COLUMN_OF.put("serviceArea.counties", "counties");
        COLUMN_OF.put("serviceArea.zipCodes", "zip_codes");
        COLUMN_OF.put("serviceArea", "statewide/counties/zip_codes");
        COLUMN_OF.put("contact.phone", "phone");
        COLUMN_OF.put("contact.email", "email");
        COLUMN_OF.put("contact.website", "website");
        COLUMN_OF.put("locations[0].name", "location_name");
        COLUMN_OF.put("locations[0].address", "address");
        COLUMN_OF.put("locations[0].city", "city");
        COLUMN_OF.put("locations[0].county", "county");
        COLUMN_OF.put("locations[0].state", "state");
        COLUMN_OF.put("locations[0].zip", "zip");
        COLUMN_OF.put("services", "services");
        COLUMN_OF.put("languages", "languages");
    }

    private ProviderCsv() {
    }

    /**
     * @throws ValidationException when the file as a whole is unusable (malformed quoting, no or bad header)
     */
    public static List<ParsedRow> read(String text) {
        List<Csv.Record> records;
        try {
            records = Csv.parse(text);
        } catch (Csv.MalformedCsvException e) {
            throw new ValidationException("body", "not valid CSV: " + e.getMessage());
        }
        if (records.isEmpty()) {
            throw new ValidationException("body", "empty file: a header row (" + String.join(",", COLUMNS)
                    + ") and one row per provider are expected");
        }
        Map<String, Integer> index = header(records.get(0));
        List<ParsedRow> rows = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            rows.add(row(r, records.get(r), index));
        }
        return rows;
    }

    private static Map<String, Integer> header(Csv.Record header) {
        if (header.fields().size() > MAX_COLUMNS) {
            // one error, not one per column: a header of a million columns made a million errors (and ran the
            // server out of memory building their message)
            throw new ValidationException("header", "has " + header.fields().size() + " columns; at most "
                    + MAX_COLUMNS + " (known: " + String.join(", ", COLUMNS) + ")");
        }
        List<FieldError> errors = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.fields().size(); i++) {
            String name = header.fields().get(i).strip().toLowerCase(Locale.ROOT);
            if (!COLUMNS.contains(name)) {
                errors.add(new FieldError("header", "unknown column '" + header.fields().get(i) + "' (known: "
                        + String.join(", ", COLUMNS) + ")"));
            } else if (index.putIfAbsent(name, i) != null) {
                errors.add(new FieldError("header", "column '" + name + "' appears twice"));
            }
        }
        for (String required : REQUIRED) {
            if (!index.containsKey(required)) {
                errors.add(new FieldError("header", "column '" + required + "' is required"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return index;
    }

    private static ParsedRow row(int row, Csv.Record record, Map<String, Integer> index) {
        List<FieldError> errors = new ArrayList<>();
        int expected = index.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        String id = get(record, index, "id");
        if (record.fields().size() != expected) {
            errors.add(new FieldError("row", "has " + record.fields().size() + " fields, the header has " + expected
                    + " (quote fields that contain commas)"));
            return new ParsedRow(row, record.line(), id, null, errors, ProviderCsv::column);
        }
        Boolean accepting = bool(get(record, index, "accepting_referrals"), "accepting_referrals", true, errors);
        Boolean statewide = bool(get(record, index, "statewide"), "statewide", false, errors);
        List<ProviderService> services = new ArrayList<>();
        for (String entry : split(get(record, index, "services"))) {
            int eq = entry.indexOf('=');
            String code = (eq < 0 ? entry : entry.substring(0, eq)).strip().toUpperCase(Locale.ROOT);
            String name = eq < 0 ? null : blankToNull(entry.substring(eq + 1));
            try {
                services.add(new ProviderService(ServiceCategory.valueOf(code), name, null));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("services", "unknown category '" + code + "' (known: " + ALLOWED_CATEGORIES
                        + ")"));
            }
        }
        List<ProviderLocation> locations = new ArrayList<>();
        ProviderLocation location = new ProviderLocation(get(record, index, "location_name"),
                get(record, index, "address"), get(record, index, "city"), get(record, index, "county"),
                get(record, index, "state"), get(record, index, "zip"));
        if (!location.equals(new ProviderLocation(null, null, null, null, null, null))) {
            locations.add(location);
        }
        Provider provider = new Provider(id, get(record, index, "name"), get(record, index, "description"),
                get(record, index, "agency_id"), accepting == null || accepting, services,
                split(get(record, index, "languages")),
                new ServiceArea(statewide != null && statewide, split(get(record, index, "counties")),
                        split(get(record, index, "zip_codes"))),
                get(record, index, "eligibility"), get(record, index, "hours"),
                new ProviderContact(get(record, index, "phone"), get(record, index, "email"),
                        get(record, index, "website")),
                locations, null, null);
        return new ParsedRow(row, record.line(), id, provider, errors, ProviderCsv::column);
    }

    /** The CSV column a provider field lives in. */
    static String column(String field) {
        for (Map.Entry<String, String> e : COLUMN_OF.entrySet()) {
            if (field.equals(e.getKey()) || field.startsWith(e.getKey() + ".") || field.startsWith(e.getKey() + "[")) {
                return e.getValue();
            }
        }
        return field;
    }

    public static String header() {
        return Csv.line(COLUMNS);
    }

    public static String write(Provider p) {
        ProviderLocation l = p.locations().isEmpty() ? null : p.locations().get(0);
        String services = p.services().stream()
                .map(s -> s.category().name() + (s.name() == null ? "" : "=" + s.name().replace(';', ',')))
                .collect(Collectors.joining(";"));
        return Csv.line(Arrays.asList(p.id(), p.name(), p.description(), p.agencyId(),
                Boolean.toString(p.acceptingReferrals()), services, String.join(";", p.languages()),
                Boolean.toString(p.serviceArea().statewide()), String.join(";", p.serviceArea().counties()),
                String.join(";", p.serviceArea().zipCodes()), p.eligibility(), p.hours(), p.contact().phone(),
                p.contact().email(), p.contact().website(), l == null ? null : l.name(), l == null ? null : l.address(),
                l == null ? null : l.city(), l == null ? null : l.county(), l == null ? null : l.state(),
                l == null ? null : l.zip()));
    }

    private static String get(Csv.Record record, Map<String, Integer> index, String column) {
        Integer i = index.get(column);
        return i == null || i >= record.fields().size() ? null : blankToNull(record.fields().get(i));
    }

    private static List<String> split(String value) {
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(value.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static Boolean bool(String value, String column, boolean fallback, List<FieldError> errors) {
        if (value == null) {
            return fallback;
        }
        switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1":
                return true;
            case "false", "no", "n", "0":
                return false;
            default:
                errors.add(new FieldError(column, "true or false, not '" + value + "'"));
                return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
