package org.tandem.api.consent;

import java.util.EnumSet;
import java.util.Set;

/**
 * The pieces of a person's data a sharing consent covers. Nothing else about a person (narrative, other
 * persons on the case, incident details) is ever shared under a consent.
 */
public enum DataItem {
    /** Given and family name. */
    NAME,
    /** Preferred language. */
    LANGUAGE,
    /** Contact details and contact rules (channels, safe hours, no voicemail, safe-to-contact, alternate contact). */
    CONTACT,
    /** Date of birth: only when explicitly listed. */
    BIRTH_DATE;

    /** What a sharing consent covers when it lists no items: enough to reach the person, nothing more. */
    public static Set<DataItem> defaultsFor(ConsentScope scope) {
        if (scope == ConsentScope.NOTIFY) {
            return Set.of();
        }
        return Set.copyOf(EnumSet.of(NAME, LANGUAGE, CONTACT));
    }
}
