package org.tandem.intake.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.tandem.intake.internal.testing.TestCases.NOW;
import static org.tandem.intake.internal.testing.TestCases.ana;
import static org.tandem.intake.internal.testing.TestCases.example;
import static org.tandem.intake.internal.testing.TestCases.incident;
import static org.tandem.intake.internal.testing.TestCases.incidentWithOffenses;
import static org.tandem.intake.internal.testing.TestCases.maria;
import static org.tandem.intake.internal.testing.TestCases.mariaWithContact;
import static org.tandem.intake.internal.testing.TestCases.withIncident;
import static org.tandem.intake.internal.testing.TestCases.withPersons;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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

class CaseValidatorTest {

    private final CaseValidator validator = new CaseValidator();

    private List<FieldError> errors(NewCase c) {
        return validator.check(c, NOW);
    }

    private static ContactPreferences contact(String email, String phone, Channel... channels) {
        return new ContactPreferences(email, phone, List.of(channels), null, false, true, null);
    }

    private static Person person(PersonRole role, String relationship, String givenName) {
        return new Person(null, role, relationship, givenName, null, null, null, ContactPreferences.none());
    }

    private static Person mariaBornOn(LocalDate birthDate) {
        Person m = maria();
        return new Person(null, m.role(), null, m.givenName(), m.familyName(), birthDate, m.language(), m.contact());
    }

    @Test
    void acceptsTheContractExample() {
        assertThat(errors(example())).isEmpty();
        validator.validate(example(), NOW);
    }

    @Test
    void requiresAPrimaryVictim() {
        assertThat(errors(withPersons(ana())))
                .containsExactly(new FieldError("persons", "exactly one PRIMARY_VICTIM is required"));
    }

    @Test
    void allowsOnlyOnePrimaryVictim() {
        assertThat(errors(withPersons(maria(), ana(), person(PersonRole.PRIMARY_VICTIM, null, "Eve"))))
                .containsExactly(new FieldError("persons[2].role", "only one PRIMARY_VICTIM is allowed"));
    }

    @Test
    void requiresAtLeastOneAndAtMostFiftyPersons() {
        assertThat(errors(withPersons())).extracting(FieldError::field).containsExactly("persons");

        Person witness = person(PersonRole.WITNESS, null, "W");
        List<Person> many = new java.util.ArrayList<>(Collections.nCopies(50, witness));
        many.add(0, maria());
        assertThat(errors(withPersons(many.toArray(Person[]::new))))
                .containsExactly(new FieldError("persons", "at most 50 persons are allowed"));
        many.remove(1);
        assertThat(errors(withPersons(many.toArray(Person[]::new)))).isEmpty();
    }

    @Test
    void requiresAnIncident() {
        assertThat(errors(withIncident(null))).containsExactly(new FieldError("incident", "required"));
        assertThat(errors(withIncident(new Incident(null, null, null, null, null))))
                .extracting(FieldError::field)
                .containsExactlyInAnyOrder("incident.number", "incident.ori", "incident.occurredAt", "incident.offenses");
    }

    @ParameterizedTest
    @ValueSource(strings = { "13A", "09A", "11D", "26H", "220", "240", "280", "290", "370", "510", "520", "720",
            "90A", "90J", "90Z" })
    void acceptsNibrsOffenseCodes(String code) {
        assertThat(errors(withIncident(incidentWithOffenses(code)))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "13a", "ABC", "1", "13", "13I", "13Z", "2200", "", " 13A", "13A ", "9A", "A13" })
    void rejectsMalformedNibrsOffenseCodes(String code) {
        assertThat(errors(withIncident(incidentWithOffenses("13A", code))))
                .extracting(FieldError::field).containsExactly("incident.offenses[1]");
    }

