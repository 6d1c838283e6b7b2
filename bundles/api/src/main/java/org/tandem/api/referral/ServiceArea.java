package org.tandem.api.referral;

import java.util.List;

/**
 * Where a provider serves people: the whole state, or counties (names without the word "County") and/or
 * 5-digit ZIP codes.
 */
public record ServiceArea(boolean statewide, List<String> counties, List<String> zipCodes) {

    public static final ServiceArea NONE = new ServiceArea(false, List.of(), List.of());

    public ServiceArea {
        counties = counties == null ? List.of() : List.copyOf(counties);
        zipCodes = zipCodes == null ? List.of() : List.copyOf(zipCodes);
    }
}
