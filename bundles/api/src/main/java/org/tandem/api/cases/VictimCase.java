package org.tandem.api.cases;

import java.time.Instant;
import java.util.List;

/** A stored case. {@code id} is opaque and non-sequential; the case belongs to {@code agencyId}. */
public record VictimCase(String id, String agencyId, CaseStatus status, Incident incident, List<Person> persons,
        List<ServiceCategory> needs, String narrative, String createdBy, Instant createdAt, Instant updatedAt) {

    public VictimCase {
        persons = List.copyOf(persons);
        needs = List.copyOf(needs);
    }
}
