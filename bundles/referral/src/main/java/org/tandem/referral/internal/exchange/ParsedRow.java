package org.tandem.referral.internal.exchange;

import java.util.List;
import java.util.function.UnaryOperator;

import org.tandem.api.FieldError;
import org.tandem.api.referral.Provider;

/**
 * One data row of an import file as read: the provider it describes (null when it could not be read at all), the
 * errors found while reading it (in the file's own field names), and how to name a provider field in the file's
 * terms so validation errors point at the right column or JSON path.
 *
 * @param row  1-based among the data rows
 * @param line line of the file where the row starts, 0 when unknown
 */
public record ParsedRow(int row, int line, String providerId, Provider provider, List<FieldError> errors,
        UnaryOperator<String> fieldName) {

    public ParsedRow {
        errors = List.copyOf(errors);
    }
}
