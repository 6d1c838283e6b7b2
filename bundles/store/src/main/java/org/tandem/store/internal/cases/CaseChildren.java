package org.tandem.store.internal.cases;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.tandem.api.cases.Channel;
import org.tandem.api.cases.Person;
import org.tandem.api.cases.ServiceCategory;
import org.tandem.api.cases.VictimCase;
import org.tandem.store.internal.jdbc.Jdbc;

/**
 * The child rows of a set of cases, loaded with one query per child table ({@code case_id IN (...)}) so a
 * page of cases costs a constant number of round trips, not one per case.
 */
final class CaseChildren {

    private final Map<String, List<String>> offenses;
    private final Map<String, List<ServiceCategory>> needs;
    private final Map<String, List<Person>> persons;

    private CaseChildren(Map<String, List<String>> offenses, Map<String, List<ServiceCategory>> needs,
            Map<String, List<Person>> persons) {
        this.offenses = offenses;
        this.needs = needs;
        this.persons = persons;
    }

    /** @param caseIds at most {@link org.tandem.api.Page#MAX_SIZE} ids, the IN list is one parameter per id */
    static CaseChildren load(Connection c, List<String> caseIds) throws SQLException {
        String in = "(" + Jdbc.placeholders(caseIds.size()) + ")";
        Map<String, List<String>> offenses = group(Jdbc.query(c,
                "SELECT case_id, code FROM case_offense WHERE case_id IN " + in + " ORDER BY case_id, position",
                caseIds, rs -> Map.entry(rs.getString(1), rs.getString(2))));
        Map<String, List<ServiceCategory>> needs = group(Jdbc.query(c,
                "SELECT case_id, need FROM case_need WHERE case_id IN " + in + " ORDER BY case_id, position",
                caseIds, rs -> Map.entry(rs.getString(1), ServiceCategory.valueOf(rs.getString(2)))));
        Map<String, List<Channel>> channels = group(Jdbc.query(c,
                "SELECT pc.person_id, pc.channel FROM person_channel pc JOIN case_person p ON p.id = pc.person_id"
                        + " WHERE p.case_id IN " + in + " ORDER BY pc.person_id, pc.position",
                caseIds, rs -> Map.entry(rs.getString(1), Channel.valueOf(rs.getString(2)))));
        Map<String, List<Person>> persons = group(Jdbc.query(c,
                "SELECT " + CaseRowMapper.PERSON_COLUMNS + " FROM case_person WHERE case_id IN " + in
                        + " ORDER BY case_id, position",
                caseIds, rs -> Map.entry(rs.getString("case_id"),
                        CaseRowMapper.person(rs, channels.getOrDefault(rs.getString("id"), List.of())))));
        return new CaseChildren(offenses, needs, persons);
    }

    VictimCase attachTo(CaseRowMapper.CaseRow row) {
        return row.toCase(offenses.getOrDefault(row.id(), List.of()), persons.getOrDefault(row.id(), List.of()),
                needs.getOrDefault(row.id(), List.of()));
    }

    /** Groups (key, value) rows by key, keeping the query's order within each key. */
    private static <T> Map<String, List<T>> group(List<Map.Entry<String, T>> rows) {
        Map<String, List<T>> grouped = new HashMap<>();
        for (Map.Entry<String, T> row : rows) {
            grouped.computeIfAbsent(row.getKey(), k -> new ArrayList<>()).add(row.getValue());
        }
        return grouped;
    }
}
