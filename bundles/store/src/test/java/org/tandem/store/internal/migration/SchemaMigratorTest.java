package org.tandem.store.internal.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.store.testing.TestDatabase;

class SchemaMigratorTest {

    @TempDir
    Path tempDir;

    private TestDatabase db;

    @BeforeEach
    void openDatabase() {
        db = TestDatabase.create(tempDir);
    }

    @AfterEach
    void closeDatabase() {
        db.close();
    }

    @Test
    void appliesTheRealInitialSchemaOnce() throws Exception {
        MigrationResult result = new SchemaMigrator(db.dataSource()).migrate();

        assertThat(result.applied()).isEqualTo(TestDatabase.SCHEMA_VERSIONS);
        assertThat(result.currentVersion()).isEqualTo(TestDatabase.LATEST_SCHEMA_VERSION);
        for (String table : TestDatabase.TABLES) {
            assertThat(db.count(table)).as(table).isZero();
        }
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT version, description, applied_at, checksum FROM tandem_schema_version ORDER BY version")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(1);
            assertThat(rs.getString(2)).isEqualTo("init");
            assertThat(rs.getTimestamp(3)).isNotNull();
            assertThat(rs.getString(4)).matches("[0-9a-f]{64}");
        }
    }

    @Test
    void secondRunAppliesNothing() {
        SchemaMigrator migrator = new SchemaMigrator(db.dataSource());
        migrator.migrate();

        MigrationResult again = new SchemaMigrator(db.dataSource()).migrate();

        assertThat(again.applied()).isEmpty();
        assertThat(again.currentVersion()).isEqualTo(TestDatabase.LATEST_SCHEMA_VERSION);
        assertThat(db.count("tandem_schema_version")).isEqualTo(TestDatabase.SCHEMA_VERSIONS.size());
        assertThat(migrator.validate()).isEqualTo(TestDatabase.LATEST_SCHEMA_VERSION);
    }

    @Test
    void appliesOnlyNewMigrationsInOrder() {
        assertThat(migrator("v1").migrate().applied()).containsExactly(1);

        MigrationResult result = migrator("v2").migrate();

        assertThat(result.applied()).containsExactly(2);
        assertThat(result.currentVersion()).isEqualTo(2);
        assertThat(db.count("mt_second")).isEqualTo(1);
    }

    @Test
    void checksumMismatchOfAnAppliedFileFailsLoudly() {
        migrator("v1").migrate();

        assertThatThrownBy(() -> migrator("edited").migrate()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Checksum mismatch").hasMessageContaining("V001__first.sql");
        assertThatThrownBy(() -> migrator("edited").validate()).hasMessageContaining("Checksum mismatch");
    }

    @Test
    void failedMigrationIsRolledBackWithItsVersionRow() {
        assertThatThrownBy(() -> migrator("broken").migrate()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("V002__broken.sql").hasMessageContaining("statement 3");

        assertThat(migrator("v1").currentVersion()).isEqualTo(1);
        assertThat(db.count("mt_first")).isEqualTo(1);
        assertThatThrownBy(() -> db.count("mt_broken")).as("V002's first statement was rolled back")
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void databaseNewerThanTheBundleIsRefused() {
        migrator("v2").migrate();

        assertThatThrownBy(() -> migrator("v1").migrate()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("schema version 2");
    }

    @Test
    void validateReportsPendingMigrationsWithoutApplyingThem() {
        migrator("v1").migrate();

        assertThatThrownBy(() -> migrator("v2").validate()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("V002__second.sql");
        assertThat(migrator("v2").currentVersion()).isEqualTo(1);
    }

    @Test
    void missingIndexOrFileIsReportedByName() {
        assertThatThrownBy(() -> migrator("nowhere").migrate()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("migration-test/nowhere/index.txt");
        assertThatThrownBy(() -> migrator("missing-file").migrate()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("migration-test/missing-file/V001__nowhere.sql");
    }

    /** Two nodes starting at once on a shared database: both succeed, the schema is applied once. */
    @Test
    void concurrentStartsApplyEachVersionOnce() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        Callable<MigrationResult> node = () -> {
            start.await();
            return migrator("v2").migrate();
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<MigrationResult>> results = List.of(pool.submit(node), pool.submit(node));
            start.countDown();
            int appliedTotal = 0;
            for (Future<MigrationResult> f : results) {
                MigrationResult r = f.get(60, TimeUnit.SECONDS);
                assertThat(r.currentVersion()).isEqualTo(2);
                appliedTotal += r.applied().size();
            }
            assertThat(appliedTotal).isEqualTo(2);
            assertThat(db.count("tandem_schema_version")).isEqualTo(2);
            assertThat(db.count("mt_first")).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    private SchemaMigrator migrator(String folder) {
        return new SchemaMigrator(db.dataSource(), "migration-test/" + folder);
    }
}
