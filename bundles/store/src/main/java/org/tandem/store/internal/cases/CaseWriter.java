package org.tandem.store.internal.cases;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.tandem.api.cases.Channel;
import org.tandem.api.cases.ContactPreferences;
import org.tandem.api.cases.Incident;
import org.tandem.api.cases.Person;
import org.tandem.api.cases.SafeHours;
import org.tandem.api.cases.VictimCase;
import org.tandem.store.internal.jdbc.Jdbc;

/** Writes a case and all its child rows on the caller's connection (the caller owns the transaction). */
final class CaseWriter {

    private static final String INSERT_CASE = "INSERT INTO victim_case (id, agency_id, status, incident_number,"
            + " incident_ori, occurred_at, location, narrative, created_by, created_at, updated_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_OFFENSE = "INSERT INTO case_offense (case_id, position, code) VALUES (?, ?, ?)";
    private static final String INSERT_NEED = "INSERT INTO case_need (case_id, need, position) VALUES (?, ?, ?)";
    private static final String INSERT_PERSON = "INSERT INTO case_person (id, case_id, position, role, relationship,"
            + " given_name, family_name, birth_date, language, email, phone, safe_from, safe_to, safe_zone,"
            + " no_voicemail, safe_to_contact, alternate_contact, urgent_channels)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_CHANNEL =
            "INSERT INTO person_channel (person_id, position, channel) VALUES (?, ?, ?)";

    private CaseWriter() {
    }

    static void insert(Connection c, VictimCase vc) throws SQLException {
        String caseId = vc.id();
        Incident incident = vc.incident();
        insertCase(c, vc);
        Jdbc.batch(c, INSERT_OFFENSE, incident == null ? List.of() : incident.offenses(), (ps, i, code) -> {
            ps.setString(1, caseId);
            ps.setInt(2, i);
            Jdbc.setString(ps, 3, code);
        });
        Jdbc.batch(c, INSERT_NEED, vc.needs(), (ps, i, need) -> {
            ps.setString(1, caseId);
            Jdbc.setEnum(ps, 2, need);
            ps.setInt(3, i);
        });
        insertPersons(c, caseId, vc.persons(), 0);
    }

    /** Inserts persons of a case (and their channels) from list position {@code firstPosition} on. */
    static void insertPersons(Connection c, String caseId, List<Person> persons, int firstPosition)
            throws SQLException {
        Jdbc.batch(c, INSERT_PERSON, persons, (ps, i, person) -> bindPerson(ps, caseId, firstPosition + i, person));
        Jdbc.batch(c, INSERT_CHANNEL, channels(persons), (ps, i, pc) -> {
            ps.setString(1, pc.personId());
            ps.setInt(2, pc.position());
            Jdbc.setEnum(ps, 3, pc.channel());
        });
    }

    private static void insertCase(Connection c, VictimCase vc) throws SQLException {
        Incident incident = vc.incident();
        try (PreparedStatement ps = c.prepareStatement(INSERT_CASE)) {
            Jdbc.setString(ps, 1, vc.id());
            Jdbc.setString(ps, 2, vc.agencyId());
            Jdbc.setEnum(ps, 3, vc.status());
            Jdbc.setString(ps, 4, incident == null ? null : incident.number());
            Jdbc.setString(ps, 5, incident == null ? null : incident.ori());
            Jdbc.setInstant(ps, 6, incident == null ? null : incident.occurredAt());
            Jdbc.setString(ps, 7, incident == null ? null : incident.location());
            Jdbc.setString(ps, 8, vc.narrative());
            Jdbc.setString(ps, 9, vc.createdBy());
            Jdbc.setInstant(ps, 10, vc.createdAt());
            Jdbc.setInstant(ps, 11, vc.updatedAt());
            ps.executeUpdate();
        }
    }

    private static void bindPerson(PreparedStatement ps, String caseId, int position, Person p) throws SQLException {
        // a person without contact preferences gets the API's defaults (ContactPreferences.none())
        ContactPreferences contact = p.contact() == null ? ContactPreferences.none() : p.contact();
        SafeHours safe = contact.safeHours();
        Jdbc.setString(ps, 1, p.id());
        ps.setString(2, caseId);
        ps.setInt(3, position);
        Jdbc.setEnum(ps, 4, p.role());
        Jdbc.setString(ps, 5, p.relationship());
        Jdbc.setString(ps, 6, p.givenName());
        Jdbc.setString(ps, 7, p.familyName());
        Jdbc.setDate(ps, 8, p.birthDate());
        Jdbc.setString(ps, 9, p.language());
        Jdbc.setString(ps, 10, contact.email());
        Jdbc.setString(ps, 11, contact.phone());
        Jdbc.setString(ps, 12, safe == null ? null : CaseRowMapper.formatTime(safe.from()));
        Jdbc.setString(ps, 13, safe == null ? null : CaseRowMapper.formatTime(safe.to()));
        Jdbc.setString(ps, 14, safe == null || safe.zone() == null ? null : safe.zone().getId());
        ps.setBoolean(15, contact.noVoicemail());
        ps.setBoolean(16, contact.safeToContact());
        Jdbc.setString(ps, 17, contact.alternateContact());
        Jdbc.setString(ps, 18, CaseRowMapper.formatChannels(contact.urgentChannels()));
    }

    private record PersonChannel(String personId, int position, Channel channel) {
    }

    private static List<PersonChannel> channels(List<Person> persons) {
        List<PersonChannel> rows = new ArrayList<>();
        for (Person p : persons) {
            List<Channel> channels = p.contact() == null ? List.of() : p.contact().channels();
            for (int i = 0; i < channels.size(); i++) {
                rows.add(new PersonChannel(p.id(), i, channels.get(i)));
            }
        }
        return rows;
    }
}
