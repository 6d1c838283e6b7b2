package org.tandem.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.File;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.spi.ComponentResolver;
import org.awaitility.Awaitility;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceReference;
import org.osgi.service.event.EventHandler;

/**
 * The RMS adapter and the tandem: component in the real distribution: reports dropped into the configured inbox
 * (etc/org.tandem.adapter.rms.cfg, demo agency PD-DEMO) or posted to /rms/incidents, and Camel XML route files
 * hot-deployed into deploy/.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RmsIntakeIT extends TandemKarafTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Override
    @Configuration
    public Option[] config() {
        return OptionUtils.combine(super.config(),
                editConfigurationFilePut("etc/system.properties", "tandem.it.examples",
                        new File("../examples").getAbsolutePath()));
    }

    private static Path base() {
        return Path.of(System.getProperty("karaf.base"));
    }

    private static Path rms(String folder) {
        return base().resolve("integration/rms").resolve(folder);
    }

    private static Path example(String name) {
        return Path.of(System.getProperty("tandem.it.examples")).resolve("rms").resolve(name);
    }

    /** Writes under a dot-name first (ignored by the folder route), then renames: the RMS's atomic drop. */
    private static void drop(Path source, Path folder, String as) throws IOException {
        Files.createDirectories(folder);
        Path tmp = folder.resolve("." + as + ".part");
        Files.copy(source, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, folder.resolve(as), StandardCopyOption.ATOMIC_MOVE);
    }

    private static List<String> names(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith(".")).sorted().toList();
        }
    }

    private long casesOfIncident(String incident) throws Exception {
        return JSON.readTree(get("/cases?incident=" + incident, "officer").body()).path("total").asLong();
    }

    private CamelContext camelContext(String name) throws Exception {
        Collection<ServiceReference<CamelContext>> refs = bundleContext.getServiceReferences(CamelContext.class,
                "(camel.context.name=" + name + ")");
        return refs.isEmpty() ? null : bundleContext.getService(refs.iterator().next());
    }

    @Test
    public void theRmsRoutesAndTheTandemComponentArePublished() throws Exception {
        assertFalse("tandem component resolver", bundleContext.getServiceReferences(ComponentResolver.class,
                "(component=tandem)").isEmpty());
        Awaitility.await("tandem-rms context").atMost(WAIT).until(() -> camelContext("tandem-rms") != null);
        CamelContext rms = camelContext("tandem-rms");
        for (String route : List.of("rms-folder-intake", "rms-http-intake", "rms-ingest", "rms-dead-letter")) {
            assertEquals(route, ServiceStatus.Started, rms.getRouteController().getRouteStatus(route));
        }
    }

    @Test
    public void aDroppedReportBecomesACaseAndTheSameReportAgainCreatesNothingNew() throws Exception {
        drop(example("incident-2026-000200-1.xml"), rms("inbox"), "incident-2026-000200-1.xml");
        Awaitility.await("case for incident 2026-000200").atMost(WAIT).ignoreExceptions()
                .until(() -> casesOfIncident("2026-000200") == 1);
        JsonNode c = JSON.readTree(get("/cases?incident=2026-000200", "officer").body()).path("items").get(0);
        assertEquals("PD-DEMO", c.path("agencyId").asText());
        assertEquals("rms-folder", c.path("createdBy").asText());
        assertEquals(2, c.path("persons").size());
        assertEquals("es", c.path("persons").get(0).path("language").asText());
        assertEquals("MOTHER", c.path("persons").get(1).path("relationship").asText());

        drop(example("incident-2026-000200-1.xml"), rms("inbox"), "incident-2026-000200-1-replay.xml");
        Awaitility.await("replay archived").atMost(WAIT)
                .until(() -> names(rms("archive")).contains("incident-2026-000200-1-replay.xml"));
        assertTrue(names(rms("inbox")).isEmpty());
        assertEquals(1, casesOfIncident("2026-000200"));
        JsonNode again = JSON.readTree(get("/cases/" + c.path("id").asText(), "officer").body());
        assertEquals("no persons added by the replay", 2, again.path("persons").size());

        // the supplement adds its witness to the same case
        drop(example("incident-2026-000200-2.xml"), rms("inbox"), "incident-2026-000200-2.xml");
        Awaitility.await("witness added").atMost(WAIT).ignoreExceptions().until(() -> JSON.readTree(
                get("/cases/" + c.path("id").asText(), "officer").body()).path("persons").size() == 3);
        assertEquals(1, casesOfIncident("2026-000200"));
    }

    @Test
    public void malformedAndXxeReportsLandInTheErrorFolderWithAReasonAndCreateNothing() throws Exception {
        drop(example("bad/xxe.xml"), rms("inbox"), "xxe.xml");
        drop(example("bad/not-well-formed.xml"), rms("inbox"), "truncated.xml");
        Awaitility.await("reasons written").atMost(WAIT).until(() -> names(rms("error")).stream()
                .filter(n -> n.endsWith("-xxe.xml.reason") || n.endsWith("-truncated.xml.reason")).count() == 2);
        assertTrue(names(rms("error")).stream().anyMatch(n -> n.endsWith("-xxe.xml")));
        Path reason;
        try (Stream<Path> files = Files.list(rms("error"))) {
            reason = files.filter(p -> p.getFileName().toString().endsWith("-xxe.xml.reason")).findFirst().orElseThrow();
        }
        String text = Files.readString(reason);
        assertTrue(text, text.contains("DOCTYPE"));
        assertFalse("no file content leaked", text.contains("root:"));
        assertEquals(0, casesOfIncident("XXE-2026-1"));
        assertTrue(names(rms("inbox")).isEmpty());
    }

    @Test
    public void reportsPostedOverHttpBelongToTheIntegratorsAgency() throws Exception {
        String report = Files.readString(example("incident-2026-000231.xml"));

        HttpResponse<String> created = post("/rms/incidents", "integrator", "application/xml", report);
        assertEquals(created.body(), 201, created.statusCode());
        JsonNode body = JSON.readTree(created.body());
        assertEquals("CREATED", body.path("status").asText());
        String location = created.headers().firstValue("Location").orElse("");
        assertTrue(location, location.endsWith("/cases/" + body.path("caseId").asText()));
        assertEquals(200, get("/cases/" + body.path("caseId").asText(), "officer").statusCode());

        HttpResponse<String> replay = post("/rms/incidents", "integrator", "application/xml", report);
        assertEquals(200, replay.statusCode());
        assertEquals("DUPLICATE", JSON.readTree(replay.body()).path("status").asText());
        assertEquals(1, casesOfIncident("2026-000231"));

        HttpResponse<String> xxe = post("/rms/incidents", "integrator", "application/xml",
                Files.readString(example("bad/xxe.xml")));
        assertEquals(xxe.body(), 400, xxe.statusCode());
        assertTrue(xxe.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        HttpResponse<String> invalid = post("/rms/incidents", "integrator", "application/xml",
                Files.readString(example("bad/business-rules.xml")));
        assertEquals(invalid.body(), 422, invalid.statusCode());
        assertTrue(invalid.body(), JSON.readTree(invalid.body()).path("errors").size() >= 3);
        assertEquals(403, post("/rms/incidents", "officer", "application/xml", report).statusCode());
        assertEquals(415, post("/rms/incidents", "integrator", "application/json", "{}").statusCode());
    }

    @Test
    public void theFolderRouteCanBeStoppedAndStartedWithoutLosingReports() throws Exception {
        Awaitility.await().atMost(WAIT).until(() -> camelContext("tandem-rms") != null);
        CamelContext rms = camelContext("tandem-rms");
        rms.getRouteController().stopRoute("rms-folder-intake");
        try {
            String report = Files.readString(example("incident-2026-000231.xml"))
                    .replace("2026-000231", "2026-000232");
            Path source = Files.createTempFile("report", ".xml");
            Files.writeString(source, report);
            drop(source, rms("inbox"), "while-stopped.xml");
            assertEquals(ServiceStatus.Stopped, rms.getRouteController().getRouteStatus("rms-folder-intake"));
            assertTrue(names(rms("inbox")).contains("while-stopped.xml"));
        } finally {
            rms.getRouteController().startRoute("rms-folder-intake");
        }
        Awaitility.await("processed after start").atMost(WAIT).ignoreExceptions()
                .until(() -> casesOfIncident("2026-000232") == 1);
    }

    @Test
    public void aHotDeployedRouteFileRunsAndRemovingItStopsIt() throws Exception {
        Path work = Files.createTempDirectory("routefile");
        Path events = work.resolve("events");
        Path in = work.resolve("in");
        Path out = work.resolve("out");
        String routes = """
                <routes xmlns="http://camel.apache.org/schema/spring">
                  <route id="it-case-opened">
                    <from uri="tandem:events?types=CASE_OPENED"/>
                    <setBody><simple>${header.caseId}</simple></setBody>
                    <to uri="file:%s?fileName=${header.caseId}.txt"/>
                  </route>
                  <route id="it-welcome">
                    <from uri="tandem:events?types=CASE_OPENED"/>
                    <setBody><constant>Your advocate will call you tomorrow.</constant></setBody>
                    <to uri="tandem:notify?subject=Welcome"/>
                  </route>
                  <route id="it-json-intake">
                    <from uri="file:%s?delay=200"/>
                    <to uri="tandem:intake"/>
                    <to uri="file:%s?fileName=${file:onlyname.noext}.case"/>
                  </route>
                </routes>
                """.formatted(events, in, out);
        Path deploy = base().resolve("deploy");
        Path file = deploy.resolve("it-routes.camel.xml");
        Files.writeString(deploy.resolve(".it-routes.tmp"), routes);
        Files.move(deploy.resolve(".it-routes.tmp"), file, StandardCopyOption.ATOMIC_MOVE);
        try {
            Awaitility.await("route file deployed").atMost(WAIT).until(() -> camelContext("routefile-it-routes") != null);
            CamelContext context = camelContext("routefile-it-routes");
            Awaitility.await().atMost(WAIT).until(() -> context.getRoutes().size() == 3);

            // tandem:events: a case opened over REST shows up as a file
            String id = JSON.readTree(post("/cases", "officer", "application/json",
                    CaseIntakeIT.EXAMPLE.replace("IT-2026-000123", "IT-ROUTEFILE-1")).body()).path("id").asText();
            Awaitility.await("event written by the route file").atMost(WAIT)
                    .until(() -> Files.exists(events.resolve(id + ".txt")));
            // tandem:notify: the route queued a message through the notification engine's outbox
            Awaitility.await("message queued by the route file").atMost(WAIT).ignoreExceptions()
                    .until(() -> JSON.readTree(get("/cases/" + id + "/notifications?size=50", "officer").body()).path("items"),
                            items -> java.util.stream.StreamSupport.stream(items.spliterator(), false)
                                    .anyMatch(n -> "MANUAL".equals(n.path("eventType").asText())));

            // tandem:intake: a JSON document dropped in the route's folder becomes a case of the configured agency
            Files.createDirectories(in);
            Files.writeString(in.resolve(".doc.tmp"), CaseIntakeIT.EXAMPLE.replace("IT-2026-000123", "IT-ROUTEFILE-2"));
            Files.move(in.resolve(".doc.tmp"), in.resolve("doc.json"), StandardCopyOption.ATOMIC_MOVE);
            Awaitility.await("case id written").atMost(WAIT).until(() -> Files.exists(out.resolve("doc.case")));
            String caseId = Files.readString(out.resolve("doc.case"));
            JsonNode c = JSON.readTree(get("/cases/" + caseId, "officer").body());
            assertEquals("IT-ROUTEFILE-2", c.path("incident").path("number").asText());
            assertEquals("camel", c.path("createdBy").asText());
        } finally {
            Files.deleteIfExists(file);
        }
        Awaitility.await("route file undeployed").atMost(WAIT).until(() -> camelContext("routefile-it-routes") == null);
        // its tandem:events subscriptions went with it (the context's service goes first, its consumers stop after)
        Awaitility.await("tandem:events subscriptions removed").atMost(WAIT).until(() -> {
            List<String> subscribers = new ArrayList<>();
            for (ServiceReference<EventHandler> ref : bundleContext.getServiceReferences(EventHandler.class,
                    "(event.topics=org/tandem/case/OPENED)")) {
                subscribers.add(ref.getBundle().getSymbolicName());
            }
            return !subscribers.contains("org.tandem.camel.component");
        });
    }
}
