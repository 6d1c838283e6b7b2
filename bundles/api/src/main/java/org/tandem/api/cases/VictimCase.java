package org.tandem.api.cases;

import java.time.Instant;
import java.util.List;

/**
 * A stored case. {@code id} is opaque and non-sequential; the case belongs to {@code agencyId}. {@code closedAt} is
 * set while the case is {@link CaseStatus#CLOSED} (since 1.3), null while it is open.
 */
public record VictimCase(String id, String agencyId, CaseStatus status, Incident incident, List<Person> persons,
        List<ServiceCategory> needs, String narrative, String createdBy, Instant createdAt, Instant updatedAt,
        Instant closedAt) {

    public VictimCase {
        persons = List.copyOf(persons);
        needs = List.copyOf(needs);
    }

    /** A case without a closing time (an open case; the constructor of versions before 1.3). */
    public VictimCase(String id, String agencyId, CaseStatus status, Incident incident, List<Person> persons,
            List<ServiceCategory> needs, String narrative, String createdBy, Instant createdAt, Instant updatedAt) {
        this(id, agencyId, status, incident, persons, needs, narrative, createdBy, createdAt, updatedAt, null);
    }
}
