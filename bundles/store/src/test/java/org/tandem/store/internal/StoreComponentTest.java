package org.tandem.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.tandem.api.audit.AuditLog;
import org.tandem.api.audit.AuditRetention;
import org.tandem.api.cases.CaseRepository;
import org.tandem.api.cases.CaseRetention;
import org.tandem.api.event.EventJournal;
import org.tandem.api.store.AgencyRepository;
import org.tandem.api.store.StoreInfo;
import org.tandem.store.internal.migration.SchemaMigrator;
import org.tandem.store.testing.TestDatabase;

/** The component's contract with the platform: services appear only after a successful migration. */
class StoreComponentTest {

    @TempDir
    Path tempDir;

    private TestDatabase db;
    private final List<Object> registered = new ArrayList<>();
    private final List<Object> unregistered = new ArrayList<>();
    private StoreComponent component;

    @BeforeEach
    void setUp() {
        db = TestDatabase.create(tempDir);
        component = new StoreComponent();
        component.dataSource = db.dataSource();
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void registersRepositoriesThenStoreInfoAfterMigrating() {
        component.activate(context(), config(true));

        assertThat(registered).extracting(s -> s.getClass().getInterfaces()[0])
                .containsExactly(CaseRepository.class, AgencyRepository.class, AuditLog.class, AuditRetention.class,
                        CaseRetention.class, EventJournal.class, StoreInfo.class);
        StoreInfo info = (StoreInfo) registered.get(6);
        assertThat(info.schemaVersion()).isEqualTo(TestDatabase.latestMigration());
        assertThat(info.databaseProduct()).isNotBlank();
        assertThat(info.ping()).isTrue();
        assertThat(db.count("victim_case")).isZero();

        component.deactivate();

        assertThat(unregistered).containsExactly(StoreInfo.class, EventJournal.class, CaseRetention.class,
                AuditRetention.class,
                AuditLog.class, AgencyRepository.class, CaseRepository.class);
    }

    @Test
    void failedMigrationRegistersNothing() {
        db.execute("CREATE TABLE agency (unexpected INT)");

        component.activate(context(), config(true));

        assertThat(registered).isEmpty();
        component.deactivate();
        assertThat(unregistered).isEmpty();
    }

    @Test
    void withoutMigrateOnStartAnOutdatedSchemaRegistersNothing() {
        component.activate(context(), config(false));
        assertThat(registered).isEmpty();

        new SchemaMigrator(db.dataSource()).migrate();
        component.activate(context(), config(false));
        assertThat(registered).hasSize(7);
    }

    @Test
    void unreachableDatabaseRegistersNothingAndPingIsFalse() {
        component.dataSource = (javax.sql.DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {javax.sql.DataSource.class}, (p, m, a) -> {
                    throw new java.sql.SQLException("Connection refused", "08001");
                });

        component.activate(context(), config(true));

        assertThat(registered).isEmpty();
        assertThat(new JdbcStoreInfo(component.dataSource, 1, "x").ping()).isFalse();
    }

    /** A BundleContext that only records registrations; anything else the component touches is a test failure. */
    private BundleContext context() {
        return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {BundleContext.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("registerService") || !(args[0] instanceof Class<?> type)) {
                        throw new UnsupportedOperationException(method.toString());
                    }
                    registered.add(args[1]);
                    return Proxy.newProxyInstance(getClass().getClassLoader(),
                            new Class<?>[] {ServiceRegistration.class}, (p, m, a) -> {
                                if (!m.getName().equals("unregister")) {
                                    throw new UnsupportedOperationException(m.toString());
                                }
                                unregistered.add(type);
                                return null;
                            });
                });
    }

    private static StoreConfig config(boolean migrateOnStart) {
        return (StoreConfig) Proxy.newProxyInstance(StoreConfig.class.getClassLoader(),
                new Class<?>[] {StoreConfig.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "dataSource_target" -> StoreComponent.DEFAULT_DATA_SOURCE_TARGET;
                    case "migrateOnStart" -> migrateOnStart;
                    default -> method.getDefaultValue();
                });
    }
}
