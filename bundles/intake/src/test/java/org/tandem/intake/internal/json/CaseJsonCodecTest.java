package org.tandem.intake.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.tandem.intake.internal.testing.TestCases.exampleJson;
import static org.tandem.intake.internal.testing.TestCases.json;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tandem.api.FieldError;
import org.tandem.api.Page;
import org.tandem.api.ValidationException;
import org.tandem.api.cases.CaseStatus;
import org.tandem.api.cases.Channel;
import org.tandem.api.cases.ContactPreferences;
import org.tandem.api.cases.NewCase;
import org.tandem.api.cases.Person;
import org.tandem.api.cases.PersonRole;
import org.tandem.api.cases.SafeHours;
import org.tandem.api.cases.ServiceCategory;
import org.tandem.api.cases.VictimCase;
import org.tandem.intake.internal.testing.TestCases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

class CaseJsonCodecTest {

    private final CaseJsonCodec codec = new CaseJsonCodec();

    @Test
    void readsTheContractExample() {
        NewCase c = codec.read(exampleJson());

        assertThat(c).isEqualTo(TestCases.example());
        Person maria = c.persons().get(0);
        assertThat(maria.contact().channels()).containsExactly(Channel.SMS, Channel.EMAIL);
        assertThat(maria.contact().safeHours())
                .isEqualTo(new SafeHours(LocalTime.of(9, 0), LocalTime.of(18, 0), ZoneId.of("America/Chicago")));
        Person ana = c.persons().get(1);
        assertThat(ana.role()).isEqualTo(PersonRole.SECONDARY_VICTIM);
        assertThat(ana.contact().noVoicemail()).isFalse();
        assertThat(ana.contact().safeToContact()).isTrue();
    }

