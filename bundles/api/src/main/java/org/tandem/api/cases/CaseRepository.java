package org.tandem.api.cases;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.tandem.api.Page;

/** Persistence of cases (implemented by the store bundle). Every read is scoped to one agency. */
public interface CaseRepository {

    /** Stores the case with its persons, offenses and needs in one transaction. */
    void insert(VictimCase victimCase);

    Optional<VictimCase> find(String agencyId, String caseId);

    Page<VictimCase> search(CaseQuery query);

    long count(String agencyId);

    /**
     * The agency's case for an incident: the oldest one when several cases share it.
     *
     * @since 1.1
     */
    default Optional<VictimCase> findByIncident(String agencyId, String ori, String incidentNumber) {
        if (agencyId == null || ori == null || incidentNumber == null) {
            return Optional.empty();
        }
        long total = Long.MAX_VALUE;
        Optional<VictimCase> oldest = Optional.empty();
        for (int page = 0; (long) page * Page.MAX_SIZE < total; page++) {
            Page<VictimCase> p = search(new CaseQuery(agencyId, null, incidentNumber, page,
                    Page.MAX_SIZE));
            total = p.total();
            for (VictimCase c : p.items()) {
                if (c.incident() != null && ori.equals(c.incident().ori())
                        && (oldest.isEmpty() || !c.createdAt().isAfter(oldest.get().createdAt()))) {
                    oldest = Optional.of(c);
                }
            }
            if (p.items().isEmpty()) {
                break;
            }
        }
        return oldest;
    }

    /**
     * Appends persons (with their ids already assigned) to an agency's case and sets its {@code updatedAt}, in
     * one transaction.
     *
     * @since 1.1
     * @throws java.util.NoSuchElementException when the agency has no such case
     */
    default void addPersons(String agencyId, String caseId, List<Person> persons, Instant updatedAt) {
        throw new UnsupportedOperationException("addPersons is not implemented by " + getClass().getName());
    }

    /**
     * Closes an open case of the agency: status CLOSED, {@code closedAt}, who and why, and journals
     * {@link org.tandem.api.TandemTopics#CASE_CLOSED}, in one transaction.
     *
     * @return the closed case
     * @since 1.3
     * @throws java.util.NoSuchElementException when the agency has no such case
     * @throws CaseStatusConflictException when the case is already closed
     */
    default VictimCase close(String agencyId, String caseId, String closedBy, String reason, Instant closedAt) {
        throw new UnsupportedOperationException("close is not implemented by " + getClass().getName());
    }

    /**
     * Reopens a closed case of the agency: status OPEN, closing time, user and reason cleared.
     *
     * @return the reopened case
     * @since 1.3
     * @throws java.util.NoSuchElementException when the agency has no such case
     * @throws CaseStatusConflictException when the case is open
     */
    default VictimCase reopen(String agencyId, String caseId, String reopenedBy, Instant reopenedAt) {
        throw new UnsupportedOperationException("reopen is not implemented by " + getClass().getName());
    }
}
