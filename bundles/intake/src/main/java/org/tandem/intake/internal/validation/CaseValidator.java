package org.tandem.intake.internal.validation;

import static org.tandem.intake.internal.validation.FieldErrors.path;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.tandem.api.FieldError;
import org.tandem.api.ValidationException;
import org.tandem.api.cases.Channel;
import org.tandem.api.cases.ContactPreferences;
import org.tandem.api.cases.Incident;
import org.tandem.api.cases.NewCase;
import org.tandem.api.cases.Person;
import org.tandem.api.cases.PersonRole;
import org.tandem.api.cases.SafeHours;
import org.tandem.api.cases.ServiceCategory;

/**
 * Business rules for a new case, whatever path it came in on (REST, console, Camel). Every broken
 * rule is reported, with the same field paths the JSON contract uses ({@code persons[1].contact.phone}).
 * Stateless and thread-safe.
 */
public final class CaseValidator {

    public static final int MAX_PERSONS = 50;
    /** NIBRS reports at most ten offenses per incident. */
    public static final int MAX_OFFENSES = 10;
    public static final int MAX_INCIDENT_NUMBER = 64;
    public static final int MAX_LOCATION = 400;
    public static final int MAX_NAME = 100;
    public static final int MAX_LANGUAGE = 35;
    public static final int MAX_EMAIL = 254;
    public static final int MAX_ALTERNATE_CONTACT = 200;
    public static final int MAX_NARRATIVE = 8000;
    /** Clock skew tolerated for {@code incident.occurredAt}. */
    public static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);
    public static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);

    private static final Instant EARLIEST_INSTANT = EARLIEST_DATE.atStartOfDay(ZoneOffset.UTC).toInstant();
    /** The last time zone to change date: a birth date is "in the future" only if it is nowhere today yet. */
    private static final ZoneOffset LATEST_ZONE = ZoneOffset.ofHours(14);

    /** Printable ASCII, no leading or trailing space. */
    private static final Pattern INCIDENT_NUMBER = Pattern.compile("[\\x21-\\x7E](?:[\\x20-\\x7E]*[\\x21-\\x7E])?");
    /** Originating Agency Identifier: two letters (state) and seven letters or digits. */
    private static final Pattern ORI = Pattern.compile("[A-Z]{2}[A-Z0-9]{7}");
    /** NIBRS offense codes: 13A, 26H, 09A; three-digit codes such as 220, 370, 720; group B 90A-90Z. */
    private static final Pattern NIBRS_OFFENSE = Pattern.compile("\\d{2}[A-H]|\\d{3}|90[A-Z]");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");
    private static final Pattern RELATIONSHIP = Pattern.compile("[A-Z_]{2,40}");
    private static final Pattern PHONE = Pattern.compile("\\+[1-9][0-9]{7,14}");
    private static final String ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
    private static final Pattern EMAIL = Pattern.compile(ATOM + "(?:\\." + ATOM + ")*"
            + "@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");
    private static final int MAX_EMAIL_LOCAL_PART = 64;

    /**
     * @param now the current time, for "not in the future" rules
     * @throws ValidationException listing every broken rule
     */
    public void validate(NewCase newCase, Instant now) {
        List<FieldError> errors = check(newCase, now);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /** @return every broken rule, empty when the case is acceptable */
    public List<FieldError> check(NewCase newCase, Instant now) {
        FieldErrors errors = new FieldErrors();
        if (newCase == null) {
            errors.add("body", "a case is required");
            return errors.list();
        }
        checkIncident(newCase.incident(), now, errors);
        checkPersons(newCase.persons(), now, errors);
        checkNeeds(newCase.needs(), errors);
        if (newCase.narrative() != null) {
            text(newCase.narrative(), "narrative", MAX_NARRATIVE, true, errors);
        }
        return errors.list();
    }

    // ---------------------------------------------------------------- incident

    private static void checkIncident(Incident incident, Instant now, FieldErrors errors) {
        if (incident == null) {
            errors.add("incident", "required");
            return;
        }
        if (required(incident.number(), "incident.number", errors)
                && text(incident.number(), "incident.number", MAX_INCIDENT_NUMBER, false, errors)
                && !INCIDENT_NUMBER.matcher(incident.number()).matches()) {
            errors.add("incident.number",
                    "must be 1-" + MAX_INCIDENT_NUMBER + " printable ASCII characters without leading or trailing spaces");
        }
        if (required(incident.ori(), "incident.ori", errors) && !ORI.matcher(incident.ori()).matches()) {
            errors.add("incident.ori", "must be a 9-character ORI: 2 letters and 7 upper-case letters or digits, e.g. IL0160000");
        }
        Instant occurredAt = incident.occurredAt();
        if (occurredAt == null) {
            errors.add("incident.occurredAt", "required");
        } else if (occurredAt.isAfter(now.plus(FUTURE_TOLERANCE))) {
            errors.add("incident.occurredAt", "must not be in the future");
        } else if (occurredAt.isBefore(EARLIEST_INSTANT)) {
            errors.add("incident.occurredAt", "must be on or after " + EARLIEST_DATE);
        }
        checkOffenses(incident.offenses(), errors);
        if (incident.location() != null) {
            text(incident.location(), "incident.location", MAX_LOCATION, false, errors);
        }
    }

    private static void checkOffenses(List<String> offenses, FieldErrors errors) {
        String p = "incident.offenses";
        if (offenses.isEmpty()) {
            errors.add(p, "at least one NIBRS offense code is required");
            return;
        }
        if (offenses.size() > MAX_OFFENSES) {
            errors.add(p, "at most " + MAX_OFFENSES + " offense codes are allowed");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < offenses.size(); i++) {
            String code = offenses.get(i);
            String at = path(p, i);
            if (code == null) {
                errors.add(at, "required");
            } else if (!NIBRS_OFFENSE.matcher(code).matches()) {
                errors.add(at, "must be a NIBRS offense code: two digits and a letter A-H (13A), "
                        + "three digits (220) or 90A-90Z");
            } else if (!seen.add(code)) {
                errors.add(at, "duplicate offense code");
            }
        }
    }

    // ---------------------------------------------------------------- persons

    private static void checkPersons(List<Person> persons, Instant now, FieldErrors errors) {
        if (persons.isEmpty()) {
            errors.add("persons", "at least one person, the PRIMARY_VICTIM, is required");
            return;
        }
        if (persons.size() > MAX_PERSONS) {
            errors.add("persons", "at most " + MAX_PERSONS + " persons are allowed");
        }
        int primaries = 0;
        for (int i = 0; i < persons.size(); i++) {
            Person person = persons.get(i);
            String p = path("persons", i);
            if (person == null) {
                errors.add(p, "required");
                continue;
            }
            if (person.role() == PersonRole.PRIMARY_VICTIM && ++primaries > 1) {
                errors.add(path(p, "role"), "only one PRIMARY_VICTIM is allowed");
            }
            checkPerson(person, p, now, errors);
        }
        if (primaries == 0) {
            errors.add("persons", "exactly one PRIMARY_VICTIM is required");
        }
    }

    private static void checkPerson(Person person, String p, Instant now, FieldErrors errors) {
        PersonRole role = person.role();
        if (role == null) {
            errors.add(path(p, "role"), "required");
        }
        String relationship = person.relationship();
        String relPath = path(p, "relationship");
        if (relationship == null) {
            if (role == PersonRole.SECONDARY_VICTIM) {
                errors.add(relPath, "required for a SECONDARY_VICTIM, e.g. MOTHER, SPOUSE, CHILD, FRIEND");
            }
        } else if (role == PersonRole.PRIMARY_VICTIM) {
            errors.add(relPath, "must not be set for the PRIMARY_VICTIM");
        } else if (!RELATIONSHIP.matcher(relationship).matches()) {
            errors.add(relPath, "must be an upper-case word of 2-40 letters or underscores, e.g. MOTHER");
        }

        if (required(person.givenName(), path(p, "givenName"), errors)) {
            text(person.givenName(), path(p, "givenName"), MAX_NAME, false, errors);
        }
        if (person.familyName() != null && notBlank(person.familyName(), path(p, "familyName"), errors)) {
            text(person.familyName(), path(p, "familyName"), MAX_NAME, false, errors);
        }
        LocalDate birthDate = person.birthDate();
        if (birthDate != null) {
            if (birthDate.isAfter(LocalDate.ofInstant(now, LATEST_ZONE))) {
                errors.add(path(p, "birthDate"), "must not be in the future");
            } else if (birthDate.isBefore(EARLIEST_DATE)) {
                errors.add(path(p, "birthDate"), "must be on or after " + EARLIEST_DATE);
            }
        }
        String language = person.language();
        if (language != null && (language.length() > MAX_LANGUAGE || !LANGUAGE.matcher(language).matches())) {
            errors.add(path(p, "language"), "must be a BCP 47 language tag such as en, es or zh-Hant");
        }
        if (person.contact() != null) {
            checkContact(person.contact(), path(p, "contact"), errors);
        }
    }

    private static void checkContact(ContactPreferences contact, String p, FieldErrors errors) {
        String email = contact.email();
        if (email != null && !validEmail(email)) {
            errors.add(path(p, "email"), "must be an e-mail address such as name@example.org (at most " + MAX_EMAIL
                    + " characters)");
        }
        String phone = contact.phone();
        if (phone != null && !PHONE.matcher(phone).matches()) {
            errors.add(path(p, "phone"), "must be an E.164 phone number such as +12175550123");
        }
        Set<Channel> seen = EnumSet.noneOf(Channel.class);
        List<Channel> channels = contact.channels();
        for (int i = 0; i < channels.size(); i++) {
            Channel channel = channels.get(i);
            String at = path(path(p, "channels"), i);
            if (channel == null) {
                errors.add(at, "required");
            } else if (!seen.add(channel)) {
                errors.add(at, "duplicate channel");
            } else if (channel == Channel.EMAIL && email == null) {
                errors.add(at, "EMAIL requires contact.email");
            } else if ((channel == Channel.SMS || channel == Channel.VOICE) && phone == null) {
                errors.add(at, channel + " requires contact.phone");
            }
        }
        SafeHours hours = contact.safeHours();
        if (hours != null) {
            String hp = path(p, "safeHours");
            if (hours.from() == null) {
                errors.add(path(hp, "from"), "required");
            }
            if (hours.to() == null) {
                errors.add(path(hp, "to"), "required");
            }
            if (hours.zone() == null) {
                errors.add(path(hp, "zone"), "required");
            }
            if (hours.from() != null && hours.from().equals(hours.to())) {
                errors.add(path(hp, "to"), "must differ from safeHours.from (the window would be empty)");
            }
        }
        if (contact.alternateContact() != null
                && notBlank(contact.alternateContact(), path(p, "alternateContact"), errors)) {
            text(contact.alternateContact(), path(p, "alternateContact"), MAX_ALTERNATE_CONTACT, false, errors);
        }
    }

    private static boolean validEmail(String email) {
        if (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches()) {
            return false;
        }
        return email.indexOf('@') <= MAX_EMAIL_LOCAL_PART;
    }

    // ---------------------------------------------------------------- needs

    private static void checkNeeds(List<ServiceCategory> needs, FieldErrors errors) {
        Set<ServiceCategory> seen = EnumSet.noneOf(ServiceCategory.class);
        for (int i = 0; i < needs.size(); i++) {
            ServiceCategory need = needs.get(i);
            if (need == null) {
                errors.add(path("needs", i), "required");
            } else if (!seen.add(need)) {
                errors.add(path("needs", i), "duplicate need");
            }
        }
    }

    // ---------------------------------------------------------------- strings

    private static boolean required(String value, String p, FieldErrors errors) {
        if (value == null || value.isBlank()) {
            errors.add(p, "required");
            return false;
        }
        return true;
    }

    private static boolean notBlank(String value, String p, FieldErrors errors) {
        if (value.isBlank()) {
            errors.add(p, "must not be blank (omit the field instead)");
            return false;
        }
        return true;
    }

    /** Length and control-character rules shared by every free-text field; false when one is broken. */
    private static boolean text(String value, String p, int max, boolean multiline, FieldErrors errors) {
        if (value.length() > max) {
            errors.add(p, "must be at most " + max + " characters");
            return false;
        }
        if (hasControlCharacter(value, multiline)) {
            errors.add(p, multiline ? "must not contain control characters other than line breaks and tabs"
                    : "must not contain control characters");
            return false;
        }
        return true;
    }

    static boolean hasControlCharacter(String value, boolean allowLineBreaksAndTabs) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (allowLineBreaksAndTabs && (c == '\n' || c == '\r' || c == '\t')) {
                continue;
            }
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                return true;
            }
        }
        return false;
    }
}
