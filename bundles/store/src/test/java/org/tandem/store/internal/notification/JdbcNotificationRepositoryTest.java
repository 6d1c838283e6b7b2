package org.tandem.store.internal.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.api.Ids;
import org.tandem.api.Page;
import org.tandem.api.cases.Channel;
import org.tandem.api.notification.AttemptOutcome;
import org.tandem.api.notification.Notification;
import org.tandem.api.notification.NotificationAttempt;
import org.tandem.api.notification.NotificationState;
import org.tandem.api.notification.RecipientType;
import org.tandem.store.internal.migration.SchemaMigrator;
import org.tandem.store.testing.TestDatabase;

class JdbcNotificationRepositoryTest {

    private static final Instant T0 = Instant.parse("2026-11-25T14:00:00.123Z");
    private static final String AGENCY = "PD-DEMO";
    private static final String CASE = "caseaaaaaaaaaaaaaaaaaaaa";

    @TempDir
    Path tempDir;

    private TestDatabase db;
    private JdbcNotificationRepository repository;

    @BeforeEach
    void setUp() {
        db = TestDatabase.create(tempDir);
        new SchemaMigrator(db.dataSource()).migrate();
        repository = new JdbcNotificationRepository(db.dataSource());
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    static Notification queued(String key, Instant due) {
        return new Notification(Ids.newId(), key, AGENCY, CASE, "personaaaaaaaaaaaaaaaaaa", RecipientType.PERSON,
                "CASE_OPENED", CASE, Channel.EMAIL, "es", "case-opened", null, false, null, NotificationState.QUEUED,
                0, due, null, null, null, "officer", T0, T0, null, null, Map.of("text", "Hola", "status", "OPEN"),
                List.of());
    }

    @Test
    void insertsOncePerIdempotencyKeyAndReadsBackEqual() {
        Notification n = queued("CASE_OPENED|c1|p1|PERSON|EMAIL", T0);

        assertThat(repository.insertIfAbsent(n)).isTrue();
        assertThat(repository.insertIfAbsent(queued("CASE_OPENED|c1|p1|PERSON|EMAIL", T0))).isFalse();

        assertThat(repository.find(n.id())).contains(n);
        assertThat(db.count("notification")).isEqualTo(1);
        assertThat(db.count("notification_param")).isEqualTo(2);
    }

    @Test
    void dueListsPendingRecordsWhoseTimeHasComeInDueOrder() {
        Notification later = queued("k-later", T0.plusSeconds(60));
        Notification now = queued("k-now", T0);
        Notification sent = queued("k-sent", T0).withState(NotificationState.SENT, null, null, T0);
        repository.insertIfAbsent(later);
        repository.insertIfAbsent(now);
        repository.insertIfAbsent(sent);

        assertThat(repository.due(T0, 10)).extracting(Notification::id).containsExactly(now.id());
        assertThat(repository.due(T0.plusSeconds(60), 10)).extracting(Notification::id)
                .containsExactly(now.id(), later.id());
        assertThat(repository.due(T0.plusSeconds(60), 1)).hasSize(1);
        assertThat(repository.due(T0, 10).get(0).params()).containsEntry("text", "Hola");
    }

    @Test
    void onlyOneClaimWinsUntilTheLeaseExpires() {
        Notification n = queued("k", T0);
        repository.insertIfAbsent(n);

        Optional<String> first = repository.claim(n.id(), T0, T0.plusSeconds(120));
        Optional<String> second = repository.claim(n.id(), T0.plusSeconds(10), T0.plusSeconds(130));

        assertThat(first).isPresent();
        assertThat(second).isEmpty();
        assertThat(repository.due(T0.plusSeconds(10), 10)).isEmpty();
        // the holder died: after the lease the record is due again and can be claimed
        assertThat(repository.due(T0.plusSeconds(121), 10)).hasSize(1);
        Optional<String> third = repository.claim(n.id(), T0.plusSeconds(121), T0.plusSeconds(241));
        assertThat(third).isPresent();
        // the late first holder cannot overwrite the new holder's outcome
        Notification sent = n.withState(NotificationState.SENT, null, null, T0.plusSeconds(122));
        assertThat(repository.complete(first.get(), sent, null, null)).isFalse();
        assertThat(repository.complete(third.get(), sent, null, null)).isTrue();
        assertThat(repository.find(n.id()).orElseThrow().state()).isEqualTo(NotificationState.SENT);
        assertThat(repository.claim(n.id(), T0.plusSeconds(500), T0.plusSeconds(600))).isEmpty();
    }

    @Test
    void completeWritesStateHistoryAndFallbackInOneGo() {
        Notification n = queued("k-email", T0);
        repository.insertIfAbsent(n);
        String token = repository.claim(n.id(), T0, T0.plusSeconds(60)).orElseThrow();
        Notification dead = n.withState(NotificationState.DEAD, "550 no such user", null, T0.plusSeconds(1))
                .withAttempt(1, null, null, null).withContent("es", false, "ab".repeat(32));
        Notification fallback = new Notification(Ids.newId(), "k-sms", AGENCY, CASE, n.personId(),
                RecipientType.PERSON, "CASE_OPENED", CASE, Channel.SMS, "es", "case-opened", null, false, null,
                NotificationState.QUEUED, 0, T0.plusSeconds(1), null, null, n.id(), "officer", T0.plusSeconds(1),
                T0.plusSeconds(1), null, null, n.params(), List.of());

        assertThat(repository.complete(token, dead, new NotificationAttempt(0, T0.plusSeconds(1), Channel.EMAIL,
                AttemptOutcome.PERMANENT_FAILURE, null, "550 no such user", "ab".repeat(32)), fallback)).isTrue();
        repository.transition(dead, NotificationState.DEAD, new NotificationAttempt(0, T0.plusSeconds(2),
                Channel.EMAIL, AttemptOutcome.GAVE_UP, null, "no more attempts", null), null);

        Notification read = repository.find(n.id()).orElseThrow();
        assertThat(read.state()).isEqualTo(NotificationState.DEAD);
        assertThat(read.attemptCount()).isEqualTo(1);
        assertThat(read.contentHash()).isEqualTo("ab".repeat(32));
        assertThat(read.history()).extracting(NotificationAttempt::seq, NotificationAttempt::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, AttemptOutcome.PERMANENT_FAILURE),
                        org.assertj.core.groups.Tuple.tuple(2, AttemptOutcome.GAVE_UP));
        Notification sms = repository.find(fallback.id()).orElseThrow();
        assertThat(sms.fallbackOf()).isEqualTo(n.id());
        assertThat(sms.params()).isEqualTo(n.params());
        assertThat(repository.due(T0.plusSeconds(1), 10)).extracting(Notification::id).containsExactly(fallback.id());
    }

