package org.tandem.camel.component.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.api.Caller;
import org.tandem.api.Ids;
import org.tandem.api.notification.ManualMessage;
import org.tandem.api.Role;
import org.tandem.api.ValidationException;
import org.tandem.api.cases.Incident;
import org.tandem.api.cases.NewCase;
import org.tandem.api.cases.Person;
import org.tandem.api.cases.PersonRole;
import org.tandem.camel.component.internal.testing.TestPlatform;

class TandemComponentTest {

    private static final NewCase CASE = new NewCase(new Incident("2026-000200", "IL0160000",
            Instant.parse("2026-11-20T22:15:00Z"), List.of("13A"), "400 Main St"),
            List.of(new Person(null, PersonRole.PRIMARY_VICTIM, null, "Maria", "Lopez", null, "es", null)), List.of(),
            null);

    @TempDir
    Path tempDir;

    private final TestPlatform platform = new TestPlatform();
    private CamelContext camel;
    private ProducerTemplate template;

    @BeforeEach
    void setUp() {
        platform.codecs.put("json", document -> {
            String text = new String(document, StandardCharsets.UTF_8);
            if (!text.startsWith("{")) {
                throw new ValidationException("body", "malformed JSON");
            }
            return CASE;
        });
        camel = new DefaultCamelContext();
        camel.addComponent("tandem", new TandemComponent(platform));
        camel.start();
        template = camel.createProducerTemplate();
    }

    @AfterEach
    void tearDown() {
        camel.stop();
    }

    // ---------------------------------------------------------------- intake

    @Test
    void intakeReadsTheDocumentOpensOrSupplementsAndRepliesWithTheCaseId() {
        Exchange out = template.request("tandem:intake", e -> e.getIn().setBody("{\"incident\":{}}"));

        assertThat(out.getException()).isNull();
        String caseId = out.getMessage().getBody(String.class);
        assertThat(Ids.looksLikeId(caseId)).isTrue();
        assertThat(out.getMessage().getHeader(TandemHeaders.CASE_ID)).isEqualTo(caseId);
        assertThat(out.getMessage().getHeader(TandemHeaders.CASE_CREATED)).isEqualTo(true);
        assertThat(platform.calls).singleElement().satisfies(c -> {
            assertThat(c.method()).isEqualTo("openOrSupplement");
            assertThat(c.caller()).isEqualTo(platform.defaultCaller);
            assertThat(c.newCase()).isEqualTo(CASE);
        });
    }

    @Test
    void supplementsReportTheAddedPersons() {
        platform.existingCaseId = Ids.newId();

        Exchange out = template.request("tandem:intake", e -> e.getIn().setBody(CASE));

        assertThat(out.getMessage().getBody()).isEqualTo(platform.existingCaseId);
        assertThat(out.getMessage().getHeader(TandemHeaders.CASE_CREATED)).isEqualTo(false);
        assertThat(out.getMessage().getHeader(TandemHeaders.PERSONS_ADDED)).isEqualTo(1);
    }

