package org.tandem.store.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.api.audit.AuditLog;
import org.tandem.api.audit.AuditRetention;
import org.tandem.api.cases.CaseRepository;
import org.tandem.api.cases.CaseRetention;
import org.tandem.api.event.EventJournal;
import org.tandem.api.store.AgencyRepository;
import org.tandem.api.store.StoreInfo;
import org.tandem.store.internal.agency.JdbcAgencyRepository;
import org.tandem.store.internal.audit.AuditRetentionService;
import org.tandem.store.internal.audit.JdbcAuditLog;
import org.tandem.store.internal.audit.JdbcAuditPurge;
import org.tandem.store.internal.cases.JdbcCaseRepository;
import org.tandem.store.internal.event.JdbcEventJournal;
import org.tandem.store.internal.migration.SchemaMigrator;
import org.tandem.store.internal.retention.CaseRetentionService;
import org.tandem.store.internal.retention.JdbcCasePurge;

/**
 * Starts the store: migrates the schema, then registers the repositories and {@link StoreInfo}. The services
 * are registered by hand rather than declared as DS services so that they exist only once the schema is
 * known to be current: a DS service would be visible before (or without) a successful migration.
 */
@Component(immediate = true, configurationPid = "org.tandem.store")
@Designate(ocd = StoreConfig.class)
// hand-registered services are invisible to bnd; advertise them so resolvers that enforce consumers'
// osgi.service requirements (Karaf features with service requirements on) can resolve the consumers
@Capability(namespace = "osgi.service", uses = CaseRepository.class,
        attribute = "objectClass:List<String>=\"org.tandem.api.cases.CaseRepository\"")
@Capability(namespace = "osgi.service", uses = AgencyRepository.class,
        attribute = "objectClass:List<String>=\"org.tandem.api.store.AgencyRepository\"")
@Capability(namespace = "osgi.service", uses = AuditLog.class,
        attribute = "objectClass:List<String>=\"org.tandem.api.audit.AuditLog\"")
@Capability(namespace = "osgi.service", uses = AuditRetention.class,
        attribute = "objectClass:List<String>=\"org.tandem.api.audit.AuditRetention\"")
@Capability(namespace = "osgi.service", uses = CaseRetention.class,
        attribute = "objectClass:List<String>=\"org.tandem.api.cases.CaseRetention\"")
@Capability(namespace = "osgi.service", uses = EventJournal.class,
        attribute = "objectClass:List<String>=\"org.tandem.api.event.EventJournal\"")
@Capability(namespace = "osgi.service", uses = StoreInfo.class,
        attribute = "objectClass:List<String>=\"org.tandem.api.store.StoreInfo\"")
public class StoreComponent {

    /**
     * Also set on the reference itself, so that without a configuration file the store never binds to an
     * arbitrary DataSource, whatever the tooling does with typed-configuration defaults.
     */
    static final String DEFAULT_DATA_SOURCE_TARGET = "(dataSourceName=tandem)";

    private static final Logger LOG = LoggerFactory.getLogger(StoreComponent.class);

    /** Overridden by the {@code dataSource.target} configuration property. Package-private for tests. */
    @Reference(name = "dataSource", target = DEFAULT_DATA_SOURCE_TARGET)
    DataSource dataSource;

    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
    private JdbcAuditLog auditLog;
    private AuditRetentionService retention;
    private CaseRetentionService caseRetention;

    @Activate
    void activate(BundleContext context, StoreConfig config) {
        int version;
        String product;
        try {
            SchemaMigrator migrator = new SchemaMigrator(dataSource);
            version = config.migrateOnStart() ? migrator.migrate().currentVersion() : migrator.validate();
            product = JdbcStoreInfo.databaseProduct(dataSource);
        } catch (Exception e) {
            // not rethrown: DS would log a generic activation failure; this says what is wrong and what is missing
            LOG.error("Tandem store NOT started, no store services registered: {}", e.getMessage(), e);
            return;
        }
        LOG.info("Tandem store ready: schema version {} on {}", version, product);
        registrations.add(context.registerService(CaseRepository.class, new JdbcCaseRepository(dataSource), null));
        registrations.add(context.registerService(AgencyRepository.class, new JdbcAgencyRepository(dataSource), null));
        JdbcAuditLog audit = new JdbcAuditLog(dataSource, Clock.systemUTC());
        auditLog = audit;
        registrations.add(context.registerService(AuditLog.class, audit, null));
        AuditRetentionService purge = new AuditRetentionService(new JdbcAuditPurge(dataSource, audit,
                Clock.systemUTC()));
        purge.configure(config.auditRetentionDays(), config.auditPurgeIntervalHours(), config.auditPurgeBatchSize());
        purge.start();
        retention = purge;
        registrations.add(context.registerService(AuditRetention.class, purge, null));
        CaseRetentionService cases = new CaseRetentionService(new JdbcCasePurge(dataSource, audit,
                Clock.systemUTC()));
        cases.configure(config.caseRetentionDays(), config.casePurgeIntervalHours(), config.casePurgeBatchSize());
        cases.start();
        caseRetention = cases;
        registrations.add(context.registerService(CaseRetention.class, cases, null));
        registrations.add(context.registerService(EventJournal.class,
                new JdbcEventJournal(dataSource, Clock.systemUTC()), null));
        // last: its presence tells the platform the store is ready
        registrations.add(context.registerService(StoreInfo.class, new JdbcStoreInfo(dataSource, version, product),
                null));
    }

    /**
     * Live change without restarting the store (and everything bound to its services). migrateOnStart is read
     * at start; a dataSource.target that no longer matches the bound DataSource makes DS restart the store on
     * the newly selected one.
     */
    @Modified
    void modified(StoreConfig config) {
        LOG.info("Configuration org.tandem.store changed: migrateOnStart={} (applies at the next start), "
                + "dataSource.target={}", config.migrateOnStart(), config.dataSource_target());
        AuditRetentionService current = retention;
        if (current != null) {
            current.configure(config.auditRetentionDays(), config.auditPurgeIntervalHours(),
                    config.auditPurgeBatchSize());
        }
        CaseRetentionService cases = caseRetention;
        if (cases != null) {
            cases.configure(config.caseRetentionDays(), config.casePurgeIntervalHours(),
                    config.casePurgeBatchSize());
        }
    }

    @Deactivate
    void deactivate() {
        // readiness first, then the repositories: reverse registration order
        for (int i = registrations.size() - 1; i >= 0; i--) {
            try {
                registrations.get(i).unregister();
            } catch (IllegalStateException alreadyGone) {
                // the framework unregisters a stopping bundle's services itself
            }
        }
        registrations.clear();
        if (caseRetention != null) {
            // before the audit log: a running purge stops after its current case
            caseRetention.close();
            caseRetention = null;
        }
        if (retention != null) {
            // before the audit log: a running purge stops after its batch and audits itself
            retention.close();
            retention = null;
        }
        if (auditLog != null) {
            // after unregistering: queued records are written before the writer stops
            auditLog.close();
            auditLog = null;
        }
    }
}
