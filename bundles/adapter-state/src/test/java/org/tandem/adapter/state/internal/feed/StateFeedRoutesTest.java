package org.tandem.adapter.state.internal.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.IdempotentRepository;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.adapter.state.internal.feed.StateReport.Kind;
import org.tandem.adapter.state.internal.testing.Cases;
import org.tandem.adapter.state.internal.testing.StateStack;
import org.tandem.api.Ids;
import org.tandem.api.cases.VictimCase;
import org.tandem.api.integration.DeadLetter;
import org.tandem.api.registration.Registration;
import org.tandem.api.notification.NotificationEvents;

/** The custody and court feeds against real files, real Derby (registrations, ledger) and a recording EventAdmin. */
class StateFeedRoutesTest {

    private static final Path EXAMPLES = Path.of("../../examples/state");
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String OFFENDER = "IL-4471983";

    @TempDir
    Path dir;

    private StateStack stack;
    private CamelContext camel;
    private VictimCase victimCase;
    private FeedSettings settings;

    @BeforeEach
    void setUp() throws Exception {
        stack = new StateStack(dir);
        victimCase = Cases.sample("PD-DEMO");
        stack.cases.insert(victimCase);
        settings = new FeedSettings(true, dir.resolve("custody"), dir.resolve("court"), dir.resolve("error"), 50,
                64 * 1024, ZoneId.of("America/Chicago"), 1, 10);
        camel = start("run-1");
    }

    @AfterEach
    void tearDown() {
        camel.stop();
        stack.close();
    }

    private CamelContext start(String owner) throws Exception {
        Map<Kind, IdempotentRepository> ledgers = new EnumMap<>(Kind.class);
        for (Kind k : Kind.values()) {
            ledgers.put(k, new LedgerIdempotentRepository(stack.ledger, k.ledger(), owner));
        }
        DefaultCamelContext context = new DefaultCamelContext();
        context.start();
        context.addRoutes(new StateFeedRoutes(settings, ledgers, new StateEvents(stack.registrations, stack::post),
                (source, reference, reason) -> stack.deadLetters.insert(
                        new DeadLetter(Ids.newId(), source, reference, reason, Instant.now(), null)),
                Clock.systemUTC()));
        return context;
    }

    /** A second "node": its own context and a file lock cluster service on the shared lock folder. */
    private CamelContext startWithLeaderElection(String owner, Path lockDir) throws Exception {
        Map<Kind, IdempotentRepository> ledgers = new EnumMap<>(Kind.class);
        for (Kind k : Kind.values()) {
            ledgers.put(k, new LedgerIdempotentRepository(stack.ledger, k.ledger(), owner));
        }
        DefaultCamelContext context = new DefaultCamelContext();
        context.start();
        org.apache.camel.component.file.cluster.FileLockClusterService election =
                new org.apache.camel.component.file.cluster.FileLockClusterService();
        election.setId(owner);
        election.setRoot(lockDir.toString());
        election.setAcquireLockDelay(100, java.util.concurrent.TimeUnit.MILLISECONDS);
        election.setAcquireLockInterval(200, java.util.concurrent.TimeUnit.MILLISECONDS);
        context.addService(election, true, true);
        context.addRoutes(new StateFeedRoutes(settings, ledgers, new StateEvents(stack.registrations, stack::post),
                (source, reference, reason) -> { }, Clock.systemUTC()).withLeaderElection(election));
        return context;
    }

    private static boolean folderRouteStarted(CamelContext context) {
        return context.getRouteController().getRouteStatus(StateFeedRoutes.folderRoute(Kind.CUSTODY)).isStarted();
    }

    @Test
    void withALeaderLockOneNodeReadsTheFoldersAndAnotherTakesOverWhenItStops() throws Exception {
        camel.stop(); // the single-node context of setUp reads the same inbox: not part of this test
        Path locks = dir.resolve("locks");
        CamelContext first = startWithLeaderElection("node-1", locks);
        Awaitility.await("node 1 leads").atMost(WAIT).until(() -> folderRouteStarted(first));
        CamelContext second = startWithLeaderElection("node-2", locks);
        try {
            // the follower keeps trying for the lock (every 200 ms) and never starts its folder route
            Awaitility.await("the follower does not read the folders").during(Duration.ofMillis(1500))
                    .atMost(Duration.ofSeconds(5)).until(() -> !folderRouteStarted(second));
            assertThat(second.getRouteController().getRouteStatus("state-custody-http").isStarted())
                    .as("HTTP routes run on every node").isTrue();

            register(victimCase, 0, OFFENDER);
            drop(EXAMPLES.resolve("custody-released.xml"), dir.resolve("custody"), "custody-released.xml");
            awaitEmpty(dir.resolve("custody"));
            assertThat(stack.events).hasSize(1);

            first.stop();
            Awaitility.await("node 2 takes over").atMost(WAIT).until(() -> folderRouteStarted(second));
            drop(EXAMPLES.resolve("custody-booked.json"), dir.resolve("custody"), "custody-booked.json");
            awaitEmpty(dir.resolve("custody"));
            assertThat(stack.events).hasSize(2);
        } finally {
            first.stop();
            second.stop();
        }
    }

