package org.tandem.api.spi;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;
import org.tandem.api.FieldError;

/**
 * Whiteboard service: an agency's own rules for new cases (e.g. "a county code is required"). Runs
 * after the built-in validation has passed, in {@code service.ranking} order (highest first); the
 * errors of every validator are collected and the client gets them all in one 422 problem, each
 * with the field and the agency's message. Nothing is stored when any validator reports an error.
 *
 * <p>Selection by service properties: {@link Extensions#AGENCY} limits the validator to the cases
 * of the listed agencies. A validator that throws is logged, counted and skipped (intake does not
 * fail because an extension is broken); report rule violations by returning errors, not by throwing.
 */
@ConsumerType
public interface IntakeValidator {

    /**
     * @param context the request: read-only case (after enrichment) and the caller
     * @return the rejected fields, with paths as in the REST contract (e.g. {@code incident.location},
     *         {@code persons[0].language}); empty when the case is acceptable
     */
    List<FieldError> validate(IntakeContext context);
}
