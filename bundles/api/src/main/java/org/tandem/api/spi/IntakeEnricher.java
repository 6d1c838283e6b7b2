package org.tandem.api.spi;

import org.osgi.annotation.versioning.ConsumerType;
import org.tandem.api.cases.NewCase;

/**
 * Whiteboard service: fills or normalises fields of a new case before it is validated (e.g. a
 * default service need, the county of an agency's jurisdiction). Enrichers run in
 * {@code service.ranking} order (highest first), each on the result of the previous one, then the
 * result goes through the built-in validation and the {@link IntakeValidator}s, so an enricher
 * cannot make an invalid case acceptable.
 *
 * <p>Selection by service properties: {@link Extensions#AGENCY} limits the enricher to the cases
 * of the listed agencies. An enricher that throws, returns {@code null} or is too slow is logged,
 * counted and skipped: intake goes on with the case as it was before that enricher.
 */
@ConsumerType
public interface IntakeEnricher {

    /**
     * @param context the request: read-only case and the caller
     * @return the case to continue with: {@code context.newCase()} itself when there is nothing to
     *         add, or a copy with fields filled
     */
    NewCase enrich(IntakeContext context);
}