    @Test
    void urgentChannelsAreReadAndMustBeAmongThePersonsChannels() {
        ObjectNode json = (ObjectNode) exampleJson();
        ObjectNode contact = (ObjectNode) json.get("persons").get(0).get("contact");
        contact.putArray("channels").add("SMS").add("EMAIL");
        contact.putArray("urgentChannels").add("SMS");
        assertThat(codec.read(json).persons().get(0).contact().urgentChannels())
                .containsExactly(org.tandem.api.cases.Channel.SMS);
        contact.putArray("urgentChannels").add("VOICE");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> codec.read(json))
                .isInstanceOf(org.tandem.api.ValidationException.class)
                .hasMessageContaining("urgentChannels");
    }

    @Test
    void roundTripWritesTheInputShapePlusAssignedFields() {
        NewCase c = codec.read(exampleJson());
        Instant created = Instant.parse("2026-11-25T12:00:00.123Z");
        List<Person> persons = List.of(c.persons().get(0).withId("aaaaaaaaaaaaaaaaaaaaaaa2"),
                c.persons().get(1).withId("aaaaaaaaaaaaaaaaaaaaaaa3"));
        VictimCase stored = new VictimCase("aaaaaaaaaaaaaaaaaaaaaaa1", "IL0160000", CaseStatus.OPEN, c.incident(),
                persons, c.needs(), c.narrative(), "officer1", created, created);

        ObjectNode written = codec.write(stored);

        ObjectNode expected = (ObjectNode) exampleJson();
        expected.put("id", "aaaaaaaaaaaaaaaaaaaaaaa1").put("agencyId", "IL0160000").put("status", "OPEN")
                .put("createdBy", "officer1").put("createdAt", "2026-11-25T12:00:00.123Z")
                .put("updatedAt", "2026-11-25T12:00:00.123Z");
        ((ObjectNode) expected.get("persons").get(0)).put("id", "aaaaaaaaaaaaaaaaaaaaaaa2");
        ObjectNode ana = (ObjectNode) expected.get("persons").get(1);
        ana.put("id", "aaaaaaaaaaaaaaaaaaaaaaa3");
        // defaults are written explicitly
        ((ObjectNode) ana.get("contact")).put("noVoicemail", false).put("safeToContact", true);
        expected.get("persons").forEach(p -> {
            if (p.has("contact") && !p.get("contact").has("urgentChannels")) {
                ((ObjectNode) p.get("contact")).putArray("urgentChannels");
            }
        });
        assertThat(written).isEqualTo(expected);
        // Ana has no birth date and no e-mail: absent, not null
        assertThat(written.get("persons").get(1).has("birthDate")).isFalse();
        assertThat(written.get("persons").get(1).get("contact").has("email")).isFalse();
        assertThat(written.get("persons").get(0).has("relationship")).isFalse();

        // the written case, minus what the platform assigns, reads back to the same NewCase
        ObjectNode back = written.deepCopy();
        back.remove(List.of("id", "agencyId", "status", "createdBy", "createdAt", "updatedAt"));
        back.withArray("persons").forEach(p -> ((ObjectNode) p).remove("id"));
        back.withArray("persons").forEach(p -> ((ObjectNode) p.get("contact")).remove("urgentChannels"));
        assertThat(codec.read(back)).isEqualTo(c);
    }

    @Test
    void normalisesOffsetsToInstants() {
        ObjectNode input = (ObjectNode) exampleJson();
        ((ObjectNode) input.get("incident")).put("occurredAt", "2026-11-20T22:15:00-06:00");

        NewCase c = codec.read(input);

        assertThat(c.incident().occurredAt()).isEqualTo(Instant.parse("2026-11-21T04:15:00Z"));
        assertThat(codec.write(stored(c)).get("incident").get("occurredAt").asText()).isEqualTo("2026-11-21T04:15:00Z");
    }

    @Test
    void collectsEveryErrorWithItsPath() {
        JsonNode input = json("""
                {"incident":{"number":2026,"ori":"IL0160000","occurredAt":"2026-11-20 22:15","offenses":["13A",7],"bogus":1},
                 "persons":[{"role":"PRIMARY_VICTIM","givenName":"Maria","birthDate":"1990-02-30",
                    "contact":{"channels":["SMS"],"noVoicemail":"yes"}},
                   {"role":"secondary_victim","givenName":["Ana"],"nickname":"A",
                    "contact":{"channels":["PIGEON","VOICE"],"safeHours":{"from":"9:00","to":"25:00","zone":"Mars/Olympus"}}},
                   "Bob"],
                 "needs":["COUNSELING","SHELTER","YOGA"],
                 "narrative":42,
                 "priority":"HIGH"}
                """);

        assertThatThrownBy(() -> codec.read(input))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field, FieldError::message)
                        .containsExactlyInAnyOrder(
                                tuple("priority", "unknown field"),
                                tuple("incident.bogus", "unknown field"),
                                tuple("incident.number", "must be a string"),
                                tuple("incident.occurredAt",
                                        "must be an ISO-8601 date-time with Z or an offset, e.g. 2026-11-20T22:15:00Z"),
                                tuple("incident.offenses[1]", "must be a string"),
                                tuple("persons[0].birthDate", "must be a date YYYY-MM-DD, e.g. 1990-04-02"),
                                tuple("persons[0].contact.noVoicemail", "must be a boolean"),
                                tuple("persons[1].nickname", "unknown field"),
                                tuple("persons[1].role", "must be one of PRIMARY_VICTIM, SECONDARY_VICTIM, WITNESS"),
                                tuple("persons[1].givenName", "must be a string"),
                                tuple("persons[1].contact.channels[0]", "must be one of EMAIL, SMS, VOICE, LETTER"),
                                tuple("persons[1].contact.safeHours.from", "must be a time HH:mm between 00:00 and 23:59"),
                                tuple("persons[1].contact.safeHours.to", "must be a time HH:mm between 00:00 and 23:59"),
                                tuple("persons[1].contact.safeHours.zone", "must be a time zone id such as America/Chicago"),
                                tuple("persons[2]", "must be an object"),
                                tuple("needs[2]", "must be one of " + enumNames(ServiceCategory.values())),
                                tuple("narrative", "must be a string")));
    }

    @Test
    void rejectsWrongContainerTypes() {
        assertThatThrownBy(() -> codec.read(json("""
                {"incident":"2026-000123","persons":{"role":"PRIMARY_VICTIM"},"needs":"COUNSELING"}""")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field, FieldError::message)
                        .containsExactlyInAnyOrder(
                                tuple("incident", "must be an object"),
                                tuple("persons", "must be an array"),
                                tuple("needs", "must be an array")));
    }

    @Test
    void rejectsABodyThatIsNotAnObject() {
        for (JsonNode body : new JsonNode[] { json("[]"), json("\"case\""), json("null"), null }) {
            assertThatThrownBy(() -> codec.read(body))
                    .isInstanceOfSatisfying(ValidationException.class,
                            e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("body"));
        }
    }

    @Test
    void safeHoursNeedAllThreeFields() {
        assertThatThrownBy(() -> codec.read(json("""
                {"persons":[{"role":"PRIMARY_VICTIM","givenName":"M","contact":{"safeHours":{"from":"09:00"}}}]}""")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field, FieldError::message)
                        .containsExactlyInAnyOrder(
                                tuple("persons[0].contact.safeHours.to", "required"),
                                tuple("persons[0].contact.safeHours.zone", "required")));
    }

    @Test
    void nullMeansAbsentAndDefaultsApply() {
        NewCase c = codec.read(json("""
                {"incident":null,"persons":[{"role":"PRIMARY_VICTIM","givenName":"Maria","familyName":null,
                  "contact":{"channels":null,"noVoicemail":null,"safeToContact":null}}],"needs":null,"narrative":null}"""));

        assertThat(c.incident()).isNull();
        assertThat(c.needs()).isEmpty();
        assertThat(c.narrative()).isNull();
        Person p = c.persons().get(0);
        assertThat(p.familyName()).isNull();
        assertThat(p.contact()).isEqualTo(ContactPreferences.none());
    }

    @Test
    void personWithoutContactGetsDefaultPreferences() {
        NewCase c = codec.read(json("""
                {"persons":[{"role":"WITNESS","givenName":"Joe"}]}"""));

        assertThat(c.persons().get(0).contact()).isEqualTo(ContactPreferences.none());
    }

    @Test
    void readsAlternateContact() {
        NewCase c = codec.read(json("""
                {"persons":[{"role":"PRIMARY_VICTIM","givenName":"Maria",
                  "contact":{"safeToContact":false,"alternateContact":"Sister, +12175550111"}}]}"""));

        ContactPreferences contact = c.persons().get(0).contact();
        assertThat(contact.safeToContact()).isFalse();
        assertThat(contact.alternateContact()).isEqualTo("Sister, +12175550111");
        assertThat(codec.write(stored(c)).get("persons").get(0).get("contact").get("alternateContact").asText())
                .isEqualTo("Sister, +12175550111");
    }

    @Test
    void writesAPage() {
        VictimCase one = stored(TestCases.example());

        ObjectNode page = codec.writePage(new Page<>(List.of(one), 2, 5, 11));

        assertThat(page.get("items")).isInstanceOf(ArrayNode.class).hasSize(1);
        assertThat(page.get("items").get(0).get("id").asText()).isEqualTo(one.id());
        assertThat(page.get("page").asInt()).isEqualTo(2);
        assertThat(page.get("size").asInt()).isEqualTo(5);
        assertThat(page.get("total").asLong()).isEqualTo(11);
    }

    @Test
    void writesBirthDateAndEnumsAsText() {
        ObjectNode written = codec.write(stored(TestCases.example()));

        JsonNode maria = written.get("persons").get(0);
        assertThat(maria.get("birthDate").asText()).isEqualTo(LocalDate.of(1990, 4, 2).toString());
        assertThat(maria.get("role").asText()).isEqualTo("PRIMARY_VICTIM");
        assertThat(maria.get("contact").get("safeHours").get("from").asText()).isEqualTo("09:00");
        assertThat(written.get("needs")).extracting(JsonNode::asText).containsExactly("COUNSELING", "SHELTER");
    }

    private static VictimCase stored(NewCase c) {
        Instant now = TestCases.NOW;
        return new VictimCase("aaaaaaaaaaaaaaaaaaaaaaa1", "IL0160000", CaseStatus.OPEN, c.incident(),
                c.persons().stream().map(p -> p.withId("bbbbbbbbbbbbbbbbbbbbbbb2")).toList(), c.needs(),
                c.narrative(), "officer1", now, now);
    }

    private static String enumNames(Enum<?>[] values) {
        return String.join(", ", java.util.Arrays.stream(values).map(Enum::name).toList());
    }
}
