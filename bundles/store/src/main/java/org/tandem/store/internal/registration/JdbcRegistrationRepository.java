package org.tandem.store.internal.registration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tandem.api.Page;
import org.tandem.api.registration.Registration;
import org.tandem.api.registration.RegistrationRepository;
import org.tandem.api.store.StoreInfo;
import org.tandem.store.internal.jdbc.Jdbc;

/** Registrations in plain JDBC; every read except {@link #activeMatching} is scoped to one agency. */
@Component(service = RegistrationRepository.class, configurationPid = "org.tandem.store")
public final class JdbcRegistrationRepository implements RegistrationRepository {

    private static final String COLUMNS = "id, agency_id, case_id, person_id, offender_id, created_by, created_at,"
            + " cancelled_at";

    private final DataSource dataSource;

    @Activate
    public JdbcRegistrationRepository(
            @Reference(name = "dataSource", target = "(dataSourceName=tandem)") DataSource dataSource,
            @Reference(name = "storeInfo") StoreInfo storeInfo) {
        this(dataSource);
    }

    public JdbcRegistrationRepository(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public void insert(Registration r) {
        Objects.requireNonNull(r, "registration");
        Jdbc.inTransaction(dataSource, "insert registration", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO registration (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, r.id());
                ps.setString(2, r.agencyId());
                ps.setString(3, r.caseId());
                ps.setString(4, r.personId());
                Jdbc.setString(ps, 5, r.offenderId());
                ps.setString(6, r.createdBy());
                Jdbc.setInstant(ps, 7, r.createdAt());
                Jdbc.setInstant(ps, 8, r.cancelledAt());
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public Optional<Registration> find(String agencyId, String id) {
        if (agencyId == null || id == null) {
            return Optional.empty();
        }
        return Jdbc.withConnection(dataSource, "find registration", c -> Jdbc.query(c, "SELECT " + COLUMNS
                + " FROM registration WHERE id = ? AND agency_id = ?", List.of(id, agencyId),
                JdbcRegistrationRepository::map)).stream().findFirst();
    }

    @Override
    public Page<Registration> listForCase(String agencyId, String caseId, int page, int size) {
        Objects.requireNonNull(agencyId, "agencyId");
        Objects.requireNonNull(caseId, "caseId");
        if (page < 0 || size < 1 || size > Page.MAX_SIZE) {
            throw new IllegalArgumentException("page >= 0 and 1 <= size <= " + Page.MAX_SIZE);
        }
        return Jdbc.withConnection(dataSource, "list registrations", c -> {
            List<String> params = List.of(agencyId, caseId);
            long total = Jdbc.query(c, "SELECT COUNT(*) FROM registration WHERE agency_id = ? AND case_id = ?",
                    params, rs -> rs.getLong(1)).get(0);
            List<Registration> items = new ArrayList<>();
            long offset = (long) page * size;
            if (offset < total) {
                items = page(c, "SELECT " + COLUMNS + " FROM registration WHERE agency_id = ? AND case_id = ?"
                        + " ORDER BY created_at, id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", params, offset, size);
            }
            return new Page<>(items, page, size, total);
        });
    }

    @Override
    public Optional<Registration> findActive(String agencyId, String caseId, String personId, String offenderId) {
        String offender = offenderId == null ? " AND offender_id IS NULL" : " AND offender_id = ?";
        List<String> params = new ArrayList<>(List.of(agencyId, caseId, personId));
        if (offenderId != null) {
            params.add(offenderId);
        }
        return Jdbc.withConnection(dataSource, "find active registration", c -> Jdbc.query(c, "SELECT " + COLUMNS
                + " FROM registration WHERE agency_id = ? AND case_id = ? AND person_id = ?" + offender
                + " AND cancelled_at IS NULL ORDER BY created_at, id", params, JdbcRegistrationRepository::map))
                .stream().findFirst();
    }

    @Override
    public List<Registration> activeMatching(String offenderId, String caseId) {
        if (offenderId == null && caseId == null) {
            return List.of();
        }
        StringBuilder where = new StringBuilder();
        List<String> params = new ArrayList<>();
        if (offenderId != null) {
            where.append("offender_id = ?");
            params.add(offenderId);
        }
        if (caseId != null) {
            if (where.length() > 0) {
                where.append(" OR ");
            }
            where.append("(case_id = ? AND offender_id IS NULL)");
            params.add(caseId);
        }
        return Jdbc.withConnection(dataSource, "match registrations", c -> Jdbc.query(c, "SELECT " + COLUMNS
                + " FROM registration WHERE cancelled_at IS NULL AND (" + where + ") ORDER BY case_id, created_at, id",
                params, JdbcRegistrationRepository::map));
    }

    @Override
    public boolean cancel(String agencyId, String id, Instant at) {
        return Jdbc.inTransaction(dataSource, "cancel registration", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE registration SET cancelled_at = ?"
                    + " WHERE id = ? AND agency_id = ? AND cancelled_at IS NULL")) {
                Jdbc.setInstant(ps, 1, at);
                ps.setString(2, id);
                ps.setString(3, agencyId);
                return ps.executeUpdate() == 1;
            }
        });
    }

    private static List<Registration> page(Connection c, String sql, List<String> params, long offset, int size)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            for (String p : params) {
                ps.setString(i++, p);
            }
            ps.setLong(i++, offset);
            ps.setLong(i, size);
            try (ResultSet rs = ps.executeQuery()) {
                List<Registration> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(map(rs));
                }
                return out;
            }
        }
    }

    private static Registration map(ResultSet rs) throws SQLException {
        return new Registration(rs.getString("id"), rs.getString("agency_id"), rs.getString("case_id"),
                rs.getString("person_id"), rs.getString("offender_id"), rs.getString("created_by"),
                Jdbc.getInstant(rs, "created_at"), Jdbc.getInstant(rs, "cancelled_at"));
    }
}
