package org.tandem.api.cases;

import java.time.Instant;
import java.util.List;

/** The police incident a case is linked to: RMS incident number, agency ORI, NIBRS offense codes. */
public record Incident(String number, String ori, Instant occurredAt, List<String> offenses, String location) {

    public Incident {
        offenses = offenses == null ? List.of() : List.copyOf(offenses);
    }
}
