package org.tandem.api.cases;

/**
 * The case is not in the status the operation needs: closing a closed case, reopening an open one (HTTP 409).
 *
 * @since 1.3
 */
public class CaseStatusConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final CaseStatus status;

    public CaseStatusConflictException(String message, CaseStatus status) {
        super(message);
        this.status = status;
    }

    /** The case's current status. */
    public CaseStatus status() {
        return status;
    }
}
