package org.tandem.api.audit;

import org.osgi.annotation.versioning.ProviderType;
import org.tandem.api.Page;

/** The audit trail (provided by the store). There is no update and no delete; only {@link AuditRetention} purges. */
@ProviderType
public interface AuditLog {

    /**
     * Appends the event to the chain; it is durable when this returns.
     *
     * @throws RuntimeException when it could not be stored: the caller must then not disclose what it audits
     */
    AuditRecord record(AuditEvent event);

    /**
     * Newest first.
     *
     * @throws IllegalArgumentException without an agency, with a negative page or a size outside 1..{@link Page#MAX_SIZE}
     */
    Page<AuditRecord> search(AuditQuery query);

    /**
     * Re-computes every hash and link of the chain, from the anchor of the latest purge (or from the first record
     * when nothing was purged) to the head.
     */
    AuditVerification verify();
}
