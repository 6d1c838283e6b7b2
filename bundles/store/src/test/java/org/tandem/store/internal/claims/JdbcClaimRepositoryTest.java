package org.tandem.store.internal.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.api.Ids;
import org.tandem.api.claims.Claim;
import org.tandem.api.claims.ClaimStatus;
import org.tandem.api.cases.VictimCase;
import org.tandem.store.internal.cases.JdbcCaseRepository;
import org.tandem.store.internal.migration.SchemaMigrator;
import org.tandem.store.testing.TestCases;
import org.tandem.store.testing.TestDatabase;

class JdbcClaimRepositoryTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final String AGENCY = "TX0000000";

    @TempDir
    Path tempDir;

    private TestDatabase db;
    private JdbcClaimRepository repository;
    private VictimCase victimCase;

    @BeforeEach
    void setUp() {
        db = TestDatabase.create(tempDir);
        new SchemaMigrator(db.dataSource()).migrate();
        repository = new JdbcClaimRepository(db.dataSource());
        victimCase = TestCases.sample(AGENCY, T0);
        new JdbcCaseRepository(db.dataSource()).insert(victimCase);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private Claim queued(Instant at) {
        return new Claim(Ids.newId(), AGENCY, victimCase.id(), victimCase.persons().get(0).id(), ClaimStatus.QUEUED, 0,
                null, null, "advocate", at, at, null);
    }

    @Test
    void insertedClaimReadsBackEqualAndIsScopedToTheAgency() {
        Claim claim = queued(T0);
        repository.insert(claim);

        assertThat(repository.find(AGENCY, claim.id())).contains(claim);
        assertThat(repository.find(claim.id())).contains(claim);
        assertThat(repository.find("TX9999999", claim.id())).isEmpty();
        assertThat(repository.listForCase(AGENCY, victimCase.id(), 0, 20).items()).containsExactly(claim);
        assertThat(repository.listForCase("TX9999999", victimCase.id(), 0, 20).total()).isZero();
    }

    @Test
    void transitionsAreCompareAndSetAndCountAttempts() {
        Claim claim = queued(T0);
        repository.insert(claim);

        assertThat(repository.transition(claim.id(), List.of(ClaimStatus.QUEUED), ClaimStatus.SENDING, false, null, null,
                T0.plusSeconds(1))).isTrue();
        assertThat(repository.transition(claim.id(), List.of(ClaimStatus.QUEUED), ClaimStatus.SENDING, false, null, null,
                T0.plusSeconds(1))).as("already moved").isFalse();
        assertThat(repository.transition(claim.id(), List.of(ClaimStatus.SENDING), ClaimStatus.SENDING, true, "HTTP 500",
                null, T0.plusSeconds(2))).isTrue();
        assertThat(repository.transition(claim.id(), List.of(ClaimStatus.SENDING), ClaimStatus.DELIVERED, true, null,
                "STATE-42", T0.plusSeconds(3))).isTrue();

        Claim read = repository.find(claim.id()).orElseThrow();
        assertThat(read.status()).isEqualTo(ClaimStatus.DELIVERED);
        assertThat(read.attempts()).isEqualTo(2);
        assertThat(read.lastError()).isEqualTo("HTTP 500");
        assertThat(read.stateReference()).isEqualTo("STATE-42");
        assertThat(read.deliveredAt()).isEqualTo(T0.plusSeconds(3));
        assertThat(repository.resubmit(claim.id(), T0.plusSeconds(4))).as("only DEAD claims").isFalse();
    }

    @Test
    void dueListsQueuedAndStaleSendingClaimsOldestFirst() {
        Claim a = queued(T0);
        Claim b = queued(T0.plusSeconds(1));
        Claim c = queued(T0.plusSeconds(2));
        Claim d = queued(T0.plusSeconds(3));
        List.of(a, b, c, d).forEach(repository::insert);
        repository.transition(b.id(), List.of(ClaimStatus.QUEUED), ClaimStatus.SENDING, false, null, null, T0.plusSeconds(10));
        repository.transition(c.id(), List.of(ClaimStatus.QUEUED), ClaimStatus.SENDING, false, null, null, T0.plusSeconds(100));
        repository.transition(d.id(), List.of(ClaimStatus.QUEUED), ClaimStatus.DEAD, true, "gone", null, T0.plusSeconds(4));

        assertThat(repository.due(T0.plusSeconds(50), 10)).extracting(Claim::id).containsExactly(a.id(), b.id());
        assertThat(repository.due(T0.plusSeconds(50), 1)).extracting(Claim::id).containsExactly(a.id());

        assertThat(repository.resubmit(d.id(), T0.plusSeconds(200))).isTrue();
        Claim again = repository.find(d.id()).orElseThrow();
        assertThat(again.status()).isEqualTo(ClaimStatus.QUEUED);
        assertThat(again.attempts()).isZero();
    }
}
