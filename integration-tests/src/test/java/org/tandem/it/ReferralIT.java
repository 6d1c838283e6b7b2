package org.tandem.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PrivilegedExceptionAction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.inject.Inject;
import javax.security.auth.Subject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
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

/**
 * Referrals through the real distribution with the demo users: PD-DEMO (officer) records consent and refers,
 * VSP-DEMO (advocate, linked to the demo provider Safe Harbor) acts on it, SO-DEMO (officer2) sees nothing; consent
 * rules, revocation mid-flow, overdue listing and console, directory import, feature uninstall and reinstall.
 * Every test opens its own case, so the tests do not depend on each other's order.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ReferralIT extends TandemKarafTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SAFE_HARBOR = "prv-safe-harbor";
    private static final String NARRATIVE = "Assault at the residence.";

    @Inject
    private FeaturesService features;

    @Inject
    private SessionFactory sessions;

    /** The case of {@link CaseIntakeIT#EXAMPLE} under its own incident number: Maria (victim) and Ana (mother). */
    private record TestCase(String id, String maria, String ana) {
    }

    private TestCase openCase(String incident) throws Exception {
        HttpResponse<String> r = post("/cases", "officer", "application/json",
                CaseIntakeIT.EXAMPLE.replace("IT-2026-000123", incident));
        assertEquals(r.body(), 201, r.statusCode());
        JsonNode c = JSON.readTree(r.body());
        return new TestCase(c.path("id").asText(), c.path("persons").get(0).path("id").asText(),
                c.path("persons").get(1).path("id").asText());
    }

    private String consent(TestCase c, String personId, String items) throws Exception {
        String body = "{\"personId\":\"" + personId + "\",\"scope\":\"SHARE_WITH_PROVIDER\",\"recipient\":{\"kind\":"
                + "\"PROVIDER\",\"id\":\"" + SAFE_HARBOR + "\"},\"purpose\":\"Referral for counseling\",\"form\":\"WRITTEN\","
                + "\"expiresAt\":\"" + Instant.now().plus(Duration.ofDays(90)) + "\"" + (items == null ? "" : ",\"items\":" + items)
                + "}";
        HttpResponse<String> r = post("/cases/" + c.id() + "/consents", "officer", "application/json", body);
        assertEquals(r.body(), 201, r.statusCode());
        JsonNode consent = JSON.readTree(r.body());
        assertTrue(r.headers().firstValue("Location").orElse(""),
                r.headers().firstValue("Location").orElse("").endsWith("/consents/" + consent.path("id").asText()));
        assertEquals("ACTIVE", consent.path("status").asText());
        return consent.path("id").asText();
    }

    private HttpResponse<String> refer(TestCase c, String personId, boolean send) throws Exception {
        return post("/referrals", "officer", "application/json", "{\"caseId\":\"" + c.id() + "\",\"personId\":\""
                + personId + "\",\"providerId\":\"" + SAFE_HARBOR + "\",\"services\":[\"COUNSELING\"],"
                + "\"note\":\"Prefers afternoon calls\",\"urgency\":\"URGENT\",\"send\":" + send + "}");
    }

    private String referSent(TestCase c, String personId) throws Exception {
        HttpResponse<String> r = refer(c, personId, true);
        assertEquals(r.body(), 201, r.statusCode());
        JsonNode referral = JSON.readTree(r.body());
        assertEquals("SENT", referral.path("status").asText());
        return referral.path("id").asText();
    }

    private HttpResponse<String> status(String referralId, String user, String status, String reason)
            throws Exception {
        return post("/referrals/" + referralId + "/status", user, "application/json", "{\"status\":\"" + status + "\""
                + (reason == null ? "" : ",\"reason\":\"" + reason + "\"") + "}");
    }

    private static JsonNode find(JsonNode page, String id) {
        for (JsonNode item : page.path("items")) {
            if (id.equals(item.path("id").asText())) {
                return item;
            }
        }
        return null;
    }

    private JsonNode json(HttpResponse<String> r, int expected) throws Exception {
        assertEquals(r.body(), expected, r.statusCode());
        return JSON.readTree(r.body());
    }

    @Test
    public void twoAgencyReferralClosedLoop() throws Exception {
        List<Event> events = new CopyOnWriteArrayList<>();
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(EventConstants.EVENT_TOPIC, "org/tandem/referral/STATUS_CHANGED");
        ServiceRegistration<EventHandler> reg = bundleContext.registerService(EventHandler.class, events::add, props);
        try {
            TestCase c = openCase("IT-REF-LOOP");

            // the officer looks for a Spanish-speaking counselor in Sangamon County: accepting first, then language
            JsonNode providers = json(get("/providers?service=COUNSELING&language=es&area=Sangamon%20County", "officer"), 200);
            assertNotNull(providers.toString(), find(providers, SAFE_HARBOR));
            boolean seenNotAccepting = false;
            boolean seenNoMatch = false;
            for (JsonNode p : providers.path("items")) {
                boolean accepting = p.path("acceptingReferrals").asBoolean();
                assertFalse("accepting providers come first: " + providers, accepting && seenNotAccepting);
                seenNotAccepting |= !accepting;
                if (accepting) {
                    assertFalse("language matches first: " + providers, p.path("languageMatch").asBoolean() && seenNoMatch);
                    seenNoMatch |= !p.path("languageMatch").asBoolean();
                }
            }
            assertTrue(find(providers, SAFE_HARBOR).path("languageMatch").asBoolean());

            JsonNode noExpiry = json(post("/cases/" + c.id() + "/consents", "officer", "application/json",
                    "{\"personId\":\"" + c.maria() + "\",\"scope\":\"SHARE_WITH_PROVIDER\",\"recipient\":{\"kind\":\"PROVIDER\","
                            + "\"id\":\"" + SAFE_HARBOR + "\"},\"purpose\":\"x\",\"form\":\"WRITTEN\"}"), 422);
            assertEquals("expiresAt", noExpiry.path("errors").get(0).path("field").asText());
            consent(c, c.maria(), null);
            String id = referSent(c, c.maria());

            // the provider's advocate sees it with what the consent covers, and nothing else
            JsonNode inbox = json(get("/referrals?status=SENT", "advocate"), 200);
            JsonNode received = find(inbox, id);
            assertNotNull(inbox.toString(), received);
            assertEquals("PROVIDER", received.path("side").asText());
            assertEquals("Maria", received.path("person").path("givenName").asText());
            assertEquals("Lopez", received.path("person").path("familyName").asText());
            assertEquals("es", received.path("person").path("language").asText());
            assertEquals("+12175550123", received.path("person").path("contact").path("phone").asText());
            assertTrue(received.path("person").path("birthDate").isMissingNode());
            assertTrue(received.path("caseId").isMissingNode());
            assertTrue(received.path("personId").isMissingNode());
            String text = received.toString();
            for (String secret : List.of(NARRATIVE, "Ana", c.id(), c.maria(), "1990-04-02", "400 Main St")) {
                assertFalse(secret + " in " + text, text.contains(secret));
            }
            assertEquals(404, get("/cases/" + c.id(), "advocate").statusCode());

            // another agency sees nothing at all
            assertNull(find(json(get("/referrals?size=200", "officer2"), 200), id));
            assertEquals(404, get("/referrals/" + id, "officer2").statusCode());
            assertEquals(404, get("/cases/" + c.id() + "/referrals", "officer2").statusCode());
            assertEquals(404, get("/cases/" + c.id() + "/referrals", "advocate").statusCode());
            assertEquals(404, status(id, "officer2", "ACCEPTED", null).statusCode());

            JsonNode illegal = json(status(id, "advocate", "COMPLETED", null), 409);
            assertEquals("urn:tandem:problem:illegal-transition", illegal.path("type").asText());
            assertEquals("[\"ACCEPTED\",\"DECLINED\",\"CLOSED\"]", illegal.path("allowed").toString());
            assertEquals(403, status(id, "officer", "ACCEPTED", null).statusCode());

            json(status(id, "advocate", "ACCEPTED", null), 200);
            json(status(id, "advocate", "IN_PROGRESS", null), 200);
            JsonNode done = json(status(id, "advocate", "COMPLETED", "Six counseling sessions held"), 200);
            assertEquals("COMPLETED", done.path("status").asText());

            // closed loop: the referring agency sees the outcome and the timeline
            JsonNode loop = json(get("/cases/" + c.id() + "/referrals", "officer"), 200);
            assertEquals(1, loop.path("total").asInt());
            JsonNode outcome = loop.path("items").get(0);
            assertEquals("COMPLETED", outcome.path("status").asText());
            List<String> steps = new ArrayList<>();
            outcome.path("history").forEach(h -> steps.add(h.path("to").asText()));
            assertEquals(List.of("DRAFT", "SENT", "ACCEPTED", "IN_PROGRESS", "COMPLETED"), steps);
            JsonNode last = outcome.path("history").get(4);
            assertEquals("advocate", last.path("by").asText());
            assertEquals("VSP-DEMO", last.path("agencyId").asText());
            assertEquals("Six counseling sessions held", last.path("reason").asText());
            assertFalse(last.path("at").asText().isEmpty());
            assertEquals(200, get("/cases/" + c.id() + "/referrals", "supervisor").statusCode());

            Awaitility.await("five STATUS_CHANGED events").atMost(Duration.ofSeconds(10))
                    .until(() -> events.stream().filter(e -> id.equals(e.getProperty("referralId"))).count() == 5);
            for (Event e : events) {
                for (String name : e.getPropertyNames()) {
                    String value = String.valueOf(e.getProperty(name));
                    assertFalse("no PII in events: " + value, value.contains("Lopez") || value.contains("afternoon"));
                }
            }
            Event completed = events.stream().filter(e -> id.equals(e.getProperty("referralId"))
                    && "COMPLETED".equals(e.getProperty("to"))).findFirst().orElseThrow();
            assertEquals("IN_PROGRESS", completed.getProperty("from"));
            assertEquals("VSP-DEMO", completed.getProperty("providerAgencyId"));
            assertEquals(c.id(), completed.getProperty("caseId"));
        } finally {
            reg.unregister();
        }
    }

    @Test
    public void referralWithoutConsentIsRefusedNamingTheMissingConsent() throws Exception {
        TestCase c = openCase("IT-REF-NOCONSENT");
        consent(c, c.maria(), null); // Maria consented, her mother did not

        HttpResponse<String> r = refer(c, c.ana(), true);
        JsonNode problem = json(r, 409);
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertEquals("urn:tandem:problem:consent-required", problem.path("type").asText());
        JsonNode missing = problem.path("missingConsent");
        assertEquals(c.id(), missing.path("caseId").asText());
        assertEquals(c.ana(), missing.path("personId").asText());
        assertEquals("SHARE_WITH_PROVIDER", missing.path("scope").asText());
        assertEquals("PROVIDER", missing.path("recipient").path("kind").asText());
        assertEquals(SAFE_HARBOR, missing.path("recipient").path("id").asText());
        assertEquals("none was ever recorded", missing.path("reason").asText());
        assertTrue(problem.path("detail").asText(), problem.path("detail").asText().contains(c.ana()));
        assertEquals(0, json(get("/cases/" + c.id() + "/referrals", "officer"), 200).path("total").asInt());
    }

    @Test
    public void revokedConsentMidFlowLeavesTheProviderNoPii() throws Exception {
        TestCase c = openCase("IT-REF-REVOKE");
        String consentId = consent(c, c.maria(), "[\"NAME\",\"BIRTH_DATE\"]");
        String id = referSent(c, c.maria());
        JsonNode before = json(get("/referrals/" + id, "advocate"), 200);
        assertEquals("1990-04-02", before.path("person").path("birthDate").asText());
        assertTrue("CONTACT not consented", before.path("person").path("contact").isMissingNode());
        json(status(id, "advocate", "ACCEPTED", null), 200);

        JsonNode revoked = json(post("/consents/" + consentId + "/revoke", "officer", "application/json",
                "{\"reason\":\"Victim withdrew consent by phone\"}"), 200);
        assertEquals("REVOKED", revoked.path("status").asText());

        for (HttpResponse<String> r : List.of(get("/referrals/" + id, "advocate"), get("/referrals?status=ACCEPTED&size=200", "advocate"))) {
            JsonNode body = json(r, 200);
            JsonNode shell = body.has("items") ? find(body, id) : body;
            assertNotNull(body.toString(), shell);
            assertTrue(shell.path("consentRevoked").asBoolean());
            assertTrue(shell.path("person").isMissingNode());
            assertTrue(shell.path("note").isMissingNode());
            assertEquals("ACCEPTED", shell.path("status").asText());
            for (String pii : List.of("Maria", "Lopez", "1990-04-02", "maria@example.org", "+12175550123", "afternoon")) {
                assertFalse(pii + " in " + shell, shell.toString().contains(pii));
            }
        }
        // the referring side keeps everything, and the consent history is kept
        JsonNode own = json(get("/referrals/" + id, "officer"), 200);
        assertTrue(own.path("consentRevoked").asBoolean());
        assertEquals("Prefers afternoon calls", own.path("note").asText());
        JsonNode history = json(get("/cases/" + c.id() + "/consents", "officer"), 200);
        assertEquals(1, history.path("total").asInt());
        assertEquals("Victim withdrew consent by phone", history.path("items").get(0).path("revocationReason").asText());
        assertEquals(404, post("/consents/" + consentId + "/revoke", "officer2", "application/json", "{}").statusCode());
        // sending again needs a consent: the provider may still close it without seeing anyone
        assertEquals(200, status(id, "advocate", "CLOSED", "Consent withdrawn").statusCode());
    }

    @Test
    public void overdueReferralsAreListedAndShownOnTheConsole() throws Exception {
        TestCase c = openCase("IT-REF-OVERDUE");
        consent(c, c.maria(), null);
        String id = referSent(c, c.maria());
        assertNull(find(json(get("/referrals?overdue=true&size=200", "officer"), 200), id));
        try {
            console("config:property-set -p org.tandem.referral overdueBusinessDays 0");
            Awaitility.await("overdue after 0 business days").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> find(JSON.readTree(get("/referrals?overdue=true&size=200", "officer").body()), id) != null);
            JsonNode listed = find(json(get("/referrals?overdue=true&size=200", "advocate"), 200), id);
            assertTrue(listed.path("overdue").asBoolean());
            assertNull(find(json(get("/referrals?overdue=true&size=200", "officer2"), 200), id));

            String out = console("tandem:referral-list --overdue");
            assertTrue(out, out.contains(id) && out.contains("OVERDUE"));
            assertFalse("the console shows no personal data: " + out, out.contains("Lopez") || out.contains("afternoon"));
        } finally {
            console("config:property-set -p org.tandem.referral overdueBusinessDays 3");
        }
        Awaitility.await("back to 3 business days").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> find(JSON.readTree(get("/referrals?overdue=true&size=200", "officer").body()), id) == null);
    }

    @Test
    public void badImportReportsItsRowsAndStoresNone() throws Exception {
        String csv = "id,name,services,languages,counties,phone\r\n"
                + "it-imp-good,IT Import Good One,COUNSELING=Trauma counseling,en;es,Sangamon,+12175550190\r\n"
                + "it-imp-noname,,COUNSELING,en,Sangamon,\r\n"
                + "it-imp-bad,IT Import Bad,COUNSELLING,en,Sangamon,217-555\r\n";
        HttpResponse<String> r = post("/providers/import", "admin", "text/csv", csv);
        JsonNode problem = json(r, 422);
        assertEquals("urn:tandem:problem:import-rejected", problem.path("type").asText());
        assertEquals(3, problem.path("rows").asInt());
        List<String> errors = new ArrayList<>();
        problem.path("errors").forEach(e -> errors.add(e.path("row").asInt() + "@" + e.path("line").asInt() + ":"
                + e.path("field").asText()));
        assertEquals(List.of("2@3:name", "3@4:services", "3@4:services", "3@4:phone"), errors);
        assertEquals(0, json(get("/providers?q=IT%20Import", "officer"), 200).path("total").asInt());

        // the same file from the console
        java.nio.file.Path file = java.nio.file.Files.createTempFile("it-import", ".csv");
        java.nio.file.Files.writeString(file, csv);
        String out = console("tandem:provider-import " + file);
        assertTrue(out, out.contains("Not imported: 2 of 3 rows are invalid, nothing was stored"));
        assertTrue(out, out.contains("row 2 (line 3) [it-imp-noname] name: required"));
        assertTrue(out, out.contains("row 3 (line 4) [it-imp-bad] phone:"));
        assertEquals(0, json(get("/providers?q=IT%20Import", "officer"), 200).path("total").asInt());

        String hsds = "{\"organizations\":[{\"id\":\"it-imp-json\",\"name\":\"IT Import JSON\",\"services\":[{\"taxonomy_terms\":"
                + "[{\"code\":\"MEDICAL\"}]}],\"service_areas\":[{\"extent_type\":\"state\"}]},{\"id\":\"it-imp-json2\",\"name\":\"x\","
                + "\"services\":[],\"service_areas\":[{\"extent_type\":\"state\"}]}]}";
        JsonNode jsonProblem = json(post("/providers/import", "admin", "application/json", hsds), 422);
        assertEquals(2, jsonProblem.path("errors").get(0).path("row").asInt());
        assertEquals(0, json(get("/providers?q=IT%20Import", "officer"), 200).path("total").asInt());

        assertEquals(403, post("/providers/import", "officer", "text/csv", csv).statusCode());
        String good = "id,name,services,languages,counties\r\nit-imp-good,IT Import Good One,COUNSELING,en;es,Sangamon\r\n";
        JsonNode dry = json(post("/providers/import?dryRun=true", "admin", "text/csv", good), 200);
        assertFalse(dry.path("applied").asBoolean());
        assertEquals(0, json(get("/providers?q=IT%20Import", "officer"), 200).path("total").asInt());
        JsonNode applied = json(post("/providers/import", "admin", "text/csv", good), 200);
        assertTrue(applied.path("applied").asBoolean());
        assertEquals(1, applied.path("created").asInt());
        assertEquals("IT Import Good One", json(get("/providers/it-imp-good", "advocate"), 200).path("name").asText());
        HttpResponse<String> export = get("/providers/export?format=csv", "officer");
        assertEquals(200, export.statusCode());
        assertTrue(export.body(), export.body().contains("it-imp-good,IT Import Good One"));
    }

    @Test
    public void providersAreMaintainedByAdmins() throws Exception {
        String body = "{\"name\":\"IT Provider\",\"services\":[{\"category\":\"MEDICAL\"}],\"languages\":[\"en\"],"
                + "\"serviceArea\":{\"counties\":[\"Logan\"]}}";
        assertEquals(403, post("/providers", "officer", "application/json", body).statusCode());
        HttpResponse<String> created = post("/providers", "admin", "application/json", body);
        JsonNode provider = json(created, 201);
        String id = provider.path("id").asText();
        assertTrue(created.headers().firstValue("Location").orElse("").endsWith("/providers/" + id));
        HttpResponse<String> replaced = send(HttpRequest.newBuilder(api("/providers/" + id)).header("Content-Type",
                "application/json").PUT(HttpRequest.BodyPublishers.ofString(body.replace("IT Provider", "IT Provider 2")
                        .replace("\"languages\"", "\"acceptingReferrals\":false,\"languages\""), StandardCharsets.UTF_8)),
                "admin");
        assertEquals("IT Provider 2", json(replaced, 200).path("name").asText());
        assertFalse(json(get("/providers/" + id, "officer"), 200).path("acceptingReferrals").asBoolean());
        JsonNode invalid = json(post("/providers", "admin", "application/json", "{\"name\":\"\",\"services\":[],\"colour\":1}"), 422);
        assertTrue(invalid.toString(), invalid.path("errors").size() >= 1);
        assertEquals(404, get("/providers/no-such-provider", "officer").statusCode());
    }

    @Test
    public void openApiCoversReferralsProvidersAndConsents() throws Exception {
        JsonNode doc = json(get("/openapi.json", null), 200);
        for (String path : List.of("/providers", "/providers/{id}", "/providers/import", "/providers/export", "/referrals",
                "/referrals/{id}", "/referrals/{id}/status", "/cases/{id}/referrals", "/cases/{id}/consents",
                "/consents/{id}", "/consents/{id}/revoke")) {
            assertTrue(path, doc.path("paths").has(path));
        }
        for (String schema : List.of("Provider", "Referral", "ConsentRequiredProblem", "ImportProblem", "Consent", "NewConsent")) {
            assertTrue(schema, doc.path("components").path("schemas").has(schema));
        }
    }

    @Test
    public void uninstallingTheFeatureKeepsIntakeAndReinstallBringsTheReferralsBack() throws Exception {
        TestCase c = openCase("IT-REF-FEATURE");
        consent(c, c.maria(), null);
        String id = referSent(c, c.maria());
        assertTrue(features.isInstalled(features.getFeature("tandem-referral")));
        try {
            features.uninstallFeature("tandem-referral");
            assertFalse(features.isInstalled(features.getFeature("tandem-referral")));
            assertTrue(features.isInstalled(features.getFeature("tandem-intake")));
            for (Bundle b : bundleContext.getBundles()) {
                assertFalse("bundle still there", "org.tandem.referral".equals(b.getSymbolicName()));
            }
            Awaitility.await("GET /referrals gone").atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> get("/referrals", "officer").statusCode() == 404);
            assertEquals(404, get("/referrals/" + id, "advocate").statusCode());
            assertEquals(404, get("/providers", "officer").statusCode());
            assertEquals(404, get("/cases/" + c.id() + "/referrals", "officer").statusCode());
            assertFalse(json(get("/openapi.json", null), 200).path("paths").has("/referrals"));

            // intake and consent keep working
            TestCase other = openCase("IT-REF-WITHOUT-FEATURE");
            assertEquals(200, get("/cases/" + other.id(), "officer").statusCode());
            assertEquals(200, get("/cases/" + c.id() + "/consents", "officer").statusCode());
            assertEquals(200, get("/health", null).statusCode());
        } finally {
            if (!features.isInstalled(features.getFeature("tandem-referral"))) {
                features.installFeature("tandem-referral");
            }
        }
        Awaitility.await("GET /referrals back").atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> get("/referrals/" + id, "advocate").statusCode() == 200);
        JsonNode back = json(get("/referrals/" + id, "advocate"), 200);
        assertEquals("SENT", back.path("status").asText());
        assertEquals("Maria", back.path("person").path("givenName").asText());
        assertEquals(1, json(get("/cases/" + c.id() + "/referrals", "officer"), 200).path("total").asInt());
        assertTrue(json(get("/openapi.json", null), 200).path("paths").has("/referrals"));
        Awaitility.await("console commands back").atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> console("tandem:provider-list -s COUNSELING -l es Safe").contains(SAFE_HARBOR));
    }

    /** Runs a console command as the Karaf admin and returns what it printed. */
    private String console(String command) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Subject subject = new Subject();
        subject.getPrincipals().add(new UserPrincipal("admin"));
        subject.getPrincipals().add(new RolePrincipal("admin"));
        subject.getPrincipals().add(new RolePrincipal("manager"));
        subject.getPrincipals().add(new RolePrincipal("viewer"));
        Session session = sessions.create(System.in, out, out);
        try {
            Subject.doAs(subject, (PrivilegedExceptionAction<Object>) () -> session.execute(command));
        } finally {
            session.close();
        }
        out.flush();
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
