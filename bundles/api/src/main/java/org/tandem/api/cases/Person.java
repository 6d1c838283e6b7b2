package org.tandem.api.cases;

import java.time.LocalDate;

/** A person on a case: a victim, a secondary victim (family, friend) or a witness. */
public record Person(String id, PersonRole role, String relationship, String givenName, String familyName,
        LocalDate birthDate, String language, ContactPreferences contact) {

    public Person withId(String newId) {
        return new Person(newId, role, relationship, givenName, familyName, birthDate, language, contact);
    }
}
