package org.tandem.store.internal.cases;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

import javax.sql.DataSource;

import org.tandem.api.Page;
import org.tandem.api.TandemTopics;
import org.tandem.api.cases.CaseEvents;
import org.tandem.api.cases.CaseQuery;
import org.tandem.api.cases.CaseRepository;
import org.tandem.api.cases.CaseStatus;
import org.tandem.api.cases.CaseStatusConflictException;
import org.tandem.api.cases.Person;
import org.tandem.api.cases.VictimCase;
import org.tandem.store.internal.event.JournalWriter;
import org.tandem.store.internal.jdbc.Jdbc;

/**
 * Cases in plain JDBC. Tenancy is part of every WHERE clause, so another agency's case is never even
 * loaded. Instants are kept with millisecond precision (see {@link Jdbc#toStored}).
 */
public final class JdbcCaseRepository implements CaseRepository {

    private final DataSource dataSource;

    public JdbcCaseRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void insert(VictimCase victimCase) {
        Objects.requireNonNull(victimCase, "victimCase");
        Jdbc.inTransaction(dataSource, "insert case", c -> {
            CaseWriter.insert(c, victimCase);
            // same transaction: the event exists exactly when the case does (last: see JournalWriter)
            JournalWriter.append(c, List.of(new JournalWriter.Event(TandemTopics.CASE_OPENED,
                    CaseEvents.opened(victimCase))), Instant.now());
            return null;
        });
    }

    @Override
    public Optional<VictimCase> find(String agencyId, String caseId) {
        if (agencyId == null || caseId == null) {
            return Optional.empty();
        }
        return Jdbc.withConnection(dataSource, "find case", c -> {
            List<CaseRowMapper.CaseRow> rows = Jdbc.query(c, "SELECT " + CaseRowMapper.CASE_COLUMNS
                    + " FROM victim_case WHERE id = ? AND agency_id = ?", List.of(caseId, agencyId),
                    CaseRowMapper::caseRow);
            return rows.isEmpty() ? Optional.empty() : Optional.of(withChildren(c, rows).get(0));
        });
    }

    /**
     * @throws IllegalArgumentException without an agency, with a negative page or a size outside
     *         1..{@link Page#MAX_SIZE}
     */
    @Override
    public Page<VictimCase> search(CaseQuery query) {
        check(query);
        StringBuilder where = new StringBuilder(" WHERE agency_id = ?");
        List<String> params = new ArrayList<>(List.of(query.agencyId()));
        if (query.status() != null) {
            where.append(" AND status = ?");
            params.add(query.status().name());
        }
        if (query.incidentNumber() != null) {
            where.append(" AND incident_number = ?");
            params.add(query.incidentNumber());
        }
        long offset = (long) query.page() * query.size();
        return Jdbc.withConnection(dataSource, "search cases", c -> {
            long total = Jdbc.query(c, "SELECT COUNT(*) FROM victim_case" + where, params, rs -> rs.getLong(1))
                    .get(0);
            if (offset >= total) {
                return new Page<>(List.of(), query.page(), query.size(), total);
            }
            List<CaseRowMapper.CaseRow> rows = page(c, "SELECT " + CaseRowMapper.CASE_COLUMNS + " FROM victim_case"
                    + where + " ORDER BY created_at DESC, id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", params, offset,
                    query.size());
            return new Page<>(withChildren(c, rows), query.page(), query.size(), total);
        });
    }

    @Override
    public long count(String agencyId) {
        Objects.requireNonNull(agencyId, "agencyId");
        return Jdbc.withConnection(dataSource, "count cases", c -> Jdbc.query(c,
                "SELECT COUNT(*) FROM victim_case WHERE agency_id = ?", List.of(agencyId), rs -> rs.getLong(1))
                .get(0));
    }

    @Override
    public Optional<VictimCase> findByIncident(String agencyId, String ori, String incidentNumber) {
        if (agencyId == null || ori == null || incidentNumber == null) {
            return Optional.empty();
        }
        return Jdbc.withConnection(dataSource, "find case by incident", c -> {
            List<CaseRowMapper.CaseRow> rows = page(c, "SELECT " + CaseRowMapper.CASE_COLUMNS + " FROM victim_case"
                    + " WHERE agency_id = ? AND incident_number = ? AND incident_ori = ?"
                    + " ORDER BY created_at, id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
                    List.of(agencyId, incidentNumber, ori), 0, 1);
            return rows.isEmpty() ? Optional.empty() : Optional.of(withChildren(c, rows).get(0));
        });
    }

