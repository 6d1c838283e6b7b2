package org.tandem.api.cases;

import java.util.Optional;

import org.tandem.api.Caller;
import org.tandem.api.Page;

/**
 * Opens and reads victim cases on behalf of a caller. Used by REST, the console and Camel routes,
 * so validation and tenancy rules are the same on every path.
 */
public interface IntakeService {

    /**
     * Validates and stores a new case for the caller's agency, then posts
     * {@link org.tandem.api.TandemTopics#CASE_OPENED}.
     *
     * @throws org.tandem.api.ValidationException listing every bad field; nothing is stored
     * @throws org.tandem.api.AccessDeniedException when the caller may not open cases
     */
    VictimCase open(Caller caller, NewCase newCase);

    /**
     * For feeds that report the same incident more than once (RMS supplemental reports): validates
     * {@code newCase} like {@link #open}; when the caller's agency already has a case for the same incident
     * (ORI and incident number) the persons of {@code newCase} that are not on that case yet are added to it
     * (one transaction, {@link org.tandem.api.TandemTopics#CASE_UPDATED}), otherwise a case is opened.
     * A person is "already on the case" when role, given name, family name (ignoring case) and birth date
     * match. Incident details of a supplement (offenses, location) do not change the stored case.
     *
     * @since 1.1
     * @throws org.tandem.api.ValidationException listing every bad field, including a PRIMARY_VICTIM that
     *         differs from the existing case's; nothing is stored
     * @throws org.tandem.api.AccessDeniedException when the caller may not open cases
     */
    default IntakeResult openOrSupplement(Caller caller, NewCase newCase) {
        throw new UnsupportedOperationException("openOrSupplement is not implemented by " + getClass().getName());
    }

    /** @return the case, or empty when it does not exist or belongs to another agency */
    Optional<VictimCase> get(Caller caller, String caseId);

    Page<VictimCase> list(Caller caller, CaseStatus status, String incidentNumber, int page, int size);

    /**
     * Closes a case of the caller's agency (supervisor, officer or advocate): status CLOSED with {@code closedAt};
     * posts {@link org.tandem.api.TandemTopics#CASE_CLOSED}. A closed case is purged once the retention period
     * after its closing has passed ({@link CaseRetention}).
     *
     * @param reason why (required, at most 1000 characters; kept with the case, never put in events)
     * @return the closed case, or empty when it does not exist or belongs to another agency
     * @throws org.tandem.api.ValidationException when the reason is missing or too long
     * @throws CaseStatusConflictException when the case is already closed
     * @throws org.tandem.api.AccessDeniedException when the caller may not close cases
     * @since 1.3
     */
    default Optional<VictimCase> close(Caller caller, String caseId, String reason) {
        throw new UnsupportedOperationException("close is not implemented by " + getClass().getName());
    }

    /**
     * Reopens a closed case of the caller's agency (supervisor only): status OPEN, closing cleared; posts
     * {@link org.tandem.api.TandemTopics#CASE_UPDATED}.
     *
     * @return the reopened case, or empty when it does not exist or belongs to another agency
     * @throws CaseStatusConflictException when the case is open
     * @throws org.tandem.api.AccessDeniedException when the caller is not a supervisor of an agency
     * @since 1.3
     */
    default Optional<VictimCase> reopen(Caller caller, String caseId) {
        throw new UnsupportedOperationException("reopen is not implemented by " + getClass().getName());
    }
}
