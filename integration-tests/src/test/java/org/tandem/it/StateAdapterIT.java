package org.tandem.it;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.File;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.awaitility.Awaitility;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * The state adapter in the real distribution: a custody release for a registered victim (with a NOTIFY consent) posts
 * the event the notification engine consumes, once per report id (also across a restart of the adapter), and the
 * engine queues a CUSTODY_STATUS_CHANGED notification for the victim in its outbox; a compensation claim (with a
 * SHARE_WITH_STATE consent recorded through the real consent service) is delivered once to a stub state endpoint
 * that fails twice first.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class StateAdapterIT extends TandemKarafTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Override
    @Configuration
    public Option[] config() {
        String statePort = freePort();
        return OptionUtils.combine(super.config(),
                editConfigurationFilePut("etc/system.properties", "tandem.it.examples", new File("../examples").getAbsolutePath()),
                editConfigurationFilePut("etc/system.properties", "tandem.it.statePort", statePort),
                // the file is written before the feature's own copy, which then is not installed: every other value
                // is the component's default
                editConfigurationFilePut("etc/org.tandem.adapter.state.cfg", "claimsEndpoint",
                        "http://127.0.0.1:" + statePort + "/state/compensation"),
                editConfigurationFilePut("etc/org.tandem.adapter.state.cfg", "claimsPollIntervalMs", "500"),
                editConfigurationFilePut("etc/org.tandem.adapter.state.cfg", "claimsRedeliveryDelayMs", "300"),
                editConfigurationFilePut("etc/org.tandem.adapter.state.cfg", "feedPollDelayMs", "300"));
    }

    private static Path example(String name) {
        return Path.of(System.getProperty("tandem.it.examples")).resolve("state").resolve(name);
    }

    private JsonNode openCase(String incident) throws Exception {
        HttpResponse<String> r = post("/cases", "officer", "application/json",
                CaseIntakeIT.EXAMPLE.replace("IT-2026-000123", incident));
        assertEquals(r.body(), 201, r.statusCode());
        return JSON.readTree(r.body());
    }

    /** A written consent recorded through the real consent service (bundles/security). */
    private void grantConsent(String caseId, String personId, String scope, String recipient) throws Exception {
        HttpResponse<String> r = post("/cases/" + caseId + "/consents", "officer", "application/json",
                "{\"personId\":\"" + personId + "\",\"scope\":\"" + scope + "\",\"recipient\":" + recipient + ","
                        + "\"purpose\":\"IT\",\"form\":\"WRITTEN\",\"expiresAt\":\""
                        + Instant.now().plus(Duration.ofDays(30)) + "\"}");
        assertEquals(r.body(), 201, r.statusCode());
    }

    private CamelContext camelContext(String name) throws Exception {
        Collection<ServiceReference<CamelContext>> refs = bundleContext.getServiceReferences(CamelContext.class,
                "(camel.context.name=" + name + ")");
        return refs.isEmpty() ? null : bundleContext.getService(refs.iterator().next());
    }

    @Test
    public void aCustodyReleaseForARegisteredVictimQueuesANotificationOncePerReport() throws Exception {
        List<Event> events = new CopyOnWriteArrayList<>();
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(EventConstants.EVENT_TOPIC, "org/tandem/custody/STATUS_CHANGED");
        ServiceRegistration<EventHandler> handler = bundleContext.registerService(EventHandler.class, events::add, props);
        try {
            JsonNode c = openCase("IT-CUSTODY-1");
            String caseId = c.path("id").asText();
            String victim = c.path("persons").get(0).path("id").asText();
            grantConsent(caseId, victim, "NOTIFY", "{\"kind\":\"ANY\"}");
            HttpResponse<String> registered = post("/registrations", "officer", "application/json",
                    "{\"caseId\":\"" + caseId + "\",\"personId\":\"" + victim + "\",\"offenderId\":\"IL-4471983\"}");
            assertEquals(registered.body(), 201, registered.statusCode());
            assertEquals(409, post("/registrations", "officer", "application/json",
                    "{\"caseId\":\"" + caseId + "\",\"personId\":\"" + victim + "\",\"offenderId\":\"IL-4471983\"}").statusCode());
            assertEquals(404, get("/registrations?caseId=" + caseId, "officer2").statusCode());

            // the state custody system drops its report into the feed's folder
            Path inbox = Path.of(System.getProperty("karaf.base"), "integration/state/custody/inbox");
            Files.createDirectories(inbox);
            Files.copy(example("custody-released.xml"), inbox.resolve(".release.part"), StandardCopyOption.REPLACE_EXISTING);
            Files.move(inbox.resolve(".release.part"), inbox.resolve("release.xml"), StandardCopyOption.ATOMIC_MOVE);

            Awaitility.await("custody event").atMost(WAIT).until(() -> events.stream()
                    .anyMatch(e -> caseId.equals(e.getProperty("caseId"))));
            Event event = events.stream().filter(e -> caseId.equals(e.getProperty("caseId"))).findFirst().orElseThrow();
            assertEquals("PD-DEMO", event.getProperty("agencyId"));
            assertArrayEquals(new String[] {victim}, (String[]) event.getProperty("personIds"));
            assertEquals("IL-4471983", event.getProperty("offenderId"));
            assertEquals("RELEASED", event.getProperty("status"));
            assertEquals("RELEASED", event.getProperty("custodyStatus"));
            assertEquals("state-custody:IL-DOC-CUST-2026-118842", event.getProperty("eventId"));
            assertEquals(Instant.parse("2026-11-25T15:30:00Z").toEpochMilli(), event.getProperty("occurredAt"));
            assertEquals("IL-DOC-CUST-2026-118842", event.getProperty("reportId"));

            // the notification engine consumed it: an outbox record for the registered victim (consent given, so not
            // WITHHELD; QUEUED, or already attempted when the dispatcher was quick)
            JsonNode custody = Awaitility.await("custody notification queued").atMost(WAIT).ignoreExceptions()
                    .until(() -> custodyNotifications(caseId), n -> n.size() == 1).get(0);
            assertEquals(victim, custody.path("personId").asText());
            assertTrue(custody.toString(), List.of("QUEUED", "SENT", "FAILED", "DELIVERED")
                    .contains(custody.path("state").asText()));

            // the same report again, over HTTP, and again after the adapter bundle restarted: nothing new
            String report = Files.readString(example("custody-released.xml"));
            HttpResponse<String> replay = post("/state/custody-reports", "integrator", "application/xml", report);
            assertEquals(replay.body(), 200, replay.statusCode());
            assertEquals("DUPLICATE", JSON.readTree(replay.body()).path("status").asText());
            Bundle state = bundle("org.tandem.adapter.state");
            state.stop();
            state.start();
            Awaitility.await("state feeds back").atMost(WAIT).ignoreExceptions().until(() -> post("/state/custody-reports",
                    "integrator", "application/xml", report).statusCode() == 200);
            // a new report for the offender is processed: the feed is alive, the replays were skipped
            HttpResponse<String> booked = post("/state/custody-reports", "integrator", "application/json",
                    Files.readString(example("custody-booked.json")));
            assertEquals(booked.body(), 202, booked.statusCode());
            Awaitility.await("second event").atMost(WAIT).until(() -> events.stream()
                    .anyMatch(e -> "IL-DOC-CUST-2026-118790".equals(e.getProperty("reportId"))));
            assertEquals(1, events.stream().filter(e -> "IL-DOC-CUST-2026-118842".equals(e.getProperty("reportId"))).count());
            Awaitility.await("second notification").atMost(WAIT).ignoreExceptions()
                    .until(() -> custodyNotifications(caseId).size() == 2);
            assertEquals("one notification per report", 2, custodyNotifications(caseId).size());

            assertEquals(403, post("/state/custody-reports", "officer", "application/xml", report).statusCode());
            HttpResponse<String> invalid = post("/state/custody-reports", "integrator", "application/json",
                    "{\"reportId\":\"X\",\"offenderId\":\"Y\",\"status\":\"PAROLED\",\"occurredAt\":\"2026-11-25\"}");
            assertEquals(invalid.body(), 422, invalid.statusCode());
        } finally {
            handler.unregister();
        }
    }

    @Test
    public void aClaimAgainstAStubThatFailsTwiceThenSucceedsIsDeliveredOnce() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        AtomicInteger accepted = new AtomicInteger();
        List<String> bodies = new CopyOnWriteArrayList<>();
        StubHttpServer stub = new StubHttpServer(Integer.parseInt(System.getProperty("tandem.it.statePort")), body -> {
            bodies.add(body);
            if (requests.incrementAndGet() <= 2) {
                return new StubHttpServer.Answer(503, "text/plain", "maintenance window");
            }
            return new StubHttpServer.Answer(200, "text/xml", "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                    + "<soap:Body><vc:ClaimReceipt xmlns:vc=\"urn:example:state:victim-compensation:1.0\">"
                    + "<vc:ClaimID>x</vc:ClaimID><vc:ClaimNumber>VC-IT-" + accepted.incrementAndGet()
                    + "</vc:ClaimNumber><vc:Status>RECEIVED</vc:Status></vc:ClaimReceipt></soap:Body></soap:Envelope>");
        });
        JsonNode c = openCase("IT-CLAIM-1");
        String caseId = c.path("id").asText();
        String victim = c.path("persons").get(0).path("id").asText();
        try {
            // no SHARE_WITH_STATE consent yet: the claim is refused, nothing is sent
            HttpResponse<String> refused = post("/cases/" + caseId + "/claims", "officer", "application/json",
                    "{\"personId\":\"" + victim + "\"}");
            assertTrue(refused.body(), refused.statusCode() >= 400 && refused.statusCode() < 500);
            assertEquals(0, requests.get());

            grantConsent(caseId, victim, "SHARE_WITH_STATE", "{\"kind\":\"AGENCY\",\"id\":\"STATE-VC\"}");
            HttpResponse<String> submitted = post("/cases/" + caseId + "/claims", "officer", "application/json",
                    "{\"personId\":\"" + victim + "\"}");
            assertEquals(submitted.body(), 202, submitted.statusCode());

            Awaitility.await("claim delivered").atMost(WAIT).ignoreExceptions().until(() -> "DELIVERED".equals(
                    JSON.readTree(get("/cases/" + caseId + "/claims", "officer").body()).path("items").get(0)
                            .path("status").asText()));
            JsonNode claim = JSON.readTree(get("/cases/" + caseId + "/claims", "officer").body()).path("items").get(0);
            assertEquals(3, claim.path("attempts").asInt());
            assertEquals("VC-IT-1", claim.path("stateReference").asText());
            assertEquals(3, requests.get());
            assertEquals(1, accepted.get());
            assertTrue(bodies.get(2), bodies.get(2).contains(claim.path("id").asText()));
            assertFalse("no second claim for the same victim", post("/cases/" + caseId + "/claims", "officer",
                    "application/json", "{\"personId\":\"" + victim + "\"}").statusCode() == 202);
            assertEquals(404, get("/cases/" + caseId + "/claims", "officer2").statusCode());
            CamelContext claims = camelContext("tandem-claims");
            assertNotNull(claims);
            for (String route : List.of("state-claims-poll", "state-claim-send", "state-claim-dead")) {
                assertEquals(route, ServiceStatus.Started, claims.getRouteController().getRouteStatus(route));
            }
        } finally {
            stub.close();
        }
    }

    /** The state adapter starts after /health is UP (its DS components wait for their configuration): wait for it. */
    @org.junit.Before
    public void awaitStateAdapter() {
        Awaitility.await("state adapter routes started").atMost(Duration.ofSeconds(120)).ignoreExceptions()
                .until(() -> {
                    CamelContext state = camelContext("tandem-state");
                    return state != null && ServiceStatus.Started == state.getRouteController()
                            .getRouteStatus("state-custody-http");
                });
    }

    @Test
    public void theFeedRoutesAreListed() throws Exception {
        Awaitility.await().atMost(WAIT).until(() -> camelContext("tandem-state") != null);
        CamelContext state = camelContext("tandem-state");
        for (String route : List.of("state-custody-folder", "state-court-folder", "state-custody-http",
                "state-court-http", "state-custody-report", "state-court-report", "state-dead-letter")) {
            assertEquals(route, ServiceStatus.Started, state.getRouteController().getRouteStatus(route));
        }
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle b : bundleContext.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("no bundle " + symbolicName);
    }

    private List<JsonNode> custodyNotifications(String caseId) throws Exception {
        List<JsonNode> out = new java.util.ArrayList<>();
        for (JsonNode n : JSON.readTree(get("/cases/" + caseId + "/notifications?size=50", "officer").body()).path("items")) {
            if ("CUSTODY_STATUS_CHANGED".equals(n.path("eventType").asText())) {
                out.add(n);
            }
        }
        return out;
    }
}
