package org.tandem.api.cases;

import java.time.Duration;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Retention of closed cases (provided by the store): a case {@link CaseStatus#CLOSED} for longer than
 * {@link #retention()} is deleted with every row that depends on it (persons, consents, referrals and their
 * history, notifications and their attempts, notices, tasks, registrations, claims ...), one transaction per case,
 * and each deletion is audited ({@code CASE_PURGED}, object = the case id, no victim data). Open cases are never
 * purged, whatever their age; the audit trail is not touched. The store runs it on a schedule; an administrator
 * can run it on demand ({@code tandem:case-purge}).
 *
 * @since 1.3
 */
@ProviderType
public interface CaseRetention {

    /** How long a closed case is kept; empty when closed cases are never purged (caseRetentionDays = 0). */
    Optional<Duration> retention();

    /**
     * Deletes, in batches, every case closed for longer than the retention; does nothing (but is audited) when
     * the purge is disabled.
     *
     * @param purgedBy the user who asked for it, or {@code system} for the scheduled run
     * @param roles that user's roles, comma-separated (for the audit records)
     * @param clientAddress {@code console}, {@code scheduler}, ...
     */
    CasePurge purge(String purgedBy, String roles, String clientAddress);
}
