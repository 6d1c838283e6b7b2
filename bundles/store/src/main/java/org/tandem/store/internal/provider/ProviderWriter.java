package org.tandem.store.internal.provider;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.tandem.api.referral.Provider;
import org.tandem.store.internal.jdbc.Jdbc;

/** Writes one provider row and its child rows inside the caller's transaction. */
final class ProviderWriter {

    private static final String[] CHILD_TABLES = {"provider_service", "provider_language", "provider_area",
        "provider_location"};

    private ProviderWriter() {
    }

    static void insert(Connection c, Provider p) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO provider (id, name, description, agency_id,"
                + " accepting_referrals, statewide, eligibility, opening_hours, phone, email, website, created_at,"
                + " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            Jdbc.setString(ps, 1, p.id());
            int i = bindFields(ps, 2, p);
            Jdbc.setInstant(ps, i++, p.createdAt());
            Jdbc.setInstant(ps, i, p.updatedAt());
            ps.executeUpdate();
        }
        insertChildren(c, p);
    }

    /** Replaces the row (keeping created_at) and all child rows. @return false when there is no such provider */
    static boolean update(Connection c, Provider p) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE provider SET name = ?, description = ?, agency_id = ?,"
                + " accepting_referrals = ?, statewide = ?, eligibility = ?, opening_hours = ?, phone = ?, email = ?,"
                + " website = ?, updated_at = ? WHERE id = ?")) {
            int i = bindFields(ps, 1, p);
            Jdbc.setInstant(ps, i++, p.updatedAt());
            Jdbc.setString(ps, i, p.id());
            if (ps.executeUpdate() == 0) {
                return false;
            }
        }
        for (String table : CHILD_TABLES) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE provider_id = ?")) {
                ps.setString(1, p.id());
                ps.executeUpdate();
            }
        }
        insertChildren(c, p);
        return true;
    }

    private static int bindFields(PreparedStatement ps, int start, Provider p) throws SQLException {
        int i = start;
        Jdbc.setString(ps, i++, p.name());
        Jdbc.setString(ps, i++, p.description());
        Jdbc.setString(ps, i++, p.agencyId());
        ps.setBoolean(i++, p.acceptingReferrals());
        ps.setBoolean(i++, p.serviceArea().statewide());
        Jdbc.setString(ps, i++, p.eligibility());
        Jdbc.setString(ps, i++, p.hours());
        Jdbc.setString(ps, i++, p.contact().phone());
        Jdbc.setString(ps, i++, p.contact().email());
        Jdbc.setString(ps, i++, p.contact().website());
        return i;
    }

    private record Area(String kind, int position, String value, String key) {
    }

    private static void insertChildren(Connection c, Provider p) throws SQLException {
        Jdbc.batch(c, "INSERT INTO provider_service (provider_id, position, category, name, description)"
                + " VALUES (?, ?, ?, ?, ?)", p.services(), (ps, pos, s) -> {
                    ps.setString(1, p.id());
                    ps.setInt(2, pos);
                    Jdbc.setEnum(ps, 3, s.category());
                    Jdbc.setString(ps, 4, s.name());
                    Jdbc.setString(ps, 5, s.description());
                });
        Jdbc.batch(c, "INSERT INTO provider_language (provider_id, position, language, primary_tag) VALUES (?, ?, ?, ?)",
                p.languages(), (ps, pos, lang) -> {
                    ps.setString(1, p.id());
                    ps.setInt(2, pos);
                    ps.setString(3, lang);
                    ps.setString(4, ProviderKeys.primaryTag(lang));
                });
        List<Area> areas = new ArrayList<>();
        List<String> counties = p.serviceArea().counties();
        for (int i = 0; i < counties.size(); i++) {
            areas.add(new Area("COUNTY", i, counties.get(i), ProviderKeys.countyKey(counties.get(i))));
        }
        List<String> zips = p.serviceArea().zipCodes();
        for (int i = 0; i < zips.size(); i++) {
            areas.add(new Area("ZIP", i, zips.get(i), zips.get(i).strip()));
        }
        Jdbc.batch(c, "INSERT INTO provider_area (provider_id, kind, position, area_value, area_key) VALUES (?, ?, ?, ?, ?)",
                areas, (ps, pos, a) -> {
                    ps.setString(1, p.id());
                    ps.setString(2, a.kind());
                    ps.setInt(3, a.position());
                    ps.setString(4, a.value());
                    ps.setString(5, a.key());
                });
        Jdbc.batch(c, "INSERT INTO provider_location (provider_id, position, name, address, city, county, state_code, zip)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", p.locations(), (ps, pos, l) -> {
                    ps.setString(1, p.id());
                    ps.setInt(2, pos);
                    Jdbc.setString(ps, 3, l.name());
                    Jdbc.setString(ps, 4, l.address());
                    Jdbc.setString(ps, 5, l.city());
                    Jdbc.setString(ps, 6, l.county());
                    Jdbc.setString(ps, 7, l.state());
                    Jdbc.setString(ps, 8, l.zip());
                });
    }
}