    @Test
    void offensesMustBePresentAndUnique() {
        assertThat(errors(withIncident(incidentWithOffenses())))
                .containsExactly(new FieldError("incident.offenses", "at least one NIBRS offense code is required"));
        assertThat(errors(withIncident(incidentWithOffenses("13A", "13B", "13A"))))
                .containsExactly(new FieldError("incident.offenses[2]", "duplicate offense code"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "IL016000", "IL01600000", "il0160000", "1L0160000", "IL016000-", "IL 160000" })
    void rejectsMalformedOri(String ori) {
        Incident i = incident();
        assertThat(errors(withIncident(new Incident(i.number(), ori, i.occurredAt(), i.offenses(), i.location()))))
                .extracting(FieldError::field).containsExactly("incident.ori");
    }

    @Test
    void incidentNumberIsShortPrintableText() {
        Incident i = incident();
        for (String bad : new String[] { "x".repeat(65), "2026\u0000123", " 2026-1", "2026–000123", "" }) {
            assertThat(errors(withIncident(new Incident(bad, i.ori(), i.occurredAt(), i.offenses(), i.location()))))
                    .as(bad).extracting(FieldError::field).containsExactly("incident.number");
        }
        assertThat(errors(withIncident(new Incident("x".repeat(64), i.ori(), i.occurredAt(), i.offenses(), null))))
                .isEmpty();
    }

    @Test
    void occurredAtMayNotBeInTheFutureBeyondFiveMinutes() {
        Incident i = incident();
        Incident soon = new Incident(i.number(), i.ori(), NOW.plus(Duration.ofMinutes(4)), i.offenses(), null);
        Incident later = new Incident(i.number(), i.ori(), NOW.plus(Duration.ofMinutes(6)), i.offenses(), null);

        assertThat(errors(withIncident(soon))).isEmpty();
        assertThat(errors(withIncident(later)))
                .containsExactly(new FieldError("incident.occurredAt", "must not be in the future"));
    }

    @Test
    void locationIsLimited() {
        Incident i = incident();
        assertThat(errors(withIncident(new Incident(i.number(), i.ori(), i.occurredAt(), i.offenses(), "x".repeat(401)))))
                .containsExactly(new FieldError("incident.location", "must be at most 400 characters"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "2175550123", "+02175550123", "+1 217 555 0123", "+1217555", "+1234567890123456",
            "+1217555012a", "+12175550123\n" })
    void rejectsPhoneNumbersThatAreNotE164(String phone) {
        assertThat(errors(withPersons(mariaWithContact(contact(null, phone, Channel.SMS)))))
                .extracting(FieldError::field).containsExactly("persons[0].contact.phone");
    }

    @ParameterizedTest
    @ValueSource(strings = { "maria", "maria@", "@example.org", "maria@example", "maria @example.org",
            "maria@exa mple.org", "maria@example.org\r\nBcc: x@example.org", "a..b@example.org", ".a@example.org",
            "maria@-example.org", "maria@example.o" })
    void rejectsMalformedEmail(String email) {
        assertThat(errors(withPersons(mariaWithContact(contact(email, null, Channel.EMAIL)))))
                .extracting(FieldError::field).containsExactly("persons[0].contact.email");
    }

    @Test
    void rejectsOverlongEmail() {
        String local = "a".repeat(65);
        assertThat(errors(withPersons(mariaWithContact(contact(local + "@example.org", null)))))
                .extracting(FieldError::field).containsExactly("persons[0].contact.email");
        String longDomain = "m@" + ("a".repeat(60) + ".").repeat(5) + "org";
        assertThat(longDomain.length()).isGreaterThan(254);
        assertThat(errors(withPersons(mariaWithContact(contact(longDomain, null)))))
                .extracting(FieldError::field).containsExactly("persons[0].contact.email");
        assertThat(errors(withPersons(mariaWithContact(contact("first.last+tag@mail.example.org", null))))).isEmpty();
    }

    @Test
    void channelsNeedTheMatchingAddress() {
        assertThat(errors(withPersons(mariaWithContact(contact(null, "+12175550123", Channel.SMS, Channel.EMAIL)),
                ana())))
                .containsExactly(new FieldError("persons[0].contact.channels[1]", "EMAIL requires contact.email"));
        assertThat(errors(withPersons(mariaWithContact(contact("maria@example.org", null, Channel.EMAIL,
                Channel.SMS, Channel.VOICE, Channel.LETTER)))))
                .containsExactly(new FieldError("persons[0].contact.channels[1]", "SMS requires contact.phone"),
                        new FieldError("persons[0].contact.channels[2]", "VOICE requires contact.phone"));
    }

    @Test
    void rejectsDuplicateChannels() {
        assertThat(errors(withPersons(mariaWithContact(contact(null, "+12175550123", Channel.SMS, Channel.SMS)))))
                .containsExactly(new FieldError("persons[0].contact.channels[1]", "duplicate channel"));
    }

    @Test
    void secondaryVictimNeedsARelationship() {
        assertThat(errors(withPersons(maria(), person(PersonRole.SECONDARY_VICTIM, null, "Ana"))))
                .extracting(FieldError::field).containsExactly("persons[1].relationship");
        assertThat(errors(withPersons(maria(), person(PersonRole.SECONDARY_VICTIM, "mother", "Ana"))))
                .extracting(FieldError::field).containsExactly("persons[1].relationship");
        assertThat(errors(withPersons(maria(), person(PersonRole.SECONDARY_VICTIM, "GRAND_PARENT", "Ana"))))
                .isEmpty();
        assertThat(errors(withPersons(maria(), person(PersonRole.WITNESS, null, "Joe")))).isEmpty();
    }

    @Test
    void primaryVictimHasNoRelationship() {
        Person m = maria();
        Person withRelationship = new Person(null, m.role(), "SELF", m.givenName(), m.familyName(), m.birthDate(),
                m.language(), m.contact());
        assertThat(errors(withPersons(withRelationship)))
                .containsExactly(new FieldError("persons[0].relationship", "must not be set for the PRIMARY_VICTIM"));
    }

    @Test
    void personNeedsARoleAndAGivenName() {
        assertThat(errors(withPersons(maria(), new Person(null, null, null, " ", null, null, null, null))))
                .containsExactlyInAnyOrder(new FieldError("persons[1].role", "required"),
                        new FieldError("persons[1].givenName", "required"));
    }

    @Test
    void namesAreLimited() {
        Person m = maria();
        assertThat(errors(withPersons(new Person(null, m.role(), null, "x".repeat(101), "y".repeat(101), null, null,
                null)))).extracting(FieldError::field)
                .containsExactlyInAnyOrder("persons[0].givenName", "persons[0].familyName");
    }

    @Test
    void birthDateIsNotInTheFutureNorBefore1900() {
        assertThat(errors(withPersons(mariaBornOn(LocalDate.of(2026, 12, 1)))))
                .containsExactly(new FieldError("persons[0].birthDate", "must not be in the future"));
        assertThat(errors(withPersons(mariaBornOn(LocalDate.of(1899, 12, 31)))))
                .containsExactly(new FieldError("persons[0].birthDate", "must be on or after 1900-01-01"));
        // born today somewhere on earth is fine
        assertThat(errors(withPersons(mariaBornOn(LocalDate.of(2026, 11, 25))))).isEmpty();
        assertThat(errors(withPersons(mariaBornOn(LocalDate.of(1900, 1, 1))))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "ES", "english", "e", "es_MX", "es-", "es-MX-" })
    void rejectsMalformedLanguageTags(String language) {
        Person m = maria();
        Person p = new Person(null, m.role(), null, m.givenName(), null, null, language, null);
        assertThat(errors(withPersons(p))).extracting(FieldError::field).containsExactly("persons[0].language");
    }

    @Test
    void acceptsLanguageTagsWithSubtags() {
        Person m = maria();
        for (String language : new String[] { "en", "es-MX", "zh-Hant", "yue", "es-419" }) {
            Person p = new Person(null, m.role(), null, m.givenName(), null, null, language, null);
            assertThat(errors(withPersons(p))).as(language).isEmpty();
        }
    }

    @Test
    void rejectsControlCharactersInTextFields() {
        Person m = maria();
        Person p = new Person(null, m.role(), null, "Ma\u0007ria", "Lo\npez", null, null,
                new ContactPreferences(null, null, List.of(), null, false, false, "Sister\u0000"));
        NewCase c = example();
        assertThat(errors(new NewCase(c.incident(), List.of(p), c.needs(), "line 1\nline 2\r\n\tindented\u001b[31m")))
                .containsExactlyInAnyOrder(
                        new FieldError("persons[0].givenName", "must not contain control characters"),
                        new FieldError("persons[0].familyName", "must not contain control characters"),
                        new FieldError("persons[0].contact.alternateContact", "must not contain control characters"),
                        new FieldError("narrative",
                                "must not contain control characters other than line breaks and tabs"));
    }

    @Test
    void narrativeAllowsLineBreaksUpTo8000Characters() {
        NewCase c = example();
        assertThat(errors(new NewCase(c.incident(), c.persons(), c.needs(), "a\r\n\tb\n".repeat(1000) + "x".repeat(2000))))
                .isEmpty();
        assertThat(errors(new NewCase(c.incident(), c.persons(), c.needs(), "x".repeat(8001))))
                .containsExactly(new FieldError("narrative", "must be at most 8000 characters"));
    }

    @Test
    void rejectsDuplicateNeeds() {
        NewCase c = example();
        assertThat(errors(new NewCase(c.incident(), c.persons(),
                List.of(ServiceCategory.SHELTER, ServiceCategory.MEDICAL, ServiceCategory.SHELTER), null)))
                .containsExactly(new FieldError("needs[2]", "duplicate need"));
    }

    @Test
    void safeHoursWindowMayNotBeEmpty() {
        ContactPreferences c = new ContactPreferences(null, "+12175550123", List.of(Channel.SMS),
                new SafeHours(LocalTime.NOON, LocalTime.NOON, ZoneId.of("America/Chicago")), false, true, null);
        assertThat(errors(withPersons(mariaWithContact(c)))).extracting(FieldError::field)
                .containsExactly("persons[0].contact.safeHours.to");
    }

    @Test
    void collectsEveryBrokenRuleAtOnce() {
        Incident i = incident();
        NewCase c = new NewCase(new Incident(i.number(), "XX", i.occurredAt(), List.of("13a"), null),
                List.of(ana(), mariaWithContact(contact(null, "555-0123", Channel.EMAIL))).stream()
                        .map(p -> p.role() == PersonRole.PRIMARY_VICTIM
                                ? new Person(null, PersonRole.WITNESS, null, p.givenName(), null, null, null, p.contact())
                                : p)
                        .toList(),
                List.of(), "ok");

        assertThatThrownBy(() -> validator.validate(c, NOW))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field, FieldError::message)
                        .contains(tuple("persons", "exactly one PRIMARY_VICTIM is required"))
                        .extracting(t -> (String) t.toArray()[0])
                        .containsExactlyInAnyOrder("incident.ori", "incident.offenses[0]", "persons",
                                "persons[1].contact.phone", "persons[1].contact.channels[0]"));
    }
}
