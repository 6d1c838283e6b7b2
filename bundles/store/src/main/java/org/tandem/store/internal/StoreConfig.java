package org.tandem.store.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.tandem.store.internal.audit.AuditRetentionService;
import org.tandem.store.internal.retention.CaseRetentionService;

/**
 * Configuration PID {@code org.tandem.store} ({@code etc/org.tandem.store.cfg}). A change of
 * {@code migrateOnStart} applies at the next start; a change of {@code dataSource.target} that selects
 * another DataSource restarts the store on it (an invalid filter leaves the store unsatisfied: DS logs it).
 * The audit retention settings apply live; a value out of range is refused with an error in the log and the previous
 * value is kept ({@link org.tandem.store.internal.audit.AuditRetentionService}).
 */
@ObjectClassDefinition(name = "Tandem store",
        description = "The DataSource the store uses, its schema migration, the audit trail's and closed cases' retention")
@interface StoreConfig {

    @AttributeDefinition(name = "DataSource filter",
            description = "LDAP filter selecting the javax.sql.DataSource service, e.g. (dataSourceName=tandem)")
    String dataSource_target() default StoreComponent.DEFAULT_DATA_SOURCE_TARGET;

    @AttributeDefinition(name = "Migrate on start",
            description = "Apply pending schema migrations at start; when false the schema must already be current")
    boolean migrateOnStart() default true;

    @AttributeDefinition(name = "Audit retention (days)", min = "30",
            description = "Audit records older than this are purged (chain anchored, purge audited); at least 30")
    int auditRetentionDays() default AuditRetentionService.DEFAULT_RETENTION_DAYS;

    @AttributeDefinition(name = "Audit purge interval (hours)", min = "1",
            description = "How often the store purges audit records older than the retention")
    int auditPurgeIntervalHours() default AuditRetentionService.DEFAULT_INTERVAL_HOURS;

    @AttributeDefinition(name = "Audit purge batch size", min = "1", max = "10000",
            description = "Records deleted per transaction by the purge")
    int auditPurgeBatchSize() default AuditRetentionService.DEFAULT_BATCH_SIZE;

    @AttributeDefinition(name = "Closed case retention (days)", min = "0",
            description = "CLOSED cases whose closing is older than this are purged with all their data (each purge"
                    + " audited as CASE_PURGED); 0 = never; otherwise at least 30. Open cases are never purged")
    int caseRetentionDays() default CaseRetentionService.DEFAULT_RETENTION_DAYS;

    @AttributeDefinition(name = "Case purge interval (hours)", min = "1",
            description = "How often the store purges closed cases older than the retention")
    int casePurgeIntervalHours() default CaseRetentionService.DEFAULT_INTERVAL_HOURS;

    @AttributeDefinition(name = "Case purge batch size", min = "1", max = "10000",
            description = "Closed cases read per batch (each case is deleted in its own transaction)")
    int casePurgeBatchSize() default CaseRetentionService.DEFAULT_BATCH_SIZE;
}
