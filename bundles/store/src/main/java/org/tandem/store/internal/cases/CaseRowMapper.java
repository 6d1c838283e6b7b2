package org.tandem.store.internal.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.tandem.api.cases.CaseStatus;
import org.tandem.api.cases.Channel;
import org.tandem.api.cases.ContactPreferences;
import org.tandem.api.cases.Incident;
import org.tandem.api.cases.Person;
import org.tandem.api.cases.PersonRole;
import org.tandem.api.cases.SafeHours;
import org.tandem.api.cases.ServiceCategory;
import org.tandem.api.cases.VictimCase;
import org.tandem.store.internal.jdbc.Jdbc;

/** Maps rows of {@code victim_case} and {@code case_person} back to the API records. */
final class CaseRowMapper {

    static final String CASE_COLUMNS = "id, agency_id, status, incident_number, incident_ori, occurred_at, location,"
            + " narrative, created_by, created_at, updated_at, closed_at";
    static final String PERSON_COLUMNS = "id, case_id, role, relationship, given_name, family_name, birth_date,"
            + " language, email, phone, safe_from, safe_to, safe_zone, no_voicemail, safe_to_contact, alternate_contact,"
            + " urgent_channels";

    private CaseRowMapper() {
    }

    /** A case row before its offenses, persons and needs are attached. */
    record CaseRow(String id, String agencyId, CaseStatus status, String incidentNumber, String ori,
            Instant occurredAt, String location, String narrative, String createdBy, Instant createdAt,
            Instant updatedAt, Instant closedAt) {

        VictimCase toCase(List<String> offenses, List<Person> persons, List<ServiceCategory> needs) {
            return new VictimCase(id, agencyId, status, incident(offenses), persons, needs, narrative, createdBy,
                    createdAt, updatedAt, closedAt);
        }

        /** A case stored without an incident has no incident columns and no offenses: read it back as null. */
        private Incident incident(List<String> offenses) {
            if (incidentNumber == null && ori == null && occurredAt == null && location == null
                    && offenses.isEmpty()) {
                return null;
            }
            return new Incident(incidentNumber, ori, occurredAt, offenses, location);
        }
    }

    static CaseRow caseRow(ResultSet rs) throws SQLException {
        return new CaseRow(rs.getString("id"), rs.getString("agency_id"),
                CaseStatus.valueOf(rs.getString("status")), rs.getString("incident_number"),
                rs.getString("incident_ori"), Jdbc.getInstant(rs, "occurred_at"), rs.getString("location"),
                rs.getString("narrative"), rs.getString("created_by"), Jdbc.getInstant(rs, "created_at"),
                Jdbc.getInstant(rs, "updated_at"), Jdbc.getInstant(rs, "closed_at"));
    }

    static Person person(ResultSet rs, List<Channel> channels) throws SQLException {
        ContactPreferences contact = new ContactPreferences(rs.getString("email"), rs.getString("phone"), channels,
                safeHours(rs.getString("safe_from"), rs.getString("safe_to"), rs.getString("safe_zone")),
                rs.getBoolean("no_voicemail"), rs.getBoolean("safe_to_contact"), rs.getString("alternate_contact"),
                parseChannels(rs.getString("urgent_channels")));
        String role = rs.getString("role");
        return new Person(rs.getString("id"), role == null ? null : PersonRole.valueOf(role),
                rs.getString("relationship"), rs.getString("given_name"), rs.getString("family_name"),
                Jdbc.getDate(rs, "birth_date"), rs.getString("language"), contact);
    }

    /** Urgent-alert channels as one comma-separated column (a short, ordered list of enum names). */
    static String formatChannels(List<Channel> channels) {
        return channels == null || channels.isEmpty() ? null
                : channels.stream().map(Channel::name).collect(java.util.stream.Collectors.joining(","));
    }

    static List<Channel> parseChannels(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(value.split(",")).map(String::trim).map(Channel::valueOf).toList();
    }

    private static SafeHours safeHours(String from, String to, String zone) {
        if (from == null && to == null && zone == null) {
            return null;
        }
        return new SafeHours(from == null ? null : LocalTime.parse(from), to == null ? null : LocalTime.parse(to),
                zone == null ? null : ZoneId.of(zone));
    }

    /**
     * Safe hours are stored as "HH:mm" (VARCHAR(5), portable, readable). Finer times are rejected rather than
     * silently rounded, since rounding would move the edge of a victim's safe window.
     */
    static String formatTime(LocalTime time) {
        if (time == null) {
            return null;
        }
        if (time.getSecond() != 0 || time.getNano() != 0) {
            throw new IllegalArgumentException("Safe hours must be whole minutes, got " + time);
        }
        return time.toString();
    }
}
