package org.tandem.adapter.rms.internal.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.ServiceStatus;
import org.apache.camel.impl.DefaultCamelContext;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.adapter.rms.internal.niem.RejectedDocumentException;
import org.tandem.adapter.rms.internal.testing.TestStack;
import org.tandem.api.Caller;
import org.tandem.api.Ids;
import org.tandem.api.Role;
import org.tandem.api.TandemTopics;
import org.tandem.api.ValidationException;
import org.tandem.api.cases.Person;
import org.tandem.api.cases.PersonRole;
import org.tandem.api.cases.VictimCase;
import org.tandem.api.integration.DeadLetter;

/** The RMS routes against real files, the real schema in Derby, real intake and the real tandem: component. */
class RmsRoutesTest {

    private static final Path EXAMPLES = Path.of("../../examples/rms");
    private static final String AGENCY = "PD-DEMO";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private TestStack stack;
    private RmsSettings settings;
    private CamelContext camel;

    @BeforeEach
    void setUp() throws Exception {
        stack = new TestStack(dir);
        settings = settings(Set.of(), 2);
        camel = start(settings, "run-1");
    }

    @AfterEach
    void tearDown() {
        camel.stop();
        stack.close();
    }

    private RmsSettings settings(Set<String> allowedOris, int redeliveries) {
        return new RmsSettings(AGENCY, allowedOris, true, dir.resolve("inbox"), dir.resolve("error"),
                dir.resolve("archive"), 50, 64 * 1024, ZoneId.of("America/Chicago"), redeliveries, 10);
    }

    private CamelContext start(RmsSettings s, String owner) throws Exception {
        DefaultCamelContext context = new DefaultCamelContext();
        context.addComponent("tandem", stack.component(null));
        context.start();
        context.addRoutes(new RmsRoutes(s, new LedgerIdempotentRepository(stack.ledger, RmsRoutes.LEDGER, owner),
                (source, reference, reason) -> stack.deadLetters.insert(
                        new DeadLetter(Ids.newId(), source, reference, reason, Clock.systemUTC().instant(), null)),
                Clock.systemUTC()));
        return context;
    }

    private void drop(String example) throws Exception {
        drop(example, Path.of(example).getFileName().toString());
    }