    /**
     * The UPDATE of the case row comes first: it proves the case belongs to the agency and locks the row, so
     * concurrent additions to one case serialise and take consecutive positions.
     */
    @Override
    public void addPersons(String agencyId, String caseId, List<Person> persons, Instant updatedAt) {
        Objects.requireNonNull(persons, "persons");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Jdbc.inTransaction(dataSource, "add persons to case", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE victim_case SET updated_at = ? WHERE id = ? AND agency_id = ?")) {
                Jdbc.setInstant(ps, 1, updatedAt);
                Jdbc.setString(ps, 2, caseId);
                Jdbc.setString(ps, 3, agencyId);
                if (ps.executeUpdate() == 0) {
                    throw new NoSuchElementException("no case " + caseId + " in agency " + agencyId);
                }
            }
            int next = Jdbc.query(c, "SELECT COALESCE(MAX(position) + 1, 0) FROM case_person WHERE case_id = ?",
                    List.of(caseId), rs -> rs.getInt(1)).get(0);
            CaseWriter.insertPersons(c, caseId, persons, next);
            return null;
        });
    }

    /**
     * The conditional UPDATE comes first: it locks the row and changes it only when it is open, so two closings
     * race to one winner. The CASE_CLOSED event is journaled in the same transaction (last, see JournalWriter).
     */
    @Override
    public VictimCase close(String agencyId, String caseId, String closedBy, String reason, Instant closedAt) {
        Objects.requireNonNull(closedAt, "closedAt");
        Instant at = Jdbc.toStored(closedAt);
        return Jdbc.inTransaction(dataSource, "close case", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE victim_case SET status = ?, closed_at = ?,"
                    + " closed_by = ?, close_reason = ?, updated_at = ? WHERE id = ? AND agency_id = ? AND status = ?")) {
                ps.setString(1, CaseStatus.CLOSED.name());
                Jdbc.setInstant(ps, 2, at);
                Jdbc.setString(ps, 3, closedBy);
                Jdbc.setString(ps, 4, reason);
                Jdbc.setInstant(ps, 5, at);
                Jdbc.setString(ps, 6, caseId);
                Jdbc.setString(ps, 7, agencyId);
                ps.setString(8, CaseStatus.OPEN.name());
                if (ps.executeUpdate() == 0) {
                    throw notChanged(c, agencyId, caseId, "already closed");
                }
            }
            VictimCase closed = load(c, agencyId, caseId);
            JournalWriter.append(c, List.of(new JournalWriter.Event(TandemTopics.CASE_CLOSED,
                    CaseEvents.closed(closed, closedBy, at))), Instant.now());
            return closed;
        });
    }

    @Override
    public VictimCase reopen(String agencyId, String caseId, String reopenedBy, Instant reopenedAt) {
        Objects.requireNonNull(reopenedAt, "reopenedAt");
        return Jdbc.inTransaction(dataSource, "reopen case", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE victim_case SET status = ?, closed_at = NULL,"
                    + " closed_by = NULL, close_reason = NULL, updated_at = ? WHERE id = ? AND agency_id = ?"
                    + " AND status = ?")) {
                ps.setString(1, CaseStatus.OPEN.name());
                Jdbc.setInstant(ps, 2, Jdbc.toStored(reopenedAt));
                Jdbc.setString(ps, 3, caseId);
                Jdbc.setString(ps, 4, agencyId);
                ps.setString(5, CaseStatus.CLOSED.name());
                if (ps.executeUpdate() == 0) {
                    throw notChanged(c, agencyId, caseId, "open");
                }
            }
            return load(c, agencyId, caseId);
        });
    }

    /** Why a status change touched no row: no such case (of this agency), or it is not in the expected status. */
    private static RuntimeException notChanged(Connection c, String agencyId, String caseId, String what)
            throws SQLException {
        List<String> status = Jdbc.query(c, "SELECT status FROM victim_case WHERE id = ? AND agency_id = ?",
                Arrays.asList(caseId, agencyId), rs -> rs.getString(1));
        if (status.isEmpty()) {
            return new NoSuchElementException("no case " + caseId + " in agency " + agencyId);
        }
        return new CaseStatusConflictException("The case is " + what, CaseStatus.valueOf(status.get(0)));
    }

    private static VictimCase load(Connection c, String agencyId, String caseId) throws SQLException {
        List<CaseRowMapper.CaseRow> rows = Jdbc.query(c, "SELECT " + CaseRowMapper.CASE_COLUMNS
                + " FROM victim_case WHERE id = ? AND agency_id = ?", List.of(caseId, agencyId),
                CaseRowMapper::caseRow);
        return withChildren(c, rows).get(0);
    }

    private static void check(CaseQuery query) {
        Objects.requireNonNull(query, "query");
        if (query.agencyId() == null || query.agencyId().isBlank()) {
            throw new IllegalArgumentException("A case search must be scoped to an agency");
        }
        if (query.page() < 0 || query.size() < 1 || query.size() > Page.MAX_SIZE) {
            throw new IllegalArgumentException("Invalid page " + query.page() + " / size " + query.size()
                    + " (page >= 0, 1 <= size <= " + Page.MAX_SIZE + ")");
        }
    }

    private static List<CaseRowMapper.CaseRow> page(Connection c, String sql, List<String> params, long offset,
            int size) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            for (String p : params) {
                ps.setString(i++, p);
            }
            ps.setLong(i++, offset);
            ps.setLong(i, size);
            try (ResultSet rs = ps.executeQuery()) {
                List<CaseRowMapper.CaseRow> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(CaseRowMapper.caseRow(rs));
                }
                return rows;
            }
        }
    }

    private static List<VictimCase> withChildren(Connection c, List<CaseRowMapper.CaseRow> rows)
            throws SQLException {
        if (rows.isEmpty()) {
            return List.of();
        }
        CaseChildren children = CaseChildren.load(c, rows.stream().map(CaseRowMapper.CaseRow::id).toList());
        return rows.stream().map(children::attachTo).toList();
    }
}
