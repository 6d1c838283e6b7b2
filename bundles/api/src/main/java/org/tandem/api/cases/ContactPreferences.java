package org.tandem.api.cases;

import java.util.List;

/**
 * How, when and whether a person may be contacted. {@code safeToContact=false} means nobody may
 * contact the person directly (only {@code alternateContact}, if set). {@code urgentChannels}: the channels the
 * person marked as safe for urgent alerts (an offender's release or escape) outside their safe hours; empty means
 * urgent alerts wait for the safe hours too, and the advocate is alerted at once.
 */
public record ContactPreferences(String email, String phone, List<Channel> channels, SafeHours safeHours,
        boolean noVoicemail, boolean safeToContact, String alternateContact, List<Channel> urgentChannels) {

    public ContactPreferences {
        channels = channels == null ? List.of() : List.copyOf(channels);
        urgentChannels = urgentChannels == null ? List.of() : List.copyOf(urgentChannels);
    }

    /** Without channels for urgent alerts outside safe hours. */
    public ContactPreferences(String email, String phone, List<Channel> channels, SafeHours safeHours,
            boolean noVoicemail, boolean safeToContact, String alternateContact) {
        this(email, phone, channels, safeHours, noVoicemail, safeToContact, alternateContact, List.of());
    }

    public static ContactPreferences none() {
        return new ContactPreferences(null, null, List.of(), null, false, true, null);
    }
}
