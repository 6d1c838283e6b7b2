package org.tandem.store.internal.provider;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tandem.api.cases.ServiceCategory;
import org.tandem.api.referral.Provider;
import org.tandem.api.referral.ProviderContact;
import org.tandem.api.referral.ProviderLocation;
import org.tandem.api.referral.ProviderService;
import org.tandem.api.referral.ServiceArea;
import org.tandem.store.internal.jdbc.Jdbc;

/**
 * Loads whole providers for a list of ids with one query per table ({@code provider_id IN (...)}), keeping the
 * order of the ids given.
 */
final class ProviderReader {

    static final String COLUMNS = "id, name, description, agency_id, accepting_referrals, statewide, eligibility,"
            + " opening_hours, phone, email, website, created_at, updated_at";

    private ProviderReader() {
    }

    private record Row(String id, String name, String description, String agencyId, boolean accepting,
            boolean statewide, String eligibility, String hours, ProviderContact contact, Instant createdAt,
            Instant updatedAt) {
    }

    /** @param ids at most {@link org.tandem.api.Page#MAX_SIZE} ids (one IN parameter each) */
    static List<Provider> load(Connection c, List<String> ids) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        String in = "(" + Jdbc.placeholders(ids.size()) + ")";
        Map<String, Row> rows = new HashMap<>();
        for (Row r : Jdbc.query(c, "SELECT " + COLUMNS + " FROM provider WHERE id IN " + in, ids, ProviderReader::row)) {
            rows.put(r.id(), r);
        }
        Map<String, List<ProviderService>> services = group(Jdbc.query(c, "SELECT provider_id, category, name,"
                + " description FROM provider_service WHERE provider_id IN " + in + " ORDER BY provider_id, position",
                ids, rs -> Map.entry(rs.getString(1), new ProviderService(ServiceCategory.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getString(4)))));
        Map<String, List<String>> languages = group(Jdbc.query(c, "SELECT provider_id, language FROM provider_language"
                + " WHERE provider_id IN " + in + " ORDER BY provider_id, position", ids,
                rs -> Map.entry(rs.getString(1), rs.getString(2))));
        Map<String, List<String>> counties = group(Jdbc.query(c, "SELECT provider_id, area_value FROM provider_area"
                + " WHERE kind = 'COUNTY' AND provider_id IN " + in + " ORDER BY provider_id, position", ids,
                rs -> Map.entry(rs.getString(1), rs.getString(2))));
        Map<String, List<String>> zips = group(Jdbc.query(c, "SELECT provider_id, area_value FROM provider_area"
                + " WHERE kind = 'ZIP' AND provider_id IN " + in + " ORDER BY provider_id, position", ids,
                rs -> Map.entry(rs.getString(1), rs.getString(2))));
        Map<String, List<ProviderLocation>> locations = group(Jdbc.query(c, "SELECT provider_id, name, address, city,"
                + " county, state_code, zip FROM provider_location WHERE provider_id IN " + in
                + " ORDER BY provider_id, position", ids, rs -> Map.entry(rs.getString(1), new ProviderLocation(
                        rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getString(7)))));
        List<Provider> out = new ArrayList<>(ids.size());
        for (String id : ids) {
            Row r = rows.get(id);
            if (r != null) {
                out.add(new Provider(r.id(), r.name(), r.description(), r.agencyId(), r.accepting(),
                        services.getOrDefault(id, List.of()), languages.getOrDefault(id, List.of()),
                        new ServiceArea(r.statewide(), counties.getOrDefault(id, List.of()),
                                zips.getOrDefault(id, List.of())),
                        r.eligibility(), r.hours(), r.contact(), locations.getOrDefault(id, List.of()),
                        r.createdAt(), r.updatedAt()));
            }
        }
        return out;
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getString("id"), rs.getString("name"), rs.getString("description"),
                rs.getString("agency_id"), rs.getBoolean("accepting_referrals"), rs.getBoolean("statewide"),
                rs.getString("eligibility"), rs.getString("opening_hours"),
                new ProviderContact(rs.getString("phone"), rs.getString("email"), rs.getString("website")),
                Jdbc.getInstant(rs, "created_at"), Jdbc.getInstant(rs, "updated_at"));
    }

    private static <T> Map<String, List<T>> group(List<Map.Entry<String, T>> rows) {
        Map<String, List<T>> out = new LinkedHashMap<>();
        for (Map.Entry<String, T> row : rows) {
            out.computeIfAbsent(row.getKey(), k -> new ArrayList<>()).add(row.getValue());
        }
        return out;
    }
}
