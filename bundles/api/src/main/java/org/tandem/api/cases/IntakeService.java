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

    /** @return the case, or empty when it does not exist or belongs to another agency */
    Optional<VictimCase> get(Caller caller, String caseId);

    Page<VictimCase> list(Caller caller, CaseStatus status, String incidentNumber, int page, int size);
}
