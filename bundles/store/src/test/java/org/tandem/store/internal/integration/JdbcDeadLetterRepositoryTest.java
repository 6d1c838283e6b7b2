package org.tandem.store.internal.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.api.Ids;
import org.tandem.api.integration.DeadLetter;
import org.tandem.api.integration.DeadLetterRepository;
import org.tandem.store.internal.migration.SchemaMigrator;
import org.tandem.store.testing.TestDatabase;

class JdbcDeadLetterRepositoryTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    @TempDir
    Path tempDir;

    private TestDatabase db;
    private JdbcDeadLetterRepository repository;

    @BeforeEach
    void setUp() {
        db = TestDatabase.create(tempDir);
        new SchemaMigrator(db.dataSource()).migrate();
        repository = new JdbcDeadLetterRepository(db.dataSource());
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void listsUnresolvedNewestFirstAndResolvesByReference() {
        repository.insert(new DeadLetter(Ids.newId(), "state-claims", "claim-1", "HTTP 500", T0, null));
        repository.insert(new DeadLetter(Ids.newId(), "state-claims", "claim-2", "HTTP 503", T0.plusSeconds(1), null));
        repository.insert(new DeadLetter(Ids.newId(), "rms-folder", "a.xml", "not well-formed", T0.plusSeconds(2), null));

        assertThat(repository.unresolved(null, 10)).extracting(DeadLetter::reference)
                .containsExactly("a.xml", "claim-2", "claim-1");
        assertThat(repository.unresolved("state-claims", 1)).extracting(DeadLetter::reference).containsExactly("claim-2");
        assertThat(repository.forReference("state-claims", "claim-1")).singleElement()
                .satisfies(d -> assertThat(d.reason()).isEqualTo("HTTP 500"));

        assertThat(repository.resolve("state-claims", "claim-1", T0.plusSeconds(60))).isEqualTo(1);
        assertThat(repository.forReference("state-claims", "claim-1")).isEmpty();
        assertThat(repository.unresolved("state-claims", 10)).extracting(DeadLetter::reference).containsExactly("claim-2");
    }

    @Test
    void longReasonsAreTruncated() {
        repository.insert(new DeadLetter(Ids.newId(), "rms-folder", "b.xml", "x".repeat(5000), T0, null));

        assertThat(repository.unresolved(null, 1).get(0).reason()).hasSize(DeadLetterRepository.MAX_REASON);
    }
}
