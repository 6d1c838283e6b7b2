package org.tandem.store.internal.agency;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import javax.sql.DataSource;

import org.tandem.api.store.Agency;
import org.tandem.api.store.AgencyKind;
import org.tandem.api.store.AgencyRepository;
import org.tandem.store.internal.jdbc.Jdbc;
import org.tandem.store.internal.jdbc.StoreException;

/**
 * Agencies in plain JDBC. {@link #save} is a portable upsert, since no upsert syntax is shared by both
 * engines (ON CONFLICT is PostgreSQL-only, Derby's MERGE wants a table source, and neither MERGE is
 * race-free): UPDATE, INSERT when nothing was updated, and if a concurrent writer inserted the same id in
 * between, UPDATE again.
 */
public final class JdbcAgencyRepository implements AgencyRepository {

    private static final String COLUMNS = "id, kind, name";

    private final DataSource dataSource;

    public JdbcAgencyRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void save(Agency agency) {
        Objects.requireNonNull(agency, "agency");
        try {
            Jdbc.inTransaction(dataSource, "save agency", c -> {
                if (update(c, agency) == 0) {
                    insert(c, agency);
                }
                return null;
            });
        } catch (StoreException e) {
            if (!e.isDuplicateKey()) {
                throw e;
            }
            // lost the insert race: the row exists now, so this update cannot miss (nothing deletes agencies)
            Jdbc.inTransaction(dataSource, "save agency", c -> update(c, agency));
        }
    }

    @Override
    public Optional<Agency> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        return Jdbc.withConnection(dataSource, "find agency", c -> Jdbc.query(c,
                "SELECT " + COLUMNS + " FROM agency WHERE id = ?", List.of(id), JdbcAgencyRepository::map))
                .stream().findFirst();
    }

    @Override
    public List<Agency> list() {
        return Jdbc.withConnection(dataSource, "list agencies", c -> Jdbc.query(c,
                "SELECT " + COLUMNS + " FROM agency ORDER BY name, id", List.of(), JdbcAgencyRepository::map));
    }

    private static int update(Connection c, Agency agency) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE agency SET kind = ?, name = ? WHERE id = ?")) {
            Jdbc.setEnum(ps, 1, agency.kind());
            Jdbc.setString(ps, 2, agency.name());
            Jdbc.setString(ps, 3, agency.id());
            return ps.executeUpdate();
        }
    }

    private static void insert(Connection c, Agency agency) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO agency (id, kind, name) VALUES (?, ?, ?)")) {
            Jdbc.setString(ps, 1, agency.id());
            Jdbc.setEnum(ps, 2, agency.kind());
            Jdbc.setString(ps, 3, agency.name());
            ps.executeUpdate();
        }
    }

    private static Agency map(ResultSet rs) throws SQLException {
        return new Agency(rs.getString("id"), AgencyKind.valueOf(rs.getString("kind")), rs.getString("name"));
    }
}
