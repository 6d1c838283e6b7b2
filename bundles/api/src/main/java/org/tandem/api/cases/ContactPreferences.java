package org.tandem.api.cases;

import java.util.List;

/**
 * How, when and whether a person may be contacted. {@code safeToContact=false} means nobody may
 * contact the person directly (only {@code alternateContact}, if set).
 */
public record ContactPreferences(String email, String phone, List<Channel> channels, SafeHours safeHours,
        boolean noVoicemail, boolean safeToContact, String alternateContact) {

    public ContactPreferences {
        channels = channels == null ? List.of() : List.copyOf(channels);
    }

    public static ContactPreferences none() {
        return new ContactPreferences(null, null, List.of(), null, false, true, null);
    }
}
