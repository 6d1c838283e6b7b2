package org.tandem.api.referral;

import java.util.List;

/**
 * The outcome of a directory import. {@code applied} is true only when every row was valid and all of them
 * were stored in one transaction; otherwise nothing was stored and {@code errors} lists every bad field of
 * every bad row.
 */
public record ImportReport(boolean applied, int rows, int created, int updated, List<RowError> errors) {

    public ImportReport {
        errors = List.copyOf(errors);
    }

    /**
     * One problem of one row: {@code row} is 1-based among the data rows (organizations in JSON), {@code line}
     * is the line of the file where the row starts (0 when not known), {@code field} the field at fault.
     */
    public record RowError(int row, int line, String providerId, String field, String message) {
    }
}
