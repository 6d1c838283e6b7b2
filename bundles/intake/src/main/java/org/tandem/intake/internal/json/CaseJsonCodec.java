package org.tandem.intake.internal.json;

import static org.tandem.intake.internal.validation.FieldErrors.path;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.tandem.api.Page;
import org.tandem.api.ValidationException;
import org.tandem.api.cases.Channel;
import org.tandem.api.cases.ContactPreferences;
import org.tandem.api.cases.Incident;
import org.tandem.api.cases.NewCase;
import org.tandem.api.cases.Person;
import org.tandem.api.cases.PersonRole;
import org.tandem.api.cases.SafeHours;
import org.tandem.api.cases.ServiceCategory;
import org.tandem.api.cases.VictimCase;
import org.tandem.intake.internal.validation.FieldErrors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Strict hand mapping between the case JSON contract and the API records. {@link #read} rejects
 * unknown fields and wrong JSON types and reports every bad field in one {@link ValidationException};
 * business rules (lengths, formats, consistency) are {@code CaseValidator}'s job. A JSON {@code null}
 * is treated like an absent field.
 */
public final class CaseJsonCodec {

    /** Field name used for errors about the request body as a whole. */
    public static final String BODY = "body";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final Set<String> CASE_FIELDS = Set.of("incident", "persons", "needs", "narrative");
    private static final Set<String> INCIDENT_FIELDS = Set.of("number", "ori", "occurredAt", "offenses", "location");
    private static final Set<String> PERSON_FIELDS = Set.of("role", "relationship", "givenName", "familyName",
            "birthDate", "language", "contact");
    private static final Set<String> CONTACT_FIELDS = Set.of("email", "phone", "channels", "safeHours",
            "noVoicemail", "safeToContact", "alternateContact", "urgentChannels");
    private static final Set<String> SAFE_HOURS_FIELDS = Set.of("from", "to", "zone");

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DATE_TIME_START = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T.*");
    private static final Pattern HH_MM = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");
    private static final DateTimeFormatter HH_MM_FORMAT = DateTimeFormatter.ofPattern("HH:mm");

    // ---------------------------------------------------------------- read

    /**
     * @throws ValidationException listing every unknown field, wrong type and unparseable value
     */
    public NewCase read(JsonNode json) {
        FieldErrors errors = new FieldErrors();
        if (json == null || json.isMissingNode() || json.isNull()) {
            errors.add(BODY, "a JSON object is required");
            errors.throwIfAny();
        }
        if (!json.isObject()) {
            errors.add(BODY, "must be a JSON object");
            errors.throwIfAny();
        }
        ObjectNode root = (ObjectNode) json;
        unknownFields(root, "", CASE_FIELDS, errors);

        Incident incident = null;
        ObjectNode incidentNode = object(field(root, "incident"), "incident", INCIDENT_FIELDS, errors);
        if (incidentNode != null) {
            incident = readIncident(incidentNode, "incident", errors);
        }

        List<Person> persons = new ArrayList<>();
        ArrayNode personNodes = array(field(root, "persons"), "persons", errors);
        if (personNodes != null) {
            for (int i = 0; i < personNodes.size(); i++) {
                String p = path("persons", i);
                ObjectNode personNode = object(personNodes.get(i), p, PERSON_FIELDS, errors);
                if (personNode != null) {
                    persons.add(readPerson(personNode, p, errors));
                }
            }
        }

        List<ServiceCategory> needs = enumList(field(root, "needs"), "needs", ServiceCategory.class, errors);
        String narrative = text(field(root, "narrative"), "narrative", errors);

        errors.throwIfAny();
        return new NewCase(incident, persons, needs, narrative);
    }

    private static Incident readIncident(ObjectNode node, String p, FieldErrors errors) {
        String number = text(field(node, "number"), path(p, "number"), errors);
        String ori = text(field(node, "ori"), path(p, "ori"), errors);
        Instant occurredAt = instant(field(node, "occurredAt"), path(p, "occurredAt"), errors);
        List<String> offenses = new ArrayList<>();
        ArrayNode offenseNodes = array(field(node, "offenses"), path(p, "offenses"), errors);
        if (offenseNodes != null) {
            for (int i = 0; i < offenseNodes.size(); i++) {
                String code = text(offenseNodes.get(i), path(path(p, "offenses"), i), errors);
                if (code != null) {
                    offenses.add(code);
                }
            }
        }
        String location = text(field(node, "location"), path(p, "location"), errors);
        return new Incident(number, ori, occurredAt, offenses, location);
    }

    private static Person readPerson(ObjectNode node, String p, FieldErrors errors) {
        PersonRole role = enumValue(field(node, "role"), path(p, "role"), PersonRole.class, errors);
        String relationship = text(field(node, "relationship"), path(p, "relationship"), errors);
        String givenName = text(field(node, "givenName"), path(p, "givenName"), errors);
        String familyName = text(field(node, "familyName"), path(p, "familyName"), errors);
        LocalDate birthDate = date(field(node, "birthDate"), path(p, "birthDate"), errors);
        String language = text(field(node, "language"), path(p, "language"), errors);
        ContactPreferences contact = ContactPreferences.none();
        ObjectNode contactNode = object(field(node, "contact"), path(p, "contact"), CONTACT_FIELDS, errors);
        if (contactNode != null) {
            contact = readContact(contactNode, path(p, "contact"), errors);
        }
        return new Person(null, role, relationship, givenName, familyName, birthDate, language, contact);
    }

    private static ContactPreferences readContact(ObjectNode node, String p, FieldErrors errors) {
        String email = text(field(node, "email"), path(p, "email"), errors);
        String phone = text(field(node, "phone"), path(p, "phone"), errors);
        List<Channel> channels = enumList(field(node, "channels"), path(p, "channels"), Channel.class, errors);
        SafeHours safeHours = null;
        ObjectNode hoursNode = object(field(node, "safeHours"), path(p, "safeHours"), SAFE_HOURS_FIELDS, errors);
        if (hoursNode != null) {
            safeHours = readSafeHours(hoursNode, path(p, "safeHours"), errors);
        }
        Boolean noVoicemail = bool(field(node, "noVoicemail"), path(p, "noVoicemail"), errors);
        Boolean safeToContact = bool(field(node, "safeToContact"), path(p, "safeToContact"), errors);
        String alternateContact = text(field(node, "alternateContact"), path(p, "alternateContact"), errors);
        List<Channel> urgentChannels = enumList(field(node, "urgentChannels"), path(p, "urgentChannels"),
                Channel.class, errors);
        if (urgentChannels != null && channels != null) {
            for (int i = 0; i < urgentChannels.size(); i++) {
                if (!channels.contains(urgentChannels.get(i))) {
                    errors.add(path(path(p, "urgentChannels"), i), "must be one of the person's channels");
                }
            }
        }
        return new ContactPreferences(email, phone, channels, safeHours,
                noVoicemail != null && noVoicemail, safeToContact == null || safeToContact, alternateContact,
                urgentChannels);
    }

    private static SafeHours readSafeHours(ObjectNode node, String p, FieldErrors errors) {
        LocalTime from = time(required(node, "from", p, errors), path(p, "from"), errors);
        LocalTime to = time(required(node, "to", p, errors), path(p, "to"), errors);
        ZoneId zone = null;
        String zoneId = text(required(node, "zone", p, errors), path(p, "zone"), errors);
        if (zoneId != null) {
            try {
                zone = ZoneId.of(zoneId);
            } catch (DateTimeException e) {
                errors.add(path(p, "zone"), "must be a time zone id such as America/Chicago");
            }
        }
        return from != null && to != null && zone != null ? new SafeHours(from, to, zone) : null;
    }

    // ---------------------------------------------------------------- typed accessors

    /** The field's value, or null when it is absent or JSON null. */
    private static JsonNode field(ObjectNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value;
    }

    private static JsonNode required(ObjectNode node, String name, String parent, FieldErrors errors) {
        JsonNode value = field(node, name);
        if (value == null) {
            errors.add(path(parent, name), "required");
        }
        return value;
    }

    private static void unknownFields(ObjectNode node, String p, Set<String> known, FieldErrors errors) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!known.contains(name)) {
                errors.add(path(p, name), "unknown field");
            }
        }
    }

    private static ObjectNode object(JsonNode value, String p, Set<String> known, FieldErrors errors) {
        if (value == null) {
            return null;
        }
        if (!value.isObject()) {
            errors.add(p, "must be an object");
            return null;
        }
        unknownFields((ObjectNode) value, p, known, errors);
        return (ObjectNode) value;
    }

    private static ArrayNode array(JsonNode value, String p, FieldErrors errors) {
        if (value == null) {
            return null;
        }
        if (!value.isArray()) {
            errors.add(p, "must be an array");
            return null;
        }
        return (ArrayNode) value;
    }

    private static String text(JsonNode value, String p, FieldErrors errors) {
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            errors.add(p, "must be a string");
            return null;
        }
        return value.textValue();
    }

    private static Boolean bool(JsonNode value, String p, FieldErrors errors) {
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            errors.add(p, "must be a boolean");
            return null;
        }
        return value.booleanValue();
    }

    private static <E extends Enum<E>> E enumValue(JsonNode value, String p, Class<E> type, FieldErrors errors) {
        if (value == null) {
            return null;
        }
        if (value.isTextual()) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(value.textValue())) {
                    return constant;
                }
            }
        }
        errors.add(p, "must be one of " + Arrays.stream(type.getEnumConstants()).map(Enum::name)
                .collect(Collectors.joining(", ")));
        return null;
    }

    private static <E extends Enum<E>> List<E> enumList(JsonNode value, String p, Class<E> type, FieldErrors errors) {
        List<E> out = new ArrayList<>();
        ArrayNode items = array(value, p, errors);
        if (items != null) {
            for (int i = 0; i < items.size(); i++) {
                E item = enumValue(items.get(i), path(p, i), type, errors);
                if (item != null) {
                    out.add(item);
                }
            }
        }
        return out;
    }

    private static LocalDate date(JsonNode value, String p, FieldErrors errors) {
        String s = text(value, p, errors);
        if (s == null) {
            return null;
        }
        if (DATE.matcher(s).matches()) {
            try {
                return LocalDate.parse(s, DateTimeFormatter.ISO_LOCAL_DATE);
            } catch (DateTimeException e) {
                // reported below
            }
        }
        errors.add(p, "must be a date YYYY-MM-DD, e.g. 1990-04-02");
        return null;
    }

    private static Instant instant(JsonNode value, String p, FieldErrors errors) {
        String s = text(value, p, errors);
        if (s == null) {
            return null;
        }
        if (DATE_TIME_START.matcher(s).matches()) {
            try {
                return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            } catch (DateTimeException e) {
                // reported below
            }
        }
        errors.add(p, "must be an ISO-8601 date-time with Z or an offset, e.g. 2026-11-20T22:15:00Z");
        return null;
    }

    private static LocalTime time(JsonNode value, String p, FieldErrors errors) {
        String s = text(value, p, errors);
        if (s == null) {
            return null;
        }
        if (!HH_MM.matcher(s).matches()) {
            errors.add(p, "must be a time HH:mm between 00:00 and 23:59");
            return null;
        }
        return LocalTime.parse(s, HH_MM_FORMAT);
    }

    // ---------------------------------------------------------------- write

    /** The stored case in the input's shape plus the platform-assigned fields; nulls are omitted. */
    public ObjectNode write(VictimCase c) {
        ObjectNode out = NODES.objectNode();
        put(out, "id", c.id());
        put(out, "agencyId", c.agencyId());
        put(out, "status", c.status() == null ? null : c.status().name());
        if (c.incident() != null) {
            out.set("incident", writeIncident(c.incident()));
        }
        ArrayNode persons = out.putArray("persons");
        c.persons().forEach(p -> persons.add(writePerson(p)));
        ArrayNode needs = out.putArray("needs");
        c.needs().forEach(n -> needs.add(n.name()));
        put(out, "narrative", c.narrative());
        put(out, "createdBy", c.createdBy());
        put(out, "createdAt", c.createdAt() == null ? null : c.createdAt().toString());
        put(out, "updatedAt", c.updatedAt() == null ? null : c.updatedAt().toString());
        put(out, "closedAt", c.closedAt() == null ? null : c.closedAt().toString());
        return out;
    }

    /** {@code {"items":[...],"page":0,"size":20,"total":N}}. */
    public ObjectNode writePage(Page<VictimCase> page) {
        ObjectNode out = NODES.objectNode();
        ArrayNode items = out.putArray("items");
        page.items().forEach(c -> items.add(write(c)));
        out.put("page", page.page());
        out.put("size", page.size());
        out.put("total", page.total());
        return out;
    }

    private static ObjectNode writeIncident(Incident incident) {
        ObjectNode out = NODES.objectNode();
        put(out, "number", incident.number());
        put(out, "ori", incident.ori());
        put(out, "occurredAt", incident.occurredAt() == null ? null : incident.occurredAt().toString());
        ArrayNode offenses = out.putArray("offenses");
        incident.offenses().forEach(offenses::add);
        put(out, "location", incident.location());
        return out;
    }

    private static ObjectNode writePerson(Person person) {
        ObjectNode out = NODES.objectNode();
        put(out, "id", person.id());
        put(out, "role", person.role() == null ? null : person.role().name());
        put(out, "relationship", person.relationship());
        put(out, "givenName", person.givenName());
        put(out, "familyName", person.familyName());
        put(out, "birthDate", person.birthDate() == null ? null : person.birthDate().toString());
        put(out, "language", person.language());
        if (person.contact() != null) {
            out.set("contact", writeContact(person.contact()));
        }
        return out;
    }

    private static ObjectNode writeContact(ContactPreferences contact) {
        ObjectNode out = NODES.objectNode();
        put(out, "email", contact.email());
        put(out, "phone", contact.phone());
        ArrayNode channels = out.putArray("channels");
        contact.channels().forEach(ch -> channels.add(ch.name()));
        SafeHours hours = contact.safeHours();
        if (hours != null) {
            ObjectNode h = out.putObject("safeHours");
            put(h, "from", hours.from() == null ? null : HH_MM_FORMAT.format(hours.from()));
            put(h, "to", hours.to() == null ? null : HH_MM_FORMAT.format(hours.to()));
            put(h, "zone", hours.zone() == null ? null : hours.zone().getId());
        }
        out.put("noVoicemail", contact.noVoicemail());
        out.put("safeToContact", contact.safeToContact());
        put(out, "alternateContact", contact.alternateContact());
        ArrayNode urgent = out.putArray("urgentChannels");
        contact.urgentChannels().forEach(ch -> urgent.add(ch.name()));
        return out;
    }

    private static void put(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }
}
