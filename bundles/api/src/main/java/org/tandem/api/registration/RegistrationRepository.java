package org.tandem.api.registration;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.tandem.api.Page;

/** Persistence of registrations (implemented by the store bundle). */
public interface RegistrationRepository {

    void insert(Registration registration);

    /** @return the agency's registration, cancelled or not */
    Optional<Registration> find(String agencyId, String id);

    /** The agency's registrations on a case, oldest first, including cancelled ones. */
    Page<Registration> listForCase(String agencyId, String caseId, int page, int size);

    /** The active registration of the same person, case and offender (null offender: the case), if any. */
    Optional<Registration> findActive(String agencyId, String caseId, String personId, String offenderId);

    /**
     * Platform-internal (state feeds are not scoped to one agency): the active registrations that match a
     * report about {@code offenderId} (registrations for that offender) and, when {@code caseId} is not null,
     * about that case (registrations for the case). Ordered by case, then creation.
     */
    List<Registration> activeMatching(String offenderId, String caseId);

    /** @return true if it was active and is now cancelled */
    boolean cancel(String agencyId, String id, Instant at);
}
