package org.tandem.api.referral;

import java.time.LocalDate;

import org.tandem.api.cases.ContactPreferences;
import org.tandem.api.cases.PersonRole;

/**
 * The referred person as a provider may see them: every field the consent does not cover is null. When the
 * person is not safe to contact directly, the contact carries only the alternate contact.
 */
public record SharedPerson(PersonRole role, String relationship, String givenName, String familyName,
        LocalDate birthDate, String language, ContactPreferences contact) {
}
