package org.tandem.api.audit;

import java.time.Duration;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Retention of the audit trail (provided by the store): records older than {@link #retention()} are deleted by an
 * audited purge that first anchors the chain, so the remaining records still verify. The store runs it on a
 * schedule; an administrator can run it on demand ({@code tandem:audit-purge}). Nothing younger than the retention
 * can be deleted through this service, and the REST API has no delete at all.
 */
@ProviderType
public interface AuditRetention {

    /** How long records are kept (configured, at least 30 days). */
    Duration retention();

    /**
     * Deletes, oldest first and in batches of one transaction each, every record older than the retention. Each
     * batch appends an {@code AUDIT_PURGED} record naming who purged, how many and through which sequence (a run
     * that deletes nothing or fails is audited too). The chain is checked before a batch is deleted: a purge never
     * deletes a record whose hash or link does not match.
     *
     * @param purgedBy the user who asked for it, or {@code system} for the scheduled run
     * @param roles that user's roles, comma-separated (for the audit record)
     * @param clientAddress {@code console}, {@code scheduler}, ...
     * @throws RuntimeException when the store failed or the chain is broken (batches committed before stay purged;
     *             the failure is audited too when the audit trail can still be written)
     */
    AuditPurge purge(String purgedBy, String roles, String clientAddress);
}