    private void drop(String example, String as) throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("inbox")).resolve("." + as + ".part");
        Files.copy(EXAMPLES.resolve(example), tmp);
        Files.move(tmp, dir.resolve("inbox").resolve(as));
    }

    private void awaitInboxEmpty() {
        Awaitility.await().atMost(WAIT).until(() -> list(dir.resolve("inbox")).isEmpty());
    }

    private static List<String> list(Path folder) throws Exception {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith(".")).sorted().toList();
        }
    }

    private List<VictimCase> casesOf(String incident) {
        return stack.cases.search(new org.tandem.api.cases.CaseQuery(AGENCY, null, incident, 0, 50)).items();
    }

    // ---------------------------------------------------------------- folder

    @Test
    void aDroppedReportBecomesACaseAndIsArchived() throws Exception {
        drop("incident-2026-000200-1.xml");

        awaitInboxEmpty();
        List<VictimCase> cases = casesOf("2026-000200");
        assertThat(cases).singleElement().satisfies(c -> {
            assertThat(c.agencyId()).isEqualTo(AGENCY);
            assertThat(c.createdBy()).isEqualTo("rms-folder");
            assertThat(c.incident().offenses()).containsExactly("13A", "90J");
            assertThat(c.persons()).extracting(Person::givenName).containsExactly("Maria", "Ana");
        });
        assertThat(list(dir.resolve("archive"))).containsExactly("incident-2026-000200-1.xml");
        assertThat(list(dir.resolve("error"))).isEmpty();
        assertThat(stack.ledger.contains(RmsRoutes.LEDGER, "IL0160000|2026-000200|SPD-RMS-2026-000200-001")).isTrue();
        assertThat(stack.events).extracting(e -> e.getTopic()).containsExactly(TandemTopics.CASE_OPENED);
    }

    @Test
    void theSameReportAgainCreatesNothingNewEvenAfterARestart() throws Exception {
        drop("incident-2026-000200-1.xml");
        awaitInboxEmpty();
        drop("incident-2026-000200-1.xml", "again.xml");
        awaitInboxEmpty();
        assertThat(casesOf("2026-000200")).hasSize(1);

        camel.stop();
        camel = start(settings, "run-2");
        drop("incident-2026-000200-1.xml", "after-restart.xml");
        awaitInboxEmpty();

        assertThat(casesOf("2026-000200")).hasSize(1);
        assertThat(stack.count("case_person")).isEqualTo(2);
        assertThat(stack.events).hasSize(1);
        assertThat(list(dir.resolve("archive"))).containsExactly("after-restart.xml", "again.xml",
                "incident-2026-000200-1.xml");
    }

    @Test
    void aSupplementalReportAddsItsNewPersonsToTheExistingCase() throws Exception {
        drop("incident-2026-000200-1.xml");
        awaitInboxEmpty();
        drop("incident-2026-000200-2.xml");
        awaitInboxEmpty();

        List<VictimCase> cases = casesOf("2026-000200");
        assertThat(cases).singleElement().satisfies(c -> assertThat(c.persons()).extracting(Person::givenName)
                .containsExactly("Maria", "Ana", "Robert"));
        assertThat(cases.get(0).persons().get(2).role()).isEqualTo(PersonRole.WITNESS);
        assertThat(stack.events).extracting(e -> e.getTopic())
                .containsExactly(TandemTopics.CASE_OPENED, TandemTopics.CASE_UPDATED);
    }

    @Test
    void aReportLeftPendingByACrashedRunIsFinishedWithoutADuplicate() throws Exception {
        String key = "IL0160000|2026-000231|SPD-RMS-2026-000231-001";
        drop("incident-2026-000231.xml");
        awaitInboxEmpty();
        // as if the run had died after storing the case but before confirming the key
        stack.ledger.remove(RmsRoutes.LEDGER, key);
        stack.ledger.begin(RmsRoutes.LEDGER, key, "run-that-died");

        drop("incident-2026-000231.xml", "redelivered-by-rms.xml");
        awaitInboxEmpty();

        assertThat(casesOf("2026-000231")).hasSize(1);
        assertThat(stack.ledger.begin(RmsRoutes.LEDGER, key, "run-3")).as("confirmed now").isFalse();
    }

    @Test
    void xxeAndMalformedReportsGoToTheErrorFolderWithAReasonAndStoreNothing() throws Exception {
        drop("bad/xxe.xml");
        drop("bad/billion-laughs.xml");
        drop("bad/not-well-formed.xml");
        awaitInboxEmpty();

        List<String> errors = list(dir.resolve("error"));
        assertThat(errors).hasSize(6);
        assertThat(errors.stream().filter(n -> n.endsWith(".reason"))).hasSize(3);
        String xxeReason = reason("xxe.xml");
        assertThat(xxeReason).contains("FORBIDDEN_CONSTRUCT").contains("DOCTYPE").doesNotContain("root:x:0");
        assertThat(reason("not-well-formed.xml")).contains("NOT_WELL_FORMED").contains("line");
        Path copy = errorFile("xxe.xml");
        assertThat(Files.readString(copy)).isEqualTo(Files.readString(EXAMPLES.resolve("bad/xxe.xml")));
        assertThat(stack.count("victim_case")).isZero();
        assertThat(stack.count("processed_message")).as("rejected reports leave no key").isZero();
        assertThat(list(dir.resolve("archive"))).isEmpty();
        assertThat(stack.deadLetters.unresolved(RmsRoutes.FOLDER, 10)).hasSize(3);
    }

    @Test
    void invalidReportsListEveryProblemInTheReason() throws Exception {
        drop("bad/schema-invalid.xml");
        drop("bad/business-rules.xml");
        awaitInboxEmpty();

        assertThat(reason("schema-invalid.xml")).contains("invalid report").contains("ASSAULT").contains("ShoeSize");
        assertThat(reason("business-rules.xml")).contains("incident.ori").contains("incident.occurredAt")
                .contains("persons[0].contact.email");
        assertThat(stack.count("victim_case")).isZero();
    }

    @Test
    void oversizeReportsAreRejectedWithoutBeingRead() throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Path tmp = inbox.resolve(".huge.part");
        Files.write(tmp, new byte[128 * 1024]);
        Files.move(tmp, inbox.resolve("huge.xml"));
        awaitInboxEmpty();

        assertThat(reason("huge.xml")).contains("TOO_LARGE").contains("limit of 65536");
    }

    @Test
    void reportsOfOtherOrisAreRejectedWhenOrisAreRestricted() throws Exception {
        camel.stop();
        camel = start(settings(Set.of("IL0830000"), 0), "run-2");
        drop("incident-2026-000231.xml");
        awaitInboxEmpty();

        assertThat(reason("incident-2026-000231.xml")).contains("incident.ori").contains("allowedOris");
        assertThat(stack.count("victim_case")).isZero();
    }

    @Test
    void whenTheStoreIsUnavailableTheReportIsRedeliveredThenParkedForARetry() throws Exception {
        stack.intakeAvailable = false;
        drop("incident-2026-000231.xml");
        awaitInboxEmpty();

        assertThat(reason("incident-2026-000231.xml")).contains("IntakeService is not available")
                .contains("move it back into the inbox");
        assertThat(stack.count("processed_message")).as("the key was released").isZero();

        stack.intakeAvailable = true;
        Files.move(errorFile("incident-2026-000231.xml"), dir.resolve("inbox").resolve("incident-2026-000231.xml"));
        awaitInboxEmpty();
        assertThat(casesOf("2026-000231")).hasSize(1);
    }

    @Test
    void stoppingTheFolderRouteKeepsFilesInTheInboxUntilItStartsAgain() throws Exception {
        camel.getRouteController().stopRoute(RmsRoutes.FOLDER);
        drop("incident-2026-000231.xml");

        assertThat(camel.getRouteController().getRouteStatus(RmsRoutes.FOLDER)).isEqualTo(ServiceStatus.Stopped);
        assertThat(list(dir.resolve("inbox"))).containsExactly("incident-2026-000231.xml");
        assertThat(stack.count("victim_case")).isZero();

        camel.getRouteController().startRoute(RmsRoutes.FOLDER);
        awaitInboxEmpty();
        assertThat(casesOf("2026-000231")).hasSize(1);
    }

    @Test
    void withoutAnAgencyTheFolderIsNotWatched() throws Exception {
        camel.stop();
        RmsSettings noAgency = new RmsSettings(null, Set.of(), true, dir.resolve("inbox"), dir.resolve("error"), null, 50,
                64 * 1024, ZoneId.of("UTC"), 0, 10);
        camel = start(noAgency, "run-2");

        assertThat(camel.getRoute(RmsRoutes.FOLDER)).isNull();
        assertThat(camel.getRoute(RmsRoutes.HTTP)).isNotNull();
    }

    // ---------------------------------------------------------------- HTTP entry

    private Exchange post(String example, Caller caller) throws Exception {
        byte[] document = Files.readAllBytes(EXAMPLES.resolve(example));
        ProducerTemplate template = camel.createProducerTemplate();
        return template.send(RmsRoutes.HTTP_ENDPOINT, e -> {
            e.setProperty(RmsRoutes.CALLER_PROPERTY, caller);
            e.getIn().setHeader("CamelFileName", "../../etc/passwd");
            e.getIn().setBody(document);
        });
    }

    @Test
    void httpReportsBelongToTheCallersAgencyAndCamelHeadersAreStripped() throws Exception {
        Caller integrator = new Caller("integrator", "SO-DEMO", EnumSet.of(Role.INTEGRATOR));

        Exchange created = post("incident-2026-000231.xml", integrator);

        assertThat(created.getException()).isNull();
        String caseId = created.getMessage().getHeader("TandemCaseId", String.class);
        assertThat(stack.cases.find("SO-DEMO", caseId).orElseThrow().createdBy()).isEqualTo("integrator");
        assertThat(created.getMessage().getHeader("CamelFileName")).isNull();

        Exchange again = post("incident-2026-000231.xml", integrator);
        assertThat(again.getProperty(Exchange.DUPLICATE_MESSAGE, Boolean.class)).isTrue();
        assertThat(stack.count("victim_case")).isEqualTo(1);
    }

    @Test
    void httpRejectsReturnTheErrorAndAreRecorded() throws Exception {
        Caller integrator = new Caller("integrator", AGENCY, EnumSet.of(Role.INTEGRATOR));

        assertThat(post("bad/xxe.xml", integrator).getException()).isInstanceOf(RejectedDocumentException.class);
        assertThat(post("bad/business-rules.xml", integrator).getException()).isInstanceOfSatisfying(
                ValidationException.class, e -> assertThat(e.errors()).hasSizeGreaterThanOrEqualTo(3));

        assertThat(stack.count("victim_case")).isZero();
        assertThat(stack.deadLetters.unresolved(RmsRoutes.HTTP, 10)).extracting(DeadLetter::reason)
                .anySatisfy(r -> assertThat(r).contains("FORBIDDEN_CONSTRUCT"))
                .anySatisfy(r -> assertThat(r).contains("invalid report"));
        assertThatThrownBy(() -> camel.createProducerTemplate().requestBody(RmsRoutes.HTTP_ENDPOINT, "<x/>"))
                .hasStackTraceContaining("ValidationException");
    }

    /**
     * File names are input too: the longest name the file system allows (the error copy's time stamp prefix made it
     * too long to write, so the report was retried for ever and stayed in the inbox), a line break (skipped by the
     * include pattern, and a forged line in the reason), shell metacharacters: each ends in the error folder with a
     * reason under a short, printable name.
     */
    @Test
    void hostileFileNamesStillEndInTheErrorFolderWithAReason() throws Exception {
        drop("bad/not-well-formed.xml", "L".repeat(245) + ".xml");
        drop("bad/xxe.xml", "line\nbreak\rreason: accepted.xml");
        drop("bad/not-well-formed.xml", "$(touch pwned)`id`;|&.xml");
        awaitInboxEmpty();

        Awaitility.await().atMost(WAIT).until(() -> list(dir.resolve("error")).stream()
                .filter(n -> n.endsWith(".reason")).count() == 3);
        List<String> errors = list(dir.resolve("error"));
        assertThat(errors).hasSize(6).allMatch(n -> n.matches("[A-Za-z0-9._~-]+") && n.length() <= 150);
        String reason = reason("line_break_reason__accepted.xml");
        assertThat(reason).contains("file: line\\u000abreak\\u000dreason: accepted.xml").contains("DOCTYPE");
        assertThat(reason.lines()).noneMatch(l -> l.startsWith("reason: accepted"));
        assertThat(reason("__touch_pwned__id____.xml")).contains("file: $(touch pwned)`id`;|&.xml");
        assertThat(Files.exists(dir.resolve("pwned"))).isFalse();
        assertThat(stack.count("victim_case")).isZero();
        assertThat(stack.deadLetters.unresolved(RmsRoutes.FOLDER, 10)).hasSize(3);
    }

    @Test
    void errorFolderNamesAreShortAndPrintable() {
        assertThat(ErrorFolderNames.safe("incident-2026-000231.xml")).isEqualTo("incident-2026-000231.xml");
        assertThat(ErrorFolderNames.safe("..\\..\\windows\\evil.xml")).isEqualTo(".._.._windows_evil.xml");
        String longName = ErrorFolderNames.safe("x".repeat(300) + ".xml");
        assertThat(longName).hasSize(ErrorFolderNames.MAX_NAME).endsWith("~" + "x".repeat(16) + ".xml");
        assertThat(ErrorFolderNames.printable("\u202Egnp.xml")).isEqualTo("\\u202egnp.xml");
    }

    // ---------------------------------------------------------------- helpers

    private Path errorFile(String name) throws Exception {
        try (Stream<Path> files = Files.list(dir.resolve("error"))) {
            return files.filter(p -> p.getFileName().toString().endsWith("-" + name)).findFirst().orElseThrow();
        }
    }

    private String reason(String name) throws Exception {
        Awaitility.await().atMost(WAIT).until(() -> list(dir.resolve("error")).stream()
                .anyMatch(n -> n.endsWith("-" + name + ".reason")));
        try (Stream<Path> files = Files.list(dir.resolve("error"))) {
            return Files.readString(files.filter(p -> p.getFileName().toString().endsWith("-" + name + ".reason"))
                    .findFirst().orElseThrow());
        }
    }
}
