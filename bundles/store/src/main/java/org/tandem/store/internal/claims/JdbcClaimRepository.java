package org.tandem.store.internal.claims;

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
import org.tandem.api.claims.Claim;
import org.tandem.api.claims.ClaimRepository;
import org.tandem.api.claims.ClaimStatus;
import org.tandem.api.store.StoreInfo;
import org.tandem.store.internal.jdbc.Jdbc;

/**
 * Compensation claims in plain JDBC. Status changes are compare-and-set UPDATEs ({@code WHERE status IN
 * (...)}), so two senders (or a sender and the console) never both move one claim.
 */
@Component(service = ClaimRepository.class, configurationPid = "org.tandem.store")
public final class JdbcClaimRepository implements ClaimRepository {

    private static final String COLUMNS = "id, agency_id, case_id, person_id, status, attempts, last_error,"
            + " state_reference, created_by, created_at, updated_at, delivered_at";
    private static final int MAX_ERROR = 2000;

    private final DataSource dataSource;

    @Activate
    public JdbcClaimRepository(
            @Reference(name = "dataSource", target = "(dataSourceName=tandem)") DataSource dataSource,
            @Reference(name = "storeInfo") StoreInfo storeInfo) {
        this(dataSource);
    }

    public JdbcClaimRepository(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public void insert(Claim claim) {
        Objects.requireNonNull(claim, "claim");
        Jdbc.inTransaction(dataSource, "insert claim", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO compensation_claim (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, claim.id());
                ps.setString(2, claim.agencyId());
                ps.setString(3, claim.caseId());
                ps.setString(4, claim.personId());
                Jdbc.setEnum(ps, 5, claim.status());
                ps.setInt(6, claim.attempts());
                Jdbc.setString(ps, 7, truncate(claim.lastError()));
                Jdbc.setString(ps, 8, claim.stateReference());
                ps.setString(9, claim.createdBy());
                Jdbc.setInstant(ps, 10, claim.createdAt());
                Jdbc.setInstant(ps, 11, claim.updatedAt());
                Jdbc.setInstant(ps, 12, claim.deliveredAt());
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public Optional<Claim> find(String agencyId, String id) {
        if (agencyId == null || id == null) {
            return Optional.empty();
        }
        return Jdbc.withConnection(dataSource, "find claim", c -> Jdbc.query(c, "SELECT " + COLUMNS
                + " FROM compensation_claim WHERE id = ? AND agency_id = ?", List.of(id, agencyId),
                JdbcClaimRepository::map)).stream().findFirst();
    }

    @Override
    public Optional<Claim> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        return Jdbc.withConnection(dataSource, "find claim", c -> Jdbc.query(c, "SELECT " + COLUMNS
                + " FROM compensation_claim WHERE id = ?", List.of(id), JdbcClaimRepository::map)).stream().findFirst();
    }

    @Override
    public Page<Claim> listForCase(String agencyId, String caseId, int page, int size) {
        Objects.requireNonNull(agencyId, "agencyId");
        Objects.requireNonNull(caseId, "caseId");
        if (page < 0 || size < 1 || size > Page.MAX_SIZE) {
            throw new IllegalArgumentException("page >= 0 and 1 <= size <= " + Page.MAX_SIZE);
        }
        return Jdbc.withConnection(dataSource, "list claims", c -> {
            List<String> params = List.of(agencyId, caseId);
            long total = Jdbc.query(c, "SELECT COUNT(*) FROM compensation_claim WHERE agency_id = ? AND case_id = ?",
                    params, rs -> rs.getLong(1)).get(0);
            long offset = (long) page * size;
            List<Claim> items = offset >= total ? List.of() : select(c, "SELECT " + COLUMNS + " FROM compensation_claim"
                    + " WHERE agency_id = ? AND case_id = ? ORDER BY created_at DESC, id OFFSET ? ROWS FETCH NEXT ? ROWS"
                    + " ONLY", params, offset, size);
            return new Page<>(items, page, size, total);
        });
    }

    @Override
    public List<Claim> due(Instant staleBefore, int max) {
        return Jdbc.withConnection(dataSource, "due claims", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM compensation_claim"
                    + " WHERE status = ? OR (status = ? AND updated_at < ?) ORDER BY updated_at, id"
                    + " OFFSET 0 ROWS FETCH NEXT ? ROWS ONLY")) {
                Jdbc.setEnum(ps, 1, ClaimStatus.QUEUED);
                Jdbc.setEnum(ps, 2, ClaimStatus.SENDING);
                Jdbc.setInstant(ps, 3, staleBefore);
                ps.setInt(4, Math.max(1, max));
                return rows(ps);
            }
        });
    }

    @Override
    public boolean transition(String id, List<ClaimStatus> from, ClaimStatus to, boolean countAttempt,
            String lastError, String stateReference, Instant at) {
        if (from.isEmpty()) {
            throw new IllegalArgumentException("from must name at least one status");
        }
        String sql = "UPDATE compensation_claim SET status = ?, updated_at = ?"
                + (countAttempt ? ", attempts = attempts + 1" : "")
                + (lastError != null ? ", last_error = ?" : "")
                + (stateReference != null ? ", state_reference = ?" : "")
                + (to == ClaimStatus.DELIVERED ? ", delivered_at = ?" : "")
                + " WHERE id = ? AND status IN (" + Jdbc.placeholders(from.size()) + ")";
        return Jdbc.inTransaction(dataSource, "claim " + id + " -> " + to, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                Jdbc.setEnum(ps, i++, to);
                Jdbc.setInstant(ps, i++, at);
                if (lastError != null) {
                    ps.setString(i++, truncate(lastError));
                }
                if (stateReference != null) {
                    ps.setString(i++, stateReference);
                }
                if (to == ClaimStatus.DELIVERED) {
                    Jdbc.setInstant(ps, i++, at);
                }
                ps.setString(i++, id);
                for (ClaimStatus s : from) {
                    Jdbc.setEnum(ps, i++, s);
                }
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public boolean resubmit(String id, Instant at) {
        return Jdbc.inTransaction(dataSource, "resubmit claim " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE compensation_claim SET status = ?, attempts = 0,"
                    + " updated_at = ? WHERE id = ? AND status = ?")) {
                Jdbc.setEnum(ps, 1, ClaimStatus.QUEUED);
                Jdbc.setInstant(ps, 2, at);
                ps.setString(3, id);
                Jdbc.setEnum(ps, 4, ClaimStatus.DEAD);
                return ps.executeUpdate() == 1;
            }
        });
    }

    private static List<Claim> select(Connection c, String sql, List<String> params, long offset, int size)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            for (String p : params) {
                ps.setString(i++, p);
            }
            ps.setLong(i++, offset);
            ps.setLong(i, size);
            return rows(ps);
        }
    }

    private static List<Claim> rows(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            List<Claim> out = new ArrayList<>();
            while (rs.next()) {
                out.add(map(rs));
            }
            return out;
        }
    }

    private static Claim map(ResultSet rs) throws SQLException {
        return new Claim(rs.getString("id"), rs.getString("agency_id"), rs.getString("case_id"),
                rs.getString("person_id"), ClaimStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
                rs.getString("last_error"), rs.getString("state_reference"), rs.getString("created_by"),
                Jdbc.getInstant(rs, "created_at"), Jdbc.getInstant(rs, "updated_at"),
                Jdbc.getInstant(rs, "delivered_at"));
    }

    private static String truncate(String s) {
        return s == null || s.length() <= MAX_ERROR ? s : s.substring(0, MAX_ERROR - 1) + "\u2026";
    }
}
