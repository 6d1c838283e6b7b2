package org.tandem.it;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.karaf.features.FeaturesService;
import org.awaitility.Awaitility;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/** Case intake through the real distribution: features, health, REST contract, tenancy, bad input. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CaseIntakeIT extends TandemKarafTestSupport {

    static final String EXAMPLE = """
            {"incident":{"number":"IT-2026-000123","ori":"IL0160000","occurredAt":"2026-11-20T22:15:00Z","offenses":["13A"],"location":"400 Main St"},
             "persons":[{"role":"PRIMARY_VICTIM","givenName":"Maria","familyName":"Lopez","birthDate":"1990-04-02","language":"es",
                         "contact":{"email":"maria@example.org","phone":"+12175550123","channels":["SMS","EMAIL"],
                                    "safeHours":{"from":"09:00","to":"18:00","zone":"America/Chicago"},"noVoicemail":true,"safeToContact":true}},
                        {"role":"SECONDARY_VICTIM","relationship":"MOTHER","givenName":"Ana","familyName":"Lopez","language":"es",
                         "contact":{"phone":"+12175550199","channels":["VOICE"]}}],
             "needs":["COUNSELING","SHELTER"],"narrative":"Assault at the residence."}
            """;

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    private FeaturesService features;

    @Test
    public void featuresAreInstalledAndEveryBundleIsActive() throws Exception {
        for (String name : List.of("tandem-core", "tandem-intake", "tandem-demo", "tandem-camel", "tandem-camel-cxf", "tandem-all",
                "cxf-jaxrs", "camel-core", "pax-jdbc-config")) {
            assertThat(name + " installed", features.isInstalled(features.getFeature(name)), is(true));
        }
        List<String> notActive = new ArrayList<>();
        for (Bundle b : bundleContext.getBundles()) {
            boolean fragment = b.getHeaders().get("Fragment-Host") != null;
            if (!fragment && b.getState() != Bundle.ACTIVE) {
                notActive.add(b.getSymbolicName() + " " + b.getVersion() + " state=" + b.getState());
            }
        }
        assertThat("bundles not active: " + notActive, notActive, empty());
        List<String> names = new ArrayList<>();
        for (Bundle b : bundleContext.getBundles()) {
            names.add(b.getSymbolicName());
        }
        for (String expected : List.of("org.tandem.api", "org.tandem.store", "org.tandem.security", "org.tandem.rest",
                "org.tandem.intake", "org.tandem.demo", "org.tandem.derby", "org.apache.camel.camel-core-engine",
                "org.apache.camel.camel-mail", "org.apache.camel.camel-cxf-soap", "org.apache.cxf.cxf-rt-frontend-jaxrs",
                "org.apache.camel.karaf.camel-karaf-commands")) {
            assertThat(names, hasItem(expected));
        }
    }

    @Test
    public void healthIsUpWithTheMigratedStore() throws Exception {
        HttpResponse<String> r = get("/health", null);
        assertThat(r.statusCode(), is(200));
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.path("status").asText(), is("UP"));
        assertThat(body.path("store").path("database").asText(), is("Apache Derby"));
        assertThat(body.path("store").path("schemaVersion").asInt(), is(1));
    }

    @Test
    public void openApiDocumentCoversCases() throws Exception {
        HttpResponse<String> r = get("/openapi.json", null);
        assertThat(r.statusCode(), is(200));
        JsonNode doc = JSON.readTree(r.body());
        assertThat(doc.path("openapi").asText(), startsWith("3."));
        assertThat(doc.path("paths").has("/cases"), is(true));
        assertThat(doc.path("paths").has("/cases/{id}"), is(true));
        assertThat(doc.path("paths").has("/health"), is(true));
        assertThat(doc.path("components").path("schemas").has("Problem"), is(true));
    }

    @Test
    public void meShowsUserAgencyAndRoles() throws Exception {
        JsonNode me = JSON.readTree(get("/me", "officer").body());
        assertThat(me.path("user").asText(), is("officer"));
        assertThat(me.path("agency").asText(), is("PD-DEMO"));
        assertThat(me.path("roles").toString(), is("[\"officer\"]"));
    }

    @Test
    public void createThenReadCaseAndEventIsPosted() throws Exception {
        List<Event> events = new CopyOnWriteArrayList<>();
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(EventConstants.EVENT_TOPIC, "org/tandem/case/OPENED");
        ServiceRegistration<EventHandler> reg = bundleContext.registerService(EventHandler.class, events::add, props);
        try {
            HttpResponse<String> created = post("/cases", "officer", "application/json", EXAMPLE);
            assertThat(created.body(), created.statusCode(), is(201));
            JsonNode body = JSON.readTree(created.body());
            String id = body.path("id").asText();
            assertThat(id.length(), is(24));
            String location = created.headers().firstValue("Location").orElse(null);
            assertThat(location, notNullValue());
            assertThat(location, containsString("/tandem/api/v1/cases/" + id));

            HttpResponse<String> read = send(HttpRequest.newBuilder(URI.create(location)).GET(), "officer");
            assertThat(read.statusCode(), is(200));
            JsonNode c = JSON.readTree(read.body());
            assertThat(c.path("agencyId").asText(), is("PD-DEMO"));
            assertThat(c.path("status").asText(), is("OPEN"));
            assertThat(c.path("incident").path("number").asText(), is("IT-2026-000123"));
            assertThat(c.path("incident").path("offenses").toString(), is("[\"13A\"]"));
            assertThat(c.path("persons").size(), is(2));
            JsonNode maria = c.path("persons").get(0);
            assertThat(maria.path("givenName").asText(), is("Maria"));
            assertThat(maria.path("birthDate").asText(), is("1990-04-02"));
            assertThat(maria.path("contact").path("channels").toString(), is("[\"SMS\",\"EMAIL\"]"));
            assertThat(maria.path("contact").path("safeHours").path("zone").asText(), is("America/Chicago"));
            assertThat(maria.path("contact").path("noVoicemail").asBoolean(), is(true));
            assertThat(c.path("persons").get(1).path("relationship").asText(), is("MOTHER"));
            assertThat(c.path("needs").toString(), is("[\"COUNSELING\",\"SHELTER\"]"));

            // the supervisor of the same agency sees it; list by incident finds it
            assertThat(get("/cases/" + id, "supervisor").statusCode(), is(200));
            JsonNode page = JSON.readTree(get("/cases?incident=IT-2026-000123", "officer").body());
            assertThat(page.path("total").asInt(), is(1));
            assertThat(page.path("items").get(0).path("id").asText(), is(id));
            assertThat(page.path("page").asInt(), is(0));
            assertThat(page.path("size").asInt(), is(20));

            Awaitility.await("CASE_OPENED event").atMost(Duration.ofSeconds(10))
                    .until(() -> events.stream().anyMatch(e -> id.equals(e.getProperty("caseId"))));
            Event event = events.stream().filter(e -> id.equals(e.getProperty("caseId"))).findFirst().orElseThrow();
            assertThat(event.getProperty("agencyId"), equalTo("PD-DEMO"));
            for (String name : event.getPropertyNames()) {
                assertThat("no PII in events", String.valueOf(event.getProperty(name)).contains("Lopez"), is(false));
            }
        } finally {
            reg.unregister();
        }
    }

    @Test
    public void otherAgenciesGet404AndAnonymousGets401() throws Exception {
        String id = JSON.readTree(post("/cases", "officer", "application/json", EXAMPLE.replace("IT-2026-000123", "IT-TENANCY"))
                .body()).path("id").asText();
        assertThat(get("/cases/" + id, "officer2").statusCode(), is(404));
        assertThat(get("/cases/" + id, "advocate").statusCode(), is(404));
        assertThat(JSON.readTree(get("/cases?incident=IT-TENANCY", "officer2").body()).path("total").asInt(), is(0));

        HttpResponse<String> anonymous = get("/cases/" + id, null);
        assertThat(anonymous.statusCode(), is(401));
        assertThat(anonymous.headers().firstValue("WWW-Authenticate").orElse(""), startsWith("Basic"));
        assertThat(anonymous.headers().firstValue("Content-Type").orElse(""), startsWith("application/problem+json"));
        HttpResponse<String> wrongPassword = send(HttpRequest.newBuilder(api("/cases/" + id)).GET()
                .header("Authorization", "Basic b2ZmaWNlcjp3cm9uZw=="), null);
        assertThat(wrongPassword.statusCode(), is(401));
        // roles: admin manages the platform, not case content
        assertThat(post("/cases", "admin", "application/json", EXAMPLE).statusCode(), is(403));
    }

    @Test
    public void badInputGetsProblemsAndStoresNothing() throws Exception {
        long before = totalCases();

        HttpResponse<String> malformed = post("/cases", "officer", "application/json", "{\"incident\": {");
        assertProblem(malformed, 400);

        assertProblem(post("/cases", "officer", "text/plain", EXAMPLE), 415);
        assertProblem(post("/cases", "officer", "application/json", "{\"a\":1,\"a\":2}"), 400);

        String huge = "{\"narrative\":\"" + "x".repeat(1_100_000) + "\"}";
        assertProblem(post("/cases", "officer", "application/json", huge), 413);

        String invalid = EXAMPLE.replace("\"PRIMARY_VICTIM\"", "\"VICTIM\"").replace("1990-04-02", "1990-13-45")
                .replace("\"13A\"", "\"13a\"").replace("+12175550199", "555-0199").replace("maria@example.org", "maria at example")
                .replace("\"needs\"", "\"colour\":\"blue\",\"needs\"");
        HttpResponse<String> unprocessable = post("/cases", "officer", "application/json", invalid);
        JsonNode problem = assertProblem(unprocessable, 422);
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(e -> fields.add(e.path("field").asText()));
        for (String expected : List.of("persons[0].role", "persons[0].birthDate", "incident.offenses[0]",
                "persons[1].contact.phone", "persons[0].contact.email", "colour")) {
            assertThat(fields + " contains " + expected, fields, hasItem(expected));
        }

        String noPrimary = EXAMPLE.replace("\"PRIMARY_VICTIM\"", "\"WITNESS\"");
        assertProblem(post("/cases", "officer", "application/json", noPrimary), 422);

        assertThat("nothing stored", totalCases(), is(before));
        assertProblem(get("/cases?size=100000", "officer"), 422);
        assertProblem(get("/cases/no-such-case", "officer"), 404);
        assertThat(get("/health", null).statusCode(), is(200));
    }

    private long totalCases() throws Exception {
        return JSON.readTree(get("/cases", "officer").body()).path("total").asLong();
    }

    private static JsonNode assertProblem(HttpResponse<String> r, int status) throws Exception {
        assertThat(r.body(), r.statusCode(), is(status));
        assertThat(r.headers().firstValue("Content-Type").orElse(""), startsWith("application/problem+json"));
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.path("status").asInt(), is(status));
        assertThat(body.path("title").asText().isEmpty(), is(false));
        return body;
    }
}
