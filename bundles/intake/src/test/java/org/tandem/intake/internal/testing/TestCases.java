package org.tandem.intake.internal.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;

import org.tandem.api.Caller;
import org.tandem.api.Role;
import org.tandem.api.cases.Channel;
import org.tandem.api.cases.ContactPreferences;
import org.tandem.api.cases.Incident;
import org.tandem.api.cases.NewCase;
import org.tandem.api.cases.Person;
import org.tandem.api.cases.PersonRole;
import org.tandem.api.cases.SafeHours;
import org.tandem.api.cases.ServiceCategory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The contract's example case, as JSON and as records, and callers for tests. */
public final class TestCases {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    /** "Now" for tests: a few days after the example incident. */
    public static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    public static final String EXAMPLE_JSON = """
            {"incident":{"number":"2026-000123","ori":"IL0160000","occurredAt":"2026-11-20T22:15:00Z","offenses":["13A"],"location":"400 Main St"},
             "persons":[{"role":"PRIMARY_VICTIM","givenName":"Maria","familyName":"Lopez","birthDate":"1990-04-02","language":"es",
               "contact":{"email":"maria@example.org","phone":"+12175550123","channels":["SMS","EMAIL"],"safeHours":{"from":"09:00","to":"18:00","zone":"America/Chicago"},"noVoicemail":true,"safeToContact":true}},
              {"role":"SECONDARY_VICTIM","relationship":"MOTHER","givenName":"Ana","familyName":"Lopez","language":"es","contact":{"phone":"+12175550199","channels":["VOICE"]}}],
             "needs":["COUNSELING","SHELTER"],"narrative":"Victim reports an assault outside her home.\\nNeighbor called 911."}
            """;

    private TestCases() {
    }

    public static JsonNode exampleJson() {
        try {
            return MAPPER.readTree(EXAMPLE_JSON);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    public static Incident incident() {
        return new Incident("2026-000123", "IL0160000", Instant.parse("2026-11-20T22:15:00Z"), List.of("13A"),
                "400 Main St");
    }

    public static Person maria() {
        return new Person(null, PersonRole.PRIMARY_VICTIM, null, "Maria", "Lopez", LocalDate.of(1990, 4, 2), "es",
                new ContactPreferences("maria@example.org", "+12175550123", List.of(Channel.SMS, Channel.EMAIL),
                        new SafeHours(LocalTime.of(9, 0), LocalTime.of(18, 0), ZoneId.of("America/Chicago")),
                        true, true, null));
    }

    public static Person ana() {
        return new Person(null, PersonRole.SECONDARY_VICTIM, "MOTHER", "Ana", "Lopez", null, "es",
                new ContactPreferences(null, "+12175550199", List.of(Channel.VOICE), null, false, true, null));
    }

    public static NewCase example() {
        return new NewCase(incident(), List.of(maria(), ana()),
                List.of(ServiceCategory.COUNSELING, ServiceCategory.SHELTER),
                "Victim reports an assault outside her home.\nNeighbor called 911.");
    }

    public static NewCase withPersons(Person... persons) {
        NewCase c = example();
        return new NewCase(c.incident(), List.of(persons), c.needs(), c.narrative());
    }

    public static NewCase withIncident(Incident incident) {
        NewCase c = example();
        return new NewCase(incident, c.persons(), c.needs(), c.narrative());
    }

    public static Incident incidentWithOffenses(String... offenses) {
        Incident i = incident();
        return new Incident(i.number(), i.ori(), i.occurredAt(), List.of(offenses), i.location());
    }

    public static Person mariaWithContact(ContactPreferences contact) {
        Person m = maria();
        return new Person(null, m.role(), m.relationship(), m.givenName(), m.familyName(), m.birthDate(),
                m.language(), contact);
    }

    public static Caller caller(String user, String agency, Role... roles) {
        return new Caller(user, agency, roles.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.of(roles[0], roles));
    }

    public static Caller officer() {
        return caller("officer1", "IL0160000", Role.OFFICER);
    }
}
