package org.tandem.api.registration;

import java.time.Instant;

/**
 * A person on a case registered for events. {@code offenderId} set: events about that offender (custody,
 * and court events that name the offender); {@code offenderId} null: events about the case itself.
 * {@code cancelledAt} set means the registration no longer matches anything.
 */
public record Registration(String id, String agencyId, String caseId, String personId, String offenderId,
        String createdBy, Instant createdAt, Instant cancelledAt) {

    public boolean active() {
        return cancelledAt == null;
    }

    public boolean forOffender() {
        return offenderId != null;
    }
}