    @Test
    void transitionAppliesOnlyFromTheExpectedUnclaimedState() {
        Notification n = queued("k", T0).withState(NotificationState.SENT, null, null, T0);
        repository.insertIfAbsent(n);
        Notification delivered = n.withState(NotificationState.DELIVERED, null, null, T0.plusSeconds(5));

        assertThat(repository.transition(delivered, NotificationState.QUEUED, null, null)).isFalse();
        assertThat(repository.transition(delivered, NotificationState.SENT, null, null)).isTrue();
        assertThat(repository.transition(delivered, NotificationState.SENT, null, null)).isFalse();
        assertThat(repository.find(n.id()).orElseThrow().state()).isEqualTo(NotificationState.DELIVERED);
    }

    @Test
    void findsByProviderMessageIdOnTheChannel() {
        Notification n = queued("k", T0).withAttempt(1, "gw-42", T0, null);
        repository.insertIfAbsent(n);

        assertThat(repository.findByProviderMessageId(Channel.EMAIL, "gw-42")).map(Notification::id).contains(n.id());
        assertThat(repository.findByProviderMessageId(Channel.SMS, "gw-42")).isEmpty();
        assertThat(repository.findByProviderMessageId(Channel.EMAIL, "gw-43")).isEmpty();
    }

    @Test
    void caseListIsPagedNewestFirstAndScopedToTheAgency() {
        for (int i = 0; i < 5; i++) {
            Notification n = queued("k" + i, T0);
            repository.insertIfAbsent(new Notification(n.id(), n.idempotencyKey(), n.agencyId(), n.caseId(),
                    n.personId(), n.recipientType(), n.eventType(), n.eventId(), n.channel(), n.language(),
                    n.template(), null, false, null, n.state(), 0, n.nextAttemptAt(), null, null, null, "officer",
                    T0.plusSeconds(i), T0.plusSeconds(i), null, null, Map.of(), List.of()));
        }

        Page<Notification> first = repository.forCase(AGENCY, CASE, 0, 2);
        Page<Notification> last = repository.forCase(AGENCY, CASE, 2, 2);

        assertThat(first.total()).isEqualTo(5);
        assertThat(first.items()).extracting(Notification::createdAt).containsExactly(T0.plusSeconds(4),
                T0.plusSeconds(3));
        assertThat(last.items()).hasSize(1);
        assertThat(repository.forCase("SO-DEMO", CASE, 0, 20).total()).isZero();
        assertThat(repository.inStates(Set.of(NotificationState.QUEUED), 3)).hasSize(3);
        assertThat(repository.inStates(Set.of(NotificationState.DEAD), 3)).isEmpty();
    }

    @Test
    void longValuesAreClippedNotRejected() {
        Notification n = queued("k", T0).withState(NotificationState.FAILED, "x".repeat(2000), T0, T0);
        repository.insertIfAbsent(n);
        String token = repository.claim(n.id(), T0, T0.plus(Duration.ofMinutes(1))).orElseThrow();

        assertThat(repository.complete(token, n, new NotificationAttempt(0, T0, Channel.EMAIL,
                AttemptOutcome.TRANSIENT_FAILURE, null, "y".repeat(5000), null), null)).isTrue();
        assertThat(repository.find(n.id()).orElseThrow().reason()).hasSize(400);
        assertThat(repository.find(n.id()).orElseThrow().history().get(0).detail()).hasSize(1000);
    }
}
