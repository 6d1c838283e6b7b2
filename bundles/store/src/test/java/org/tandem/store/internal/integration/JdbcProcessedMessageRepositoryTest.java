package org.tandem.store.internal.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.store.internal.migration.SchemaMigrator;
import org.tandem.store.testing.TestDatabase;

class JdbcProcessedMessageRepositoryTest {

    @TempDir
    Path tempDir;

    private TestDatabase db;
    private JdbcProcessedMessageRepository ledger;

    @BeforeEach
    void setUp() {
        db = TestDatabase.create(tempDir);
        new SchemaMigrator(db.dataSource()).migrate();
        ledger = JdbcProcessedMessageRepository.create(db.dataSource(), Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void aConfirmedKeyIsRefusedForEveryOwner() {
        assertThat(ledger.begin("rms", "IL0160000|1|doc", "run-1")).isTrue();
        ledger.confirm("rms", "IL0160000|1|doc");

        assertThat(ledger.begin("rms", "IL0160000|1|doc", "run-1")).isFalse();
        assertThat(ledger.begin("rms", "IL0160000|1|doc", "run-2")).isFalse();
        assertThat(ledger.contains("rms", "IL0160000|1|doc")).isTrue();
    }

    @Test
    void aPendingKeyIsRefusedToItsOwnerButTakenOverByANewRun() {
        assertThat(ledger.begin("rms", "k", "run-1")).isTrue();

        assertThat(ledger.begin("rms", "k", "run-1")).as("concurrent duplicate in the same run").isFalse();
        assertThat(ledger.begin("rms", "k", "run-2")).as("run-1 died before confirming").isTrue();
        assertThat(ledger.begin("rms", "k", "run-2")).as("run-2 owns it now").isFalse();
        ledger.confirm("rms", "k");
        assertThat(ledger.begin("rms", "k", "run-3")).isFalse();
        assertThat(db.count("processed_message")).isEqualTo(1);
    }

    @Test
    void removedKeysMayBeProcessedAgainAndProcessorsAreSeparate() {
        assertThat(ledger.begin("rms", "k", "run-1")).isTrue();
        ledger.remove("rms", "k");
        assertThat(ledger.contains("rms", "k")).isFalse();
        assertThat(ledger.begin("rms", "k", "run-1")).isTrue();

        assertThat(ledger.begin("custody", "k", "run-1")).isTrue();
        ledger.clear("rms");
        assertThat(ledger.contains("rms", "k")).isFalse();
        assertThat(ledger.contains("custody", "k")).isTrue();
    }

    @Test
    void survivesANewRepositoryInstance() {
        ledger.begin("custody", "R-1", "run-1");
        ledger.confirm("custody", "R-1");

        JdbcProcessedMessageRepository afterRestart = JdbcProcessedMessageRepository.create(db.dataSource(),
                Clock.systemUTC());

        assertThat(afterRestart.begin("custody", "R-1", "run-2")).isFalse();
    }
}
