package org.tandem.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
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

    /** The VOCA report counts a newly opened case's victims exactly once; CSV; supervisors and advocates only. */
    @Test
    public void vocaReportCountsNewVictimsAndServesCsv() throws Exception {
        java.time.ZonedDateTime now = java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC);
        String quarter = now.getYear() + "Q" + ((now.getMonthValue() - 1) / 3 + 1);
        JsonNode before = JSON.readTree(get("/reports/voca-pmt?quarter=" + quarter, "supervisor").body());
        HttpResponse<String> created = post("/cases", "officer", "application/json",
                EXAMPLE.replace("IT-2026-000123", "IT-VOCA-1"));
        assertEquals(created.body(), 201, created.statusCode());

        HttpResponse<String> after = get("/reports/voca-pmt?quarter=" + quarter, "supervisor");
        assertEquals(after.body(), 200, after.statusCode());
        JsonNode report = JSON.readTree(after.body());
        assertEquals(quarter, report.path("quarter").asText());
        assertEquals(before.path("victimsServed").asLong() + 2, report.path("victimsServed").asLong());
        assertEquals(before.path("newVictims").asLong() + 2, report.path("newVictims").asLong());
        assertEquals(report.path("victimsServed").asLong(),
                report.path("newVictims").asLong() + report.path("continuingVictims").asLong());
        assertEquals(before.path("victimizationTypes").path("Adult physical assault (includes aggravated and simple assault)")
                .asLong() + 2, report.path("victimizationTypes")
                        .path("Adult physical assault (includes aggravated and simple assault)").asLong());
        assertFalse("no PII in a report: " + after.body(), after.body().contains("Lopez"));

        HttpResponse<String> csv = send(HttpRequest.newBuilder(api("/reports/voca-pmt?quarter=" + quarter))
                .header("Accept", "text/csv").GET(), "supervisor");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse(""), csv.headers().firstValue("Content-Type")
                .orElse("").startsWith("text/csv"));
        assertTrue(csv.body(), csv.body().startsWith("section,item,count\r\n"));
        assertTrue(csv.body(), csv.body().contains("victims,served," + report.path("victimsServed").asLong()));

        assertEquals(403, get("/reports/voca-pmt?quarter=" + quarter, "officer").statusCode());
        HttpResponse<String> bad = get("/reports/voca-pmt?quarter=2026Q9", "supervisor");
        assertEquals(bad.body(), 422, bad.statusCode());
        assertEquals(422, get("/reports/voca-pmt", "supervisor").statusCode());
        assertEquals(200, get("/reports/referral-outcomes?quarter=" + quarter, "supervisor").statusCode());
    }

    /**
     * Every request is in the audit trail before its response is sent: reads, writes, another agency's 404, a
     * failed login; only supervisors read the trail, only their own agency's; the chain verifies.
     */
    @Test
    public void everyRequestIsAuditedAndOnlyTheAgencysSupervisorReadsTheTrail() throws Exception {
        HttpResponse<String> created = post("/cases", "officer", "application/json",
                EXAMPLE.replace("IT-2026-000123", "IT-AUDIT-1"));
        assertEquals(created.body(), 201, created.statusCode());
        String id = JSON.readTree(created.body()).path("id").asText();
        assertEquals(200, get("/cases/" + id, "officer").statusCode());
        assertEquals(404, get("/cases/" + id, "officer2").statusCode());
        HttpResponse<String> badLogin = http.send(HttpRequest.newBuilder(api("/cases/" + id)).header("Authorization",
                "Basic " + java.util.Base64.getEncoder().encodeToString("officer:wrong".getBytes())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, badLogin.statusCode());

        JsonNode trail = JSON.readTree(get("/audit?case=" + id, "supervisor").body());
        List<String> seen = new ArrayList<>();
        for (JsonNode r : trail.path("items")) {
            seen.add(r.path("user").asText() + " " + r.path("action").asText() + " " + r.path("outcome").asText());
            assertEquals(r.toString(), "PD-DEMO", r.path("agencyId").asText());
            assertEquals(64, r.path("hash").asText().length());
            assertFalse(r.path("clientAddress").asText().isEmpty());
        }
        assertEquals(seen.toString(), List.of("officer GET /cases/{id} 200", "officer POST /cases 201"), seen);
        // the sheriff's office's 404 is in its own agency's trail, not in PD-DEMO's
        JsonNode all = JSON.readTree(get("/audit?size=200", "supervisor").body());
        for (JsonNode r : all.path("items")) {
            assertEquals(r.toString(), "PD-DEMO", r.path("agencyId").asText());
        }
        assertEquals(403, get("/audit", "officer").statusCode());
        assertEquals(403, get("/audit", "admin").statusCode());
        assertEquals(422, get("/audit?from=yesterday", "supervisor").statusCode());

        org.tandem.api.audit.AuditLog log = bundleContext.getService(
                bundleContext.getServiceReference(org.tandem.api.audit.AuditLog.class));
        List<String> other = new ArrayList<>();
        for (org.tandem.api.audit.AuditRecord r : log.search(new org.tandem.api.audit.AuditQuery("SO-DEMO", id, null,
                null, null, 0, 50)).items()) {
            other.add(r.event().user() + " " + r.event().action() + " " + r.event().outcome());
        }
        assertEquals(List.of("officer2 GET /cases/{id} 404"), other);
        org.tandem.api.audit.AuditVerification v = log.verify();
        assertTrue(v.detail(), v.intact());
        // the failed login: recorded with the name that was tried, no agency
        boolean failedLogin = false;
        try (java.sql.Connection c = bundleContext.getService(bundleContext.getServiceReferences(
                javax.sql.DataSource.class, "(dataSourceName=tandem)").iterator().next()).getConnection(); java.sql.Statement st = c.createStatement();
                java.sql.ResultSet rs = st.executeQuery(
                        "SELECT user_name, agency_id, outcome FROM audit_record WHERE action = 'LOGIN_FAILED'")) {
            while (rs.next()) {
                failedLogin |= "officer".equals(rs.getString(1)) && rs.getString(2) == null
                        && "401".equals(rs.getString(3));
            }
        }
        assertTrue("no LOGIN_FAILED record", failedLogin);
    }

    @Test
    public void featuresAreInstalledAndEveryBundleIsActive() throws Exception {
        for (String name : List.of("tandem-core", "tandem-intake", "tandem-referral", "tandem-demo", "tandem-camel", "tandem-camel-cxf", "tandem-all",
                "tandem-camel-routes", "tandem-shell", "tandem-reports", "tandem-web",
                "cxf-jaxrs", "camel-core", "pax-jdbc-config")) {
            assertTrue(name + " installed", features.isInstalled(features.getFeature(name)));
        }
        List<String> notActive = new ArrayList<>();
        for (Bundle b : bundleContext.getBundles()) {
            boolean fragment = b.getHeaders().get("Fragment-Host") != null;
            if (!fragment && b.getState() != Bundle.ACTIVE) {
                notActive.add(b.getSymbolicName() + " " + b.getVersion() + " state=" + b.getState());
            }
        }
        assertTrue("bundles not active: " + notActive, notActive.isEmpty());
        List<String> names = new ArrayList<>();
        for (Bundle b : bundleContext.getBundles()) {
            names.add(b.getSymbolicName());
        }
        for (String expected : List.of("org.tandem.api", "org.tandem.store", "org.tandem.security", "org.tandem.rest",
                "org.tandem.intake", "org.tandem.referral", "org.tandem.reports", "org.tandem.demo", "org.tandem.derby", "org.tandem.camel", "org.tandem.shell", "org.apache.camel.camel-core-engine",
                "org.apache.camel.camel-mail", "org.apache.camel.camel-cxf-soap", "org.apache.cxf.cxf-rt-frontend-jaxrs",
                "org.apache.camel.karaf.camel-karaf-commands")) {
            assertTrue(names + " lacks " + expected, names.contains(expected));
        }
    }

    @Test
    public void healthIsUpWithTheMigratedStore() throws Exception {
        HttpResponse<String> r = get("/health", null);
        assertEquals(200, r.statusCode());
        JsonNode body = JSON.readTree(r.body());
        assertEquals("UP", body.path("status").asText());
        assertTrue(body.path("store").path("database").asText(), body.path("store").path("database").asText().startsWith(TestDatabase.productPrefix()));
        assertTrue(body.toString(), body.path("store").path("schemaVersion").asInt() >= 3);
    }

    @Test
    public void openApiDocumentCoversCases() throws Exception {
        HttpResponse<String> r = get("/openapi.json", null);
        assertEquals(200, r.statusCode());
        JsonNode doc = JSON.readTree(r.body());
        assertTrue(doc.path("openapi").asText(), doc.path("openapi").asText().startsWith("3."));
        assertTrue(doc.path("paths").has("/cases"));
        assertTrue(doc.path("paths").has("/cases/{id}"));
        assertTrue(doc.path("paths").has("/health"));
        assertTrue(doc.path("components").path("schemas").has("Problem"));
    }

    @Test
    public void meShowsUserAgencyAndRoles() throws Exception {
        JsonNode me = JSON.readTree(get("/me", "officer").body());
        assertEquals("officer", me.path("user").asText());
        assertEquals("PD-DEMO", me.path("agency").asText());
        assertEquals("[\"officer\"]", me.path("roles").toString());

        // passwords are stored hashed (etc/org.apache.karaf.jaas.cfg: encryption on, SHA-512 hex), the demo's too,
        // and the login above kept roles and agency group
        java.nio.file.Path usersFile = java.nio.file.Path.of(System.getProperty("karaf.etc"), "users.properties");
        java.util.Properties users = new java.util.Properties();
        try (java.io.Reader in = java.nio.file.Files.newBufferedReader(usersFile, StandardCharsets.ISO_8859_1)) {
            users.load(in);
        }
        for (String user : List.of("officer", "supervisor", "officer2", "advocate", "liaison", "admin", "integrator")) {
            String entry = users.getProperty(user);
            assertNotNull(user, entry);
            assertTrue(user + " stored hashed: " + entry, entry.matches("\\{CRYPT\\}[0-9A-Fa-f]{128}\\{CRYPT\\},.+"));
        }
        assertEquals("{CRYPT}", users.getProperty("officer").substring(0, 7));
        assertTrue(users.getProperty("officer").endsWith(",officer,_g_:agency-PD-DEMO"));
        assertFalse(java.nio.file.Files.readString(usersFile, StandardCharsets.ISO_8859_1).matches("(?s).*=\\s*demo\\s*,.*"));
    }

    @Test
    public void aUserAddedWithAPlainPasswordIsHashedByKarafAndKeepsRolesAndAgency() throws Exception {
        // an admin appends a line in place (docs/admin.md); Karaf hashes it within a second
        java.nio.file.Path usersFile = java.nio.file.Path.of(System.getProperty("karaf.etc"), "users.properties");
        java.nio.file.Files.writeString(usersFile, "\nsue = Plain-Passw0rd-for-IT,supervisor,_g_:agency-SO-DEMO\n",
                StandardCharsets.ISO_8859_1, java.nio.file.StandardOpenOption.APPEND);
        Awaitility.await("Karaf hashes sue's password").atMost(Duration.ofSeconds(30))
                .until(() -> java.nio.file.Files.readString(usersFile, StandardCharsets.ISO_8859_1)
                        .matches("(?s).*\\nsue = \\{CRYPT\\}[0-9A-F]{128}\\{CRYPT\\},supervisor,_g_:agency-SO-DEMO.*"));
        assertFalse(java.nio.file.Files.readString(usersFile, StandardCharsets.ISO_8859_1).contains("Plain-Passw0rd-for-IT"));
        HttpResponse<String> me = http.send(HttpRequest.newBuilder(api("/me")).header("Authorization", "Basic "
                + java.util.Base64.getEncoder().encodeToString("sue:Plain-Passw0rd-for-IT".getBytes(StandardCharsets.UTF_8)))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(me.body(), 200, me.statusCode());
        JsonNode body = JSON.readTree(me.body());
        assertEquals("SO-DEMO", body.path("agency").asText());
        assertEquals("[\"supervisor\"]", body.path("roles").toString());
    }

    @Test
    public void createThenReadCaseAndEventIsPosted() throws Exception {
        List<Event> events = new CopyOnWriteArrayList<>();
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(EventConstants.EVENT_TOPIC, "org/tandem/case/OPENED");
        ServiceRegistration<EventHandler> reg = bundleContext.registerService(EventHandler.class, events::add, props);
        try {
            HttpResponse<String> created = post("/cases", "officer", "application/json", EXAMPLE);
            assertEquals(created.body(), 201, created.statusCode());
            JsonNode body = JSON.readTree(created.body());
            String id = body.path("id").asText();
            assertEquals(24, id.length());
            String location = created.headers().firstValue("Location").orElse(null);
            assertNotNull(location);
            assertTrue(location, location.contains("/tandem/api/v1/cases/" + id));

            HttpResponse<String> read = send(HttpRequest.newBuilder(URI.create(location)).GET(), "officer");
            assertEquals(200, read.statusCode());
            JsonNode c = JSON.readTree(read.body());
            assertEquals("PD-DEMO", c.path("agencyId").asText());
            assertEquals("OPEN", c.path("status").asText());
            assertEquals("IT-2026-000123", c.path("incident").path("number").asText());
            assertEquals("[\"13A\"]", c.path("incident").path("offenses").toString());
            assertEquals(2, c.path("persons").size());
            JsonNode maria = c.path("persons").get(0);
            assertEquals("Maria", maria.path("givenName").asText());
            assertEquals("1990-04-02", maria.path("birthDate").asText());
            assertEquals("[\"SMS\",\"EMAIL\"]", maria.path("contact").path("channels").toString());
            assertEquals("America/Chicago", maria.path("contact").path("safeHours").path("zone").asText());
            assertTrue(maria.path("contact").path("noVoicemail").asBoolean());
            assertEquals("MOTHER", c.path("persons").get(1).path("relationship").asText());
            assertEquals("[\"COUNSELING\",\"SHELTER\"]", c.path("needs").toString());

            // the supervisor of the same agency sees it; list by incident finds it
            assertEquals(200, get("/cases/" + id, "supervisor").statusCode());
            JsonNode page = JSON.readTree(get("/cases?incident=IT-2026-000123", "officer").body());
            assertEquals(1, page.path("total").asInt());
            assertEquals(id, page.path("items").get(0).path("id").asText());
            assertEquals(0, page.path("page").asInt());
            assertEquals(20, page.path("size").asInt());

            Awaitility.await("CASE_OPENED event").atMost(Duration.ofSeconds(10))
                    .until(() -> events.stream().anyMatch(e -> id.equals(e.getProperty("caseId"))));
            Event event = events.stream().filter(e -> id.equals(e.getProperty("caseId"))).findFirst().orElseThrow();
            assertEquals("PD-DEMO", event.getProperty("agencyId"));
            for (String name : event.getPropertyNames()) {
                assertFalse("no PII in events", String.valueOf(event.getProperty(name)).contains("Lopez"));
            }
        } finally {
            reg.unregister();
        }
    }

    @Test
    public void otherAgenciesGet404AndAnonymousGets401() throws Exception {
        String id = JSON.readTree(post("/cases", "officer", "application/json", EXAMPLE.replace("IT-2026-000123", "IT-TENANCY"))
                .body()).path("id").asText();
        assertEquals(404, get("/cases/" + id, "officer2").statusCode());
        assertEquals(404, get("/cases/" + id, "advocate").statusCode());
        assertEquals(0, JSON.readTree(get("/cases?incident=IT-TENANCY", "officer2").body()).path("total").asInt());

        HttpResponse<String> anonymous = get("/cases/" + id, null);
        assertEquals(401, anonymous.statusCode());
        assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse(""), anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
        assertTrue(anonymous.headers().firstValue("Content-Type").orElse(""), anonymous.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        HttpResponse<String> wrongPassword = send(HttpRequest.newBuilder(api("/cases/" + id)).GET()
                .header("Authorization", "Basic b2ZmaWNlcjp3cm9uZw=="), null);
        assertEquals(401, wrongPassword.statusCode());
        // roles: admin manages the platform, not case content
        assertEquals(403, post("/cases", "admin", "application/json", EXAMPLE).statusCode());
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

        // structural errors (unknown field, wrong enum, unparseable date) are all reported together ...
        String malformedFields = EXAMPLE.replace("\"PRIMARY_VICTIM\"", "\"VICTIM\"").replace("1990-04-02", "1990-13-45")
                .replace("\"needs\"", "\"colour\":\"blue\",\"needs\"").replace("\"noVoicemail\":true", "\"noVoicemail\":\"yes\"");
        assertFields(assertProblem(post("/cases", "officer", "application/json", malformedFields), 422),
                "persons[0].role", "persons[0].birthDate", "colour", "persons[0].contact.noVoicemail");
        // ... and so are the business-rule errors of a well-formed case
        String badRules = EXAMPLE.replace("\"13A\"", "\"13a\"").replace("+12175550199", "555-0199")
                .replace("maria@example.org", "maria at example").replace("IL0160000", "IL01");
        assertFields(assertProblem(post("/cases", "officer", "application/json", badRules), 422),
                "incident.offenses[0]", "persons[1].contact.phone", "persons[0].contact.email", "incident.ori");

        String noPrimary = EXAMPLE.replace("\"PRIMARY_VICTIM\"", "\"WITNESS\"");
        assertProblem(post("/cases", "officer", "application/json", noPrimary), 422);

        assertEquals("nothing stored", before, totalCases());
        assertProblem(get("/cases?size=100000", "officer"), 422);
        assertProblem(get("/cases/no-such-case", "officer"), 404);
        assertEquals(200, get("/health", null).statusCode());
    }

    private static void assertFields(JsonNode problem, String... expected) {
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(e -> fields.add(e.path("field").asText()));
        for (String field : expected) {
            assertTrue(fields + " lacks " + field, fields.contains(field));
        }
    }

    private long totalCases() throws Exception {
        return JSON.readTree(get("/cases", "officer").body()).path("total").asLong();
    }

    private static JsonNode assertProblem(HttpResponse<String> r, int status) throws Exception {
        assertEquals(r.body(), status, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse(""), r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        JsonNode body = JSON.readTree(r.body());
        assertEquals(status, body.path("status").asInt());
        assertFalse(body.path("title").asText().isEmpty());
        return body;
    }
}