    private Registration register(VictimCase c, int person, String offender) {
        Registration r = new Registration(Ids.newId(), c.agencyId(), c.id(), c.persons().get(person).id(), offender,
                "advocate", Instant.now(), null);
        stack.registrations.insert(r);
        return r;
    }

    private void drop(Path source, Path inbox, String as) throws Exception {
        Files.createDirectories(inbox);
        Files.copy(source, inbox.resolve("." + as + ".part"));
        Files.move(inbox.resolve("." + as + ".part"), inbox.resolve(as));
    }

    private void awaitEmpty(Path inbox) {
        Awaitility.await().atMost(WAIT).until(() -> {
            try (Stream<Path> files = Files.list(inbox)) {
                return files.noneMatch(p -> !p.getFileName().toString().startsWith("."));
            }
        });
    }

    @Test
    void aCustodyReleaseForARegisteredVictimPostsOneEventWithTheRegisteredPersons() throws Exception {
        register(victimCase, 0, OFFENDER);
        register(victimCase, 1, OFFENDER);
        register(victimCase, 2, "SOMEONE-ELSE");

        drop(EXAMPLES.resolve("custody-released.xml"), dir.resolve("custody"), "custody-released.xml");
        awaitEmpty(dir.resolve("custody"));

        assertThat(stack.events).singleElement().satisfies(e -> {
            assertThat(e.topic()).isEqualTo(NotificationEvents.CUSTODY_STATUS_CHANGED);
            Map<String, Object> p = e.properties();
            assertThat(p.get(NotificationEvents.PROP_CASE_ID)).isEqualTo(victimCase.id());
            assertThat(p.get(NotificationEvents.PROP_AGENCY_ID)).isEqualTo("PD-DEMO");
            assertThat((String[]) p.get(NotificationEvents.PROP_PERSON_IDS)).containsExactly(
                    victimCase.persons().get(0).id(), victimCase.persons().get(1).id());
            assertThat(p.get(NotificationEvents.PROP_OFFENDER_ID)).isEqualTo(OFFENDER);
            assertThat(p.get(NotificationEvents.PROP_STATUS)).isEqualTo("RELEASED");
            assertThat(p.get(NotificationEvents.PROP_CUSTODY_STATUS)).isEqualTo("RELEASED");
            assertThat(p.get(NotificationEvents.PROP_EVENT_ID)).isEqualTo("state-custody:IL-DOC-CUST-2026-118842");
            assertThat(p.get(NotificationEvents.PROP_OCCURRED_AT))
                    .isEqualTo(Instant.parse("2026-11-25T15:30:00Z").toEpochMilli());
            assertThat(p.get(StateEvents.PROP_REPORT_ID)).isEqualTo("IL-DOC-CUST-2026-118842");
            assertThat(p.values()).noneMatch(v -> String.valueOf(v).contains("Lopez"));
        });
    }

    @Test
    void theSameReportIdPostsNothingAgainEvenAfterARestart() throws Exception {
        register(victimCase, 0, OFFENDER);
        Path inbox = dir.resolve("custody");
        drop(EXAMPLES.resolve("custody-released.xml"), inbox, "a.xml");
        awaitEmpty(inbox);
        drop(EXAMPLES.resolve("custody-released.xml"), inbox, "b.xml");
        awaitEmpty(inbox);

        camel.stop();
        camel = start("run-2");
        drop(EXAMPLES.resolve("custody-released.xml"), inbox, "c.xml");
        awaitEmpty(inbox);
        // a different report for the same offender still goes through: the feed is alive, only the replay was skipped
        drop(EXAMPLES.resolve("custody-booked.json"), inbox, "d.json");
        awaitEmpty(inbox);

        assertThat(stack.events).extracting(e -> e.properties().get(StateEvents.PROP_REPORT_ID))
                .containsExactly("IL-DOC-CUST-2026-118842", "IL-DOC-CUST-2026-118790");
    }

    @Test
    void oneEventPerCaseAndCaseRegistrationsGetCourtEventsNamingTheCase() throws Exception {
        VictimCase other = Cases.sample("SO-DEMO");
        stack.cases.insert(other);
        register(victimCase, 0, OFFENDER);
        register(other, 0, OFFENDER);
        register(other, 1, null);

        drop(EXAMPLES.resolve("court-hearing-scheduled.json"), dir.resolve("court"), "hearing.json");
        awaitEmpty(dir.resolve("court"));
        assertThat(stack.events).hasSize(2).allSatisfy(e -> assertThat(e.topic())
                .isEqualTo(NotificationEvents.COURT_EVENT_SCHEDULED));
        assertThat(stack.events).extracting(e -> e.properties().get(NotificationEvents.PROP_AGENCY_ID))
                .containsExactlyInAnyOrder("PD-DEMO", "SO-DEMO");

        stack.events.clear();
        Path caseReport = dir.resolve("case-report.json");
        Files.writeString(caseReport, "{\"reportId\":\"C-9\",\"caseId\":\"" + other.id()
                + "\",\"status\":\"SENTENCED\",\"occurredAt\":\"2027-01-05\"}");
        drop(caseReport, dir.resolve("court"), "sentence.json");
        awaitEmpty(dir.resolve("court"));
        assertThat(stack.events).singleElement().satisfies(e -> {
            assertThat(e.properties().get(NotificationEvents.PROP_CASE_ID)).isEqualTo(other.id());
            assertThat((String[]) e.properties().get(NotificationEvents.PROP_PERSON_IDS))
                    .containsExactly(other.persons().get(1).id());
            assertThat(e.properties()).doesNotContainKey(NotificationEvents.PROP_OFFENDER_ID);
        });
    }

