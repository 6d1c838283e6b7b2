package org.tandem.store.internal.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.api.TandemTopics;
import org.tandem.api.cases.CaseEvents;
import org.tandem.api.cases.VictimCase;
import org.tandem.api.event.JournalEntry;
import org.tandem.store.internal.cases.JdbcCaseRepository;
import org.tandem.store.internal.jdbc.StoreException;
import org.tandem.store.internal.migration.SchemaMigrator;
import org.tandem.store.testing.TestCases;
import org.tandem.store.testing.TestDatabase;

/** The journal on a real Derby database: transactional with the change, ordered, at least once, one consumer at a time. */
class JdbcEventJournalTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00.123Z");

    @TempDir
    Path tempDir;

    private TestDatabase db;
    private JdbcEventJournal journal;
    private JdbcCaseRepository cases;

    @BeforeEach
    void setUp() {
        db = TestDatabase.create(tempDir);
        new SchemaMigrator(db.dataSource()).migrate();
        journal = new JdbcEventJournal(db.dataSource(), Clock.systemUTC());
        cases = new JdbcCaseRepository(db.dataSource());
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void storingACaseJournalsItsOpenedEventWithTheLiveEventsProperties() {
        VictimCase c = TestCases.sample("PD-DEMO", T0);
        cases.insert(c);

        List<JournalEntry> seen = drain("notification");
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0).sequence()).isEqualTo(1);
        assertThat(seen.get(0).topic()).isEqualTo(TandemTopics.CASE_OPENED);
        assertThat(seen.get(0).properties()).isEqualTo(CaseEvents.opened(c));
        assertThat(journal.head()).isEqualTo(1);
        assertThat(journal.cursors()).containsEntry("notification", 1L);
    }

    @Test
    void aCaseThatIsNotStoredLeavesNoEvent() {
        VictimCase c = TestCases.sample("PD-DEMO", T0);
        cases.insert(c);
        assertThatThrownBy(() -> cases.insert(c)).isInstanceOf(StoreException.class); // same id

        assertThat(db.count("event_journal")).isEqualTo(1);
        assertThat(journal.head()).isEqualTo(1);
    }

    @Test
    void consumersKeepTheirOwnCursorsAndANewOneStartsAtTheEnd() {
        journal.append("org/tandem/test/A", Map.of("n", 1L));
        journal.append("org/tandem/test/A", Map.of("n", 2L));

        assertThat(drain("late")).as("a new consumer does not replay history").isEmpty();
        journal.append("org/tandem/test/A", Map.of("n", 3L));

        assertThat(numbers(drain("late"))).containsExactly(3L);
        assertThat(numbers(drain("notification"))).as("seeded by the migration at 0").containsExactly(1L, 2L, 3L);
        assertThat(drain("notification")).isEmpty();
        assertThat(journal.cursors()).containsEntry("late", 3L).containsEntry("notification", 3L);
    }

    @Test
    void aFailingHandlerStopsBeforeTheEntryAndGetsItAgain() {
        for (long n = 1; n <= 3; n++) {
            journal.append("org/tandem/test/A", Map.of("n", n));
        }
        List<Long> handled = new ArrayList<>();
        int count = journal.consume("notification", 10, e -> {
            long n = (Long) e.properties().get("n");
            if (n == 2) {
                throw new IllegalStateException("database busy");
            }
            handled.add(n);
        });

        assertThat(count).isEqualTo(1);
        assertThat(handled).containsExactly(1L);
        assertThat(journal.cursors()).containsEntry("notification", 1L);
        assertThat(numbers(drain("notification"))).containsExactly(2L, 3L);
    }

    @Test
    void maxLimitsABatch() {
        for (long n = 1; n <= 5; n++) {
            journal.append("org/tandem/test/A", Map.of("n", n));
        }
        List<Long> first = new ArrayList<>();
        assertThat(journal.consume("notification", 2, e -> first.add((Long) e.properties().get("n")))).isEqualTo(2);
        assertThat(first).containsExactly(1L, 2L);
        assertThat(numbers(drain("notification"))).containsExactly(3L, 4L, 5L);
    }

    @Test
    void propertiesOfEveryTypeRoundTripAndOthersAreRefused() {
        Map<String, Object> props = Map.of("s", "a=b\nc,d %20 é", "l", 42L, "i", 7, "b", true,
                "a", new String[] {"x,y", "", "z"}, "key with space", "v");
        journal.append("org/tandem/test/B", props);

        Map<String, Object> read = drain("notification").get(0).properties();
        assertThat(read).containsEntry("s", "a=b\nc,d %20 é").containsEntry("l", 42L).containsEntry("i", 7)
                .containsEntry("b", true).containsEntry("key with space", "v");
        assertThat((String[]) read.get("a")).containsExactly("x,y", "", "z");

        assertThatThrownBy(() -> journal.append("org/tandem/test/B", Map.of("d", 1.5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("d");
        assertThatThrownBy(() -> journal.append(" ", Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> journal.append("t", Map.of("big", "x".repeat(5000))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too large");
        assertThat(journal.head()).as("refused events take no sequence").isEqualTo(1);
    }

    /**
     * Writers on 6 threads and two "nodes" consuming the same cursor at once: every entry is handled exactly once
     * and in sequence order, so neither a late commit nor a second node makes a consumer skip or repeat one.
     */
    @Test
    void concurrentWritersAndTwoNodesHandleEveryEntryOnceInOrder() throws Exception {
        JdbcEventJournal otherNode = new JdbcEventJournal(db.dataSource(), Clock.systemUTC());
        int writers = 6;
        int perWriter = 40;
        ExecutorService pool = Executors.newFixedThreadPool(writers + 2);
        List<Long> handled = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean writing = new AtomicBoolean(true);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                writes.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perWriter; i++) {
                        if (i % 4 == 0) {
                            cases.insert(TestCases.sample("PD-DEMO", T0));
                        } else {
                            journal.append("org/tandem/test/C", Map.of("i", i));
                        }
                    }
                    return null;
                }));
            }
            List<Future<?>> consumers = new ArrayList<>();
            for (JdbcEventJournal node : List.of(journal, otherNode)) {
                consumers.add(pool.submit(() -> {
                    start.await();
                    while (writing.get()) {
                        node.consume("notification", 7, e -> handled.add(e.sequence()));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : writes) {
                f.get(2, TimeUnit.MINUTES);
            }
            writing.set(false);
            for (Future<?> f : consumers) {
                f.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        drain("notification").forEach(e -> handled.add(e.sequence()));

        long total = (long) writers * perWriter;
        assertThat(journal.head()).isEqualTo(total);
        List<Long> expected = new ArrayList<>();
        for (long s = 1; s <= total; s++) {
            expected.add(s);
        }
        assertThat(handled).containsExactlyElementsOf(expected);
    }

    private List<JournalEntry> drain(String consumer) {
        List<JournalEntry> out = new ArrayList<>();
        while (journal.consume(consumer, 100, out::add) == 100) {
            // next batch
        }
        return out;
    }

    private static List<Long> numbers(List<JournalEntry> entries) {
        return entries.stream().map(e -> (Long) e.properties().get("n")).toList();
    }
}
