package org.tandem.api.audit;

import java.time.Instant;

/**
 * The outcome of one purge.
 *
 * @param purged records deleted by this purge
 * @param anchorSequence the chain now starts after this sequence (0 when nothing was ever purged)
 * @param cutoff records recorded before this instant were due
 * @param batches transactions committed
 */
public record AuditPurge(long purged, long anchorSequence, Instant cutoff, int batches) {
}