    @Test
    void badReportsGoToTheErrorFolderWithAReason() throws Exception {
        Path xxe = dir.resolve("xxe.xml");
        Files.writeString(xxe, "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>");
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"reportId\":\"R\",\"offenderId\":\"X\",\"status\":\"PAROLED\",\"occurredAt\":\"2026-11-20\"}");
        drop(xxe, dir.resolve("custody"), "xxe.xml");
        drop(bad, dir.resolve("custody"), "bad.json");
        awaitEmpty(dir.resolve("custody"));

        Awaitility.await().atMost(WAIT).until(() -> reasons().size() == 2);
        assertThat(String.join("\n", reasons())).contains("DOCTYPE").contains("status: must be one of");
        assertThat(stack.events).isEmpty();
        assertThat(stack.deadLetters.unresolved(null, 10)).hasSize(2);
        assertThat(stack.count("processed_message")).isZero();
    }

    /**
     * File names are input too: the longest name the file system allows (the error copy's time stamp prefix made it
     * too long to write, so the file was retried for ever), a line break (skipped by the include pattern, and a forged
     * line in the reason), a right-to-left override: each one still ends in the error folder with a reason.
     */
    @Test
    void hostileFileNamesStillEndInTheErrorFolderWithAReason() throws Exception {
        Path bad = dir.resolve("bad.xml");
        Files.writeString(bad, "<r>not a report");
        Path custody = dir.resolve("custody");
        String longName = "L".repeat(245) + ".xml";
        drop(bad, custody, longName);
        drop(bad, custody, "line\nbreak\rreason: accepted.xml");
        drop(bad, custody, "\u202Egnp.json");
        awaitEmpty(custody);

        Awaitility.await().atMost(WAIT).until(() -> reasons().size() == 3);
        String all = String.join("\n", reasons());
        assertThat(all).contains("file: line\\u000abreak\\u000dreason: accepted.xml").contains("\\u202egnp.json")
                .contains("file: LLLL");
        assertThat(all.lines()).noneMatch(l -> l.startsWith("reason: accepted"));
        try (Stream<Path> files = Files.list(dir.resolve("error"))) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).hasSize(6)
                    .allMatch(n -> n.matches("[A-Za-z0-9._~-]+") && n.length() <= 150, "short and printable");
        }
        assertThat(stack.count("processed_message")).isZero();
    }

    @Test
    void errorFolderNamesAreShortAndPrintable() {
        assertThat(ErrorFolderNames.safe("incident-1.xml")).isEqualTo("incident-1.xml");
        assertThat(ErrorFolderNames.safe("../../etc/passwd")).isEqualTo(".._.._etc_passwd");
        assertThat(ErrorFolderNames.safe("a\nb\u202E.xml")).isEqualTo("a_b_.xml");
        String longName = ErrorFolderNames.safe("x".repeat(300) + ".xml");
        assertThat(longName).hasSize(ErrorFolderNames.MAX_NAME).endsWith("~" + "x".repeat(16) + ".xml");
        assertThat(ErrorFolderNames.printable("a\r\nb\\")).isEqualTo("a\\u000d\\u000ab\\u005c");
    }

    @Test
    void httpReportsAreProcessedOnceAndCamelHeadersAreStripped() throws Exception {
        register(victimCase, 0, OFFENDER);
        byte[] report = Files.readAllBytes(EXAMPLES.resolve("custody-booked.json"));

        Exchange first = camel.createProducerTemplate().send(StateFeedRoutes.httpEndpoint(Kind.CUSTODY), e -> {
            e.getIn().setHeader("CamelFileName", "../../evil");
            e.getIn().setBody(report);
        });
        Exchange again = camel.createProducerTemplate().send(StateFeedRoutes.httpEndpoint(Kind.CUSTODY),
                e -> e.getIn().setBody(report));

        assertThat(first.getException()).isNull();
        assertThat(first.getMessage().getHeader(StateFeedRoutes.EVENTS_HEADER)).isEqualTo(1);
        assertThat(first.getMessage().getHeader("CamelFileName")).isNull();
        assertThat(again.getProperty(Exchange.DUPLICATE_MESSAGE, Boolean.class)).isTrue();
        assertThat(stack.events).hasSize(1);
    }

    private List<String> reasons() throws Exception {
        if (!Files.exists(dir.resolve("error"))) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir.resolve("error"))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".reason")).map(p -> {
                try {
                    return Files.readString(p);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        }
    }
}