    @Test
    void supplementFalseAlwaysOpensAndTheEndpointAgencyNamesTheCaller() {
        template.requestBody("tandem:intake?supplement=false&agency=SO-DEMO&user=sheriff-rms",
                new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)));

        assertThat(platform.calls).singleElement().satisfies(c -> {
            assertThat(c.method()).isEqualTo("open");
            assertThat(c.caller()).isEqualTo(new Caller("sheriff-rms", "SO-DEMO", EnumSet.of(Role.INTEGRATOR)));
        });
    }

    @Test
    void theExchangesCallerPropertyWinsOverEveryDefault() {
        Caller httpUser = new Caller("integrator", "PD-DEMO", EnumSet.of(Role.INTEGRATOR));

        template.request("tandem:intake?agency=SO-DEMO", e -> {
            e.setProperty(TandemHeaders.CALLER_PROPERTY, httpUser);
            e.getIn().setBody("{}");
        });

        assertThat(platform.calls.get(0).caller()).isEqualTo(httpUser);
    }

    @Test
    void badDocumentsFailTheExchangeWithTheCodecsErrorsAndStoreNothing() {
        assertThatThrownBy(() -> template.requestBody("tandem:intake", "<not json/>"))
                .hasCauseInstanceOf(ValidationException.class).hasStackTraceContaining("malformed JSON");
        assertThatThrownBy(() -> template.requestBody("tandem:intake?format=niem", "<x/>"))
                .hasCauseInstanceOf(IllegalArgumentException.class).hasStackTraceContaining("available: [json]");
        platform.maxDocumentBytes = 10;
        assertThatThrownBy(() -> template.requestBody("tandem:intake", "{\"narrative\":\"far too long\"}"))
                .hasCauseInstanceOf(ValidationException.class).hasStackTraceContaining("larger than 10 bytes");
        assertThat(platform.calls).isEmpty();
    }

    @Test
    void withoutAnAgencyOrIntakeServiceNothingIsOpened() {
        platform.defaultCaller = null;
        assertThatThrownBy(() -> template.requestBody("tandem:intake", "{}"))
                .hasCauseInstanceOf(IllegalStateException.class).hasStackTraceContaining("agencyId");
        platform.defaultCaller = new Caller("camel", "PD-DEMO", EnumSet.of(Role.INTEGRATOR));
        platform.intakeAvailable = false;
        assertThatThrownBy(() -> template.requestBody("tandem:intake", "{}"))
                .isInstanceOf(CamelExecutionException.class).hasStackTraceContaining("IntakeService is not available");
        assertThat(platform.calls).isEmpty();
    }

    @Test
    void unknownOperationsAndOptionsAreRejected() {
        assertThatThrownBy(() -> camel.getEndpoint("tandem:outtake")).hasMessageContaining("unknown tandem endpoint");
        assertThatThrownBy(() -> camel.getEndpoint("tandem:intake?colour=blue")).hasMessageContaining("colour");
    }

    @Test
    void aFolderRouteIntoIntakeAgainstRealFiles() throws Exception {
        Path inbox = Files.createDirectories(tempDir.resolve("inbox"));
        Path out = tempDir.resolve("out");
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("file:" + inbox + "?initialDelay=0&delay=50").routeId("test-folder-intake")
                        .to("tandem:intake")
                        .to("file:" + out + "?fileName=${file:name.noext}.case");
            }
        });
        Files.writeString(inbox.resolve("a.json"), "{\"incident\":{}}");

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(out.resolve("a.case")));
        assertThat(Ids.looksLikeId(Files.readString(out.resolve("a.case")))).isTrue();
        assertThat(platform.calls).hasSize(1);
    }

    // ---------------------------------------------------------------- events

    @Test
    void eventsArriveAsExchangesInOrderWithIdsAsHeadersAndJsonBody() throws Exception {
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("tandem:events?types=CUSTODY_STATUS_CHANGED,case_opened").routeId("test-events").to("mock:events");
            }
        });
        MockEndpoint mock = camel.getEndpoint("mock:events", MockEndpoint.class);
        mock.expectedMessageCount(3);

        platform.publish("org/tandem/custody/STATUS_CHANGED", Map.of("caseId", "c1", "personIds", new String[] {"p1", "p2"},
                "occurredAt", 1764000000000L, "status", "RELEASED"));
        platform.publish("org/tandem/referral/STATUS_CHANGED", Map.of("caseId", "ignored"));
        platform.publish("org/tandem/case/OPENED", Map.of("caseId", "c2"));
        platform.publish("org/tandem/custody/STATUS_CHANGED", Map.of("caseId", "c3"));

        mock.assertIsSatisfied(5000);
        Exchange first = mock.getReceivedExchanges().get(0);
        assertThat(first.getIn().getHeader(TandemHeaders.EVENT_TYPE)).isEqualTo("CUSTODY_STATUS_CHANGED");
        assertThat(first.getIn().getHeader(TandemHeaders.EVENT_TOPIC)).isEqualTo("org/tandem/custody/STATUS_CHANGED");
        assertThat(first.getIn().getHeader("personIds", String[].class)).containsExactly("p1", "p2");
        assertThat(first.getIn().getBody(String.class)).isEqualTo(
                "{\"caseId\":\"c1\",\"occurredAt\":1764000000000,\"personIds\":[\"p1\",\"p2\"],\"status\":\"RELEASED\"}");
        assertThat(mock.getReceivedExchanges()).extracting(e -> e.getIn().getHeader("caseId"))
                .containsExactly("c1", "c2", "c3");
    }

    @Test
    void twoRoutesMayConsumeTheSameEventsUri() throws Exception {
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("tandem:events?types=CASE_OPENED").routeId("test-a").to("mock:a");
                from("tandem:events?types=CASE_OPENED").routeId("test-b").to("mock:b");
            }
        });
        MockEndpoint a = camel.getEndpoint("mock:a", MockEndpoint.class);
        MockEndpoint b = camel.getEndpoint("mock:b", MockEndpoint.class);
        a.expectedMessageCount(1);
        b.expectedMessageCount(1);

        platform.publish("org/tandem/case/OPENED", Map.of("caseId", "c1"));

        MockEndpoint.assertIsSatisfied(5, java.util.concurrent.TimeUnit.SECONDS, a, b);
        assertThat(platform.subscriptionCount()).isEqualTo(2);
    }

    @Test
    void stoppingTheRouteUnsubscribes() throws Exception {
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("tandem:events?topics=org/tandem/case/*").routeId("test-stop").to("mock:stop");
            }
        });
        assertThat(platform.subscriptionCount()).isEqualTo(1);

        camel.getRouteController().stopRoute("test-stop");

        assertThat(platform.subscriptionCount()).isZero();
    }

    @Test
    void unknownEventTypesAndForeignTopicsStopTheRouteFromStarting() {
        assertThatThrownBy(() -> camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("tandem:events?types=PARKING_TICKET").routeId("bad").to("mock:x");
            }
        })).hasStackTraceContaining("unknown Tandem event type 'PARKING_TICKET'");
        assertThatThrownBy(() -> camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("tandem:events?topics=org/osgi/framework/BundleEvent").routeId("bad2").to("mock:x");
            }
        })).hasStackTraceContaining("only subscribes to org/tandem/ topics");
        assertThat(platform.subscriptionCount()).isZero();
    }

    // ---------------------------------------------------------------- notify

    @Test
    void notifyQueuesOneManualMessageThroughTheEngineAsTheIntegrationCaller() {
        String caseId = Ids.newId();
        String p1 = Ids.newId();
        String p2 = Ids.newId();

        template.send("tandem:notify", e -> {
            e.getIn().setHeader("caseId", caseId);
            e.getIn().setHeader("personIds", new String[] {p1, p2});
            e.getIn().setHeader(TandemHeaders.REQUEST_ID, "custody-118842");
            e.getIn().setBody("The person in custody was released.");
        });
        template.sendBodyAndHeaders("tandem:notify?subject=Hearing reminder", "Your hearing is on Monday.",
                Map.of(TandemHeaders.CASE_ID, caseId, TandemHeaders.PERSON_ID, p1));
        template.sendBodyAndHeaders("tandem:notify", "To every victim on the case.",
                Map.of(TandemHeaders.CASE_ID, caseId, TandemHeaders.SUBJECT, "News"));

        assertThat(platform.sent).hasSize(3).allSatisfy(s -> {
            assertThat(s.caseId()).isEqualTo(caseId);
            assertThat(s.caller()).isEqualTo(platform.defaultCaller);
        });
        assertThat(platform.sent.get(0).message()).isEqualTo(new ManualMessage(List.of(p1, p2),
                NotifyEndpoint.DEFAULT_SUBJECT, "The person in custody was released.", "custody-118842"));
        assertThat(platform.sent.get(1).message().subject()).isEqualTo("Hearing reminder");
        assertThat(platform.sent.get(1).message().personIds()).containsExactly(p1);
        assertThat(platform.sent.get(1).message().requestId()).startsWith("camel:");
        assertThat(platform.sent.get(2).message().personIds()).isEmpty();
        assertThat(platform.sent.get(2).message().subject()).isEqualTo("News");
    }

    @Test
    void notifyWithoutIdsOrTextQueuesNothing() {
        assertThatThrownBy(() -> template.sendBodyAndHeader("tandem:notify", "hi", "personId", Ids.newId()))
                .hasStackTraceContaining("needs the case id");
        assertThatThrownBy(() -> template.sendBodyAndHeader("tandem:notify", "", "caseId", Ids.newId()))
                .hasStackTraceContaining("needs the message text");
        assertThatThrownBy(() -> template.sendBodyAndHeaders("tandem:notify", "hi",
                Map.of("caseId", Ids.newId(), "personId", "Maria Lopez"))).hasStackTraceContaining("is not a person id");
        assertThat(platform.sent).isEmpty();
    }
}
