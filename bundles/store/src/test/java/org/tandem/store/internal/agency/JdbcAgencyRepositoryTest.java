package org.tandem.store.internal.agency;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.api.store.Agency;
import org.tandem.api.store.AgencyKind;
import org.tandem.store.internal.migration.SchemaMigrator;
import org.tandem.store.testing.TestDatabase;

class JdbcAgencyRepositoryTest {

    @TempDir
    Path tempDir;

    private TestDatabase db;
    private JdbcAgencyRepository repository;

    @BeforeEach
    void setUp() {
        db = TestDatabase.create(tempDir);
        new SchemaMigrator(db.dataSource()).migrate();
        repository = new JdbcAgencyRepository(db.dataSource());
    }

    /** Runs {@code race} once, just before the first {@code INSERT INTO agency} is prepared. */
    private static DataSource beforeFirstInsert(DataSource target, Runnable race) {
        AtomicBoolean raced = new AtomicBoolean();
        InvocationHandler connections = (proxy, method, args) -> {
            Connection c = (Connection) invoke(target, method, args);
            return c == null ? null : Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (p, m, a) -> {
                        if (m.getName().equals("prepareStatement") && ((String) a[0]).startsWith("INSERT INTO agency")
                                && raced.compareAndSet(false, true)) {
                            race.run();
                        }
                        return invoke(c, m, a);
                    });
        };
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> method.getName().equals("getConnection")
                        ? connections.invoke(proxy, method, args) : invoke(target, method, args));
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void saveInsertsThenUpdates() {
        repository.save(new Agency("TX0000000", AgencyKind.LAW_ENFORCEMENT, "Springfield PD"));
        repository.save(new Agency("TX0000000", AgencyKind.LAW_ENFORCEMENT, "Springfield Police Department"));

        assertThat(repository.find("TX0000000"))
                .contains(new Agency("TX0000000", AgencyKind.LAW_ENFORCEMENT, "Springfield Police Department"));
        assertThat(db.count("agency")).isEqualTo(1);
    }

    @Test
    void listIsOrderedByName() {
        Agency shelter = new Agency("vsp-hope", AgencyKind.VICTIM_SERVICES, "Hope Shelter");
        Agency da = new Agency("da-county", AgencyKind.PROSECUTOR, "County District Attorney");
        Agency state = new Agency("state-ag", AgencyKind.STATE, "State Attorney General");
        repository.save(shelter);
        repository.save(state);
        repository.save(da);

        assertThat(repository.list()).containsExactly(da, shelter, state);
    }

    /** Another node inserts the same agency between our UPDATE (0 rows) and our INSERT: save still wins. */
    @Test
    void saveSurvivesLosingTheInsertRace() {
        Agency theirs = new Agency("TX0000000", AgencyKind.LAW_ENFORCEMENT, "Inserted by another node");
        Agency ours = new Agency("TX0000000", AgencyKind.LAW_ENFORCEMENT, "Springfield PD");
        DataSource racing = beforeFirstInsert(db.dataSource(), () -> repository.save(theirs));

        new JdbcAgencyRepository(racing).save(ours);

        assertThat(repository.list()).containsExactly(ours);
    }

    @Test
    void unknownAgencyIsEmpty() {
        assertThat(repository.find("nope")).isEmpty();
        assertThat(repository.find(null)).isEmpty();
        assertThat(repository.list()).isEmpty();
    }
}
