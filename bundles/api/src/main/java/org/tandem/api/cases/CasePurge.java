package org.tandem.api.cases;

import java.time.Instant;

/**
 * The outcome of one run of the case retention purge.
 *
 * @param purged cases deleted with every row that depended on them
 * @param failed cases that could not be deleted (each rolled back entirely, left for the next run)
 * @param cutoff cases closed before this instant were due; null when the purge is disabled
 * @param rows rows deleted in all tables, the cases' own rows included
 * @since 1.3
 */
public record CasePurge(long purged, long failed, Instant cutoff, long rows) {
}
