package org.tandem.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivilegedExceptionAction;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;

import javax.inject.Inject;
import javax.security.auth.Subject;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.LoginContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.awaitility.Awaitility;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.tandem.api.spi.Extensions;
import org.tandem.api.spi.IntakeValidator;

/**
 * The tandem:* console commands run through Karaf's SessionFactory as real users (JAAS login of the demo
 * accounts, the session running under their subject): output, agency rules, command ACL; and live
 * configuration changes observed over HTTP, with an invalid value rejected and the old one kept.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ConsoleIT extends TandemKarafTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    private SessionFactory sessions;

    @Inject
    private ConfigurationAdmin configAdmin;

    @Test
    public void statusShowsVersionsFeaturesStoreAndCamel() throws Exception {
        awaitCommand("admin", "tandem:status");
        String out = run("admin", "tandem:status");
        for (String expected : List.of("Tandem 0.1.0.SNAPSHOT on Karaf 4.4.10", "org.tandem.intake", "ACTIVE",
                "org.tandem.api.spi", "tandem-all", "tandem-shell", "tandem-camel-routes", "yes",
                "Store       " + TestDatabase.productPrefix(), "Camel       context tandem running")) {
            assertTrue("status lacks '" + expected + "':\n" + out, out.contains(expected));
        }
        // the schema version grows with every capability's migration
        assertTrue("status lacks the schema version:\n" + out, out.matches("(?s).*schema version [1-9][0-9]*, reachable.*"));
        String help = run("admin", "tandem:status --help");
        assertTrue(help, help.contains("Shows Tandem's versions"));
        // the tandem Camel context is published, so Camel's own commands see it
        String contexts = run("admin", "camel:context-list");
        assertTrue(contexts, contexts.contains("tandem") && contexts.contains("Started"));
    }

    /** Console reads are audited like REST ones; the supervisor lists them; audit-verify checks the chain. */
    @Test
    public void consoleReadsAreAuditedAndTheChainVerifies() throws Exception {
        awaitCommand("supervisor", "tandem:case-list");
        String id = JSON.readTree(get("/cases?incident=2026-000123", "officer").body()).path("items").get(0).path("id")
                .asText();
        run("officer", "tandem:case-show " + id);
        failure("officer2", "tandem:case-show " + id);

        String trail = run("supervisor", "tandem:audit-list --case " + id);
        assertTrue(trail, trail.contains("console tandem:case-show"));
        assertTrue(trail, trail.contains("officer"));
        assertFalse("the sheriff's attempt is not PD-DEMO's: " + trail, trail.contains("officer2"));
        // the command ACL (supervisor) or the command itself refuses an officer
        String denied = failure("officer", "tandem:audit-list");
        assertTrue(denied, denied.contains("supervisors") || denied.contains("Insufficient")
                || denied.contains("not found"));
        String verified = run("admin", "tandem:audit-verify");
        assertTrue(verified, verified.contains("chain intact"));
    }

    /** The retention purge runs on demand for admins only, keeps the chain verifiable; the API cannot delete. */
    @Test
    public void auditPurgeIsForAdminsAndTheApiHasNoDelete() throws Exception {
        awaitCommand("admin", "tandem:audit-verify");
        String denied = failure("supervisor", "tandem:audit-purge");
        assertTrue(denied, denied.contains("administrators") || denied.contains("Insufficient")
                || denied.contains("not found"));
        // everything in a fresh container is younger than the default retention (365 days)
        String purged = run("admin", "tandem:audit-purge");
        assertTrue(purged, purged.contains("Purged 0 audit record(s)") && purged.contains("retention 365 days"));
        String verified = run("admin", "tandem:audit-verify");
        assertTrue(verified, verified.contains("chain intact"));

        java.net.http.HttpResponse<String> delete = send(java.net.http.HttpRequest.newBuilder(api("/audit"))
                .DELETE(), "supervisor");
        assertEquals(delete.body(), 405, delete.statusCode());
    }

    /**
     * Closing and reopening over REST (role, tenancy and status rules, problems), and the closed-case retention
     * purge on demand for admins only: a case closed just now is younger than the default retention and stays.
     */
    @Test
    public void casesCloseOverRestAndTheCasePurgeIsForAdmins() throws Exception {
        awaitCommand("admin", "tandem:audit-verify");
        String id = JSON.readTree(post("/cases", "officer", "application/json",
                CaseIntakeIT.EXAMPLE.replace("IT-2026-000123", "IT-CLOSE-1")).body()).path("id").asText();
        String reason = "{\"reason\": \"Services completed\"}";

        assertEquals(404, post("/cases/" + id + "/close", "officer2", "application/json", reason).statusCode());
        java.net.http.HttpResponse<String> bad = post("/cases/" + id + "/close", "officer", "application/json", "{}");
        assertEquals(bad.body(), 422, bad.statusCode());
        java.net.http.HttpResponse<String> closed = post("/cases/" + id + "/close", "officer", "application/json",
                reason);
        assertEquals(closed.body(), 200, closed.statusCode());
        JsonNode body = JSON.readTree(closed.body());
        assertEquals("CLOSED", body.path("status").asText());
        assertTrue(closed.body(), body.hasNonNull("closedAt"));
        java.net.http.HttpResponse<String> again = post("/cases/" + id + "/close", "officer", "application/json",
                reason);
        assertEquals(again.body(), 409, again.statusCode());
        assertTrue(again.headers().firstValue("Content-Type").orElse(""),
                again.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertEquals(1, JSON.readTree(get("/cases?status=CLOSED&incident=IT-CLOSE-1", "officer").body())
                .path("total").asInt());
        assertEquals(403, post("/cases/" + id + "/reopen", "officer", "application/json", "").statusCode());
        java.net.http.HttpResponse<String> reopened = post("/cases/" + id + "/reopen", "supervisor",
                "application/json", "");
        assertEquals(reopened.body(), 200, reopened.statusCode());
        assertEquals("OPEN", JSON.readTree(reopened.body()).path("status").asText());
        assertEquals(200, post("/cases/" + id + "/close", "supervisor", "application/json", reason).statusCode());

        String denied = failure("supervisor", "tandem:case-purge");
        assertTrue(denied, denied.contains("administrators") || denied.contains("Insufficient")
                || denied.contains("not found"));
        String purged = run("admin", "tandem:case-purge");
        assertTrue(purged, purged.contains("Purged 0 case(s)") && purged.contains("retention 2555 days"));
        assertEquals(200, get("/cases/" + id, "officer").statusCode());
        String verified = run("admin", "tandem:audit-verify");
        assertTrue(verified, verified.contains("chain intact"));
    }

    @Test
    public void caseCommandsFollowTheAgencyAndRoleRules() throws Exception {
        awaitCommand("supervisor", "tandem:case-list");
        String list = run("supervisor", "tandem:case-list");
        assertTrue(list, list.contains("2026-000123"));
        assertTrue(list, list.contains("Agency PD-DEMO"));
        assertFalse("another agency's case: " + list, list.contains("SO-26-0457"));
        assertFalse("no names in the list: " + list, list.contains("Lopez"));
        String sheriff = run("officer2", "tandem:case-list --status OPEN");
        assertTrue(sheriff, sheriff.contains("SO-26-0457"));
        assertFalse(sheriff, sheriff.contains("2026-000123"));

        String id = JSON.readTree(get("/cases?incident=2026-000123", "officer").body()).path("items").get(0).path("id")
                .asText();
        String shown = run("officer", "tandem:case-show " + id);
        assertTrue(shown, shown.contains("Case      " + id));
        assertTrue(shown, shown.contains("Maria Lopez"));
        assertTrue(shown, shown.contains("SMS,EMAIL"));
        assertTrue(shown, shown.contains("09:00-18:00 America/Chicago"));
        assertTrue(failure("officer2", "tandem:case-show " + id).contains("no such case"));

        String help = run("officer", "tandem:case-list --help");
        assertTrue(help, help.contains("--status") && help.contains("OPEN or CLOSED") && help.contains("--incident"));
        assertTrue(failure("officer", "tandem:case-list --size 100000").contains("size"));
    }

    @Test
    public void tabCompletionOffersTheUsersAgencyCasesAndStatusValues() throws Exception {
        awaitCommand("supervisor", "tandem:case-list");
        String pdCase = JSON.readTree(get("/cases?incident=2026-000123", "officer").body()).path("items").get(0)
                .path("id").asText();
        String soCase = JSON.readTree(get("/cases?incident=SO-26-0457", "officer2").body()).path("items").get(0)
                .path("id").asText();

        List<String> supervisor = complete("supervisor", "tandem:case-show ");
        assertTrue(supervisor.toString(), supervisor.contains(pdCase));
        assertFalse("another agency's case offered: " + supervisor, supervisor.contains(soCase));
        List<String> sheriff = complete("officer2", "tandem:case-show ");
        assertTrue(sheriff.toString(), sheriff.contains(soCase));
        assertFalse(sheriff.toString(), sheriff.contains(pdCase));
        List<String> prefix = complete("supervisor", "tandem:case-show " + pdCase.substring(0, 3));
        assertTrue(prefix.toString(), prefix.contains(pdCase));

        List<String> statuses = complete("supervisor", "tandem:case-list --status ");
        assertTrue(statuses.toString(), statuses.containsAll(List.of("OPEN", "CLOSED")));
    }

    @Test
    public void commandAclKeepsUsersToTheirCommands() throws Exception {
        awaitCommand("admin", "tandem:status");
        // admin runs the platform, not case content; officers do not run the platform. Karaf hides a command
        // the ACL denies ("command not found") or refuses it ("insufficient credentials").
        awaitCommand("supervisor", "tandem:case-list");
        for (String[] denied : new String[][] { { "admin", "tandem:case-list" }, { "officer", "tandem:status" },
                { "integrator", "tandem:case-list" }, { "supervisor", "tandem:extension-list" } }) {
            String why = failure(denied[0], denied[1]).toLowerCase();
            assertTrue(denied[0] + " " + denied[1] + ": " + why,
                    why.contains("insufficient credentials") || why.contains("command not found"));
        }
    }

    @Test
    public void extensionListShowsImplementationsAndBundles() throws Exception {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(Extensions.NAME, "ConsoleIT rule");
        props.put(Extensions.AGENCY, new String[] { "PD-DEMO", "SO-DEMO" });
        props.put("service.ranking", 42);
        ServiceRegistration<IntakeValidator> validator = bundleContext.registerService(IntakeValidator.class,
                ctx -> List.of(), props);
        Hashtable<String, Object> topics = new Hashtable<>();
        topics.put(EventConstants.EVENT_TOPIC, "org/tandem/case/*");
        ServiceRegistration<EventHandler> handler = bundleContext.registerService(EventHandler.class, e -> { }, topics);
        try {
            awaitCommand("admin", "tandem:extension-list");
            assertEquals(201, post("/cases", "officer", "application/json",
                    CaseIntakeIT.EXAMPLE.replace("IT-2026-000123", "IT-CONSOLE")).statusCode());
            String out = run("admin", "tandem:extension-list");
            String probe = bundleContext.getBundle().getSymbolicName();
            assertTrue(out, out.contains("IntakeValidator") && out.contains("ConsoleIT rule") && out.contains("42")
                    && out.contains("PD-DEMO,SO-DEMO"));
            assertTrue(out, out.contains("EventHandler") && out.contains("org/tandem/case/*"));
            assertTrue(out, out.contains(probe));
            assertTrue(out, out.contains("extension(s)"));
        } finally {
            validator.unregister();
            handler.unregister();
        }
    }

    @Test
    public void liveConfigurationChangesApplyAndInvalidValuesAreRejected() throws Exception {
        String body3k = "{\"narrative\":\"" + "x".repeat(3000) + "\"}";
        String body1500 = "{\"narrative\":\"" + "x".repeat(1500) + "\"}";
        Configuration rest = configAdmin.getConfiguration("org.tandem.rest", null);
        Configuration intake = configAdmin.getConfiguration("org.tandem.intake", null);
        Dictionary<String, Object> restBefore = rest.getProperties();
        Dictionary<String, Object> intakeBefore = intake.getProperties();
        try {
            // REST body limit: 2 KiB
            update(rest, "maxBodyBytes", 2048L);
            Awaitility.await("maxBodyBytes=2048 applies").atMost(Duration.ofSeconds(20)).ignoreExceptions()
                    .until(() -> post("/cases", "officer", "application/json", body3k).statusCode() == 413);
            assertEquals(422, post("/cases", "officer", "application/json", body1500).statusCode());
            // invalid: rejected, 2048 stays
            update(rest, "maxBodyBytes", 10L);
            Awaitility.await("rejection logged").atMost(Duration.ofSeconds(20)).until(() -> log().contains(
                    "Rejected configuration change of org.tandem.rest: maxBodyBytes=10 is outside 1024..104857600"));
            assertEquals(422, post("/cases", "officer", "application/json", body1500).statusCode());
            assertEquals(413, post("/cases", "officer", "application/json", body3k).statusCode());

            // intake page limit: 5, set from the console as an admin would
            awaitCommand("admin", "tandem:status");
            run("admin", "config:edit org.tandem.intake; config:property-set maxPageSize 5; config:update");
            Awaitility.await("maxPageSize=5 applies").atMost(Duration.ofSeconds(20))
                    .until(() -> get("/cases?size=6", "officer").statusCode() == 422);
            assertTrue(get("/cases?size=6", "officer").body().contains("must be between 1 and 5"));
            run("admin", "config:edit org.tandem.intake; config:property-set maxPageSize 0; config:update");
            Awaitility.await("rejection logged").atMost(Duration.ofSeconds(20)).until(() -> log().contains(
                    "Rejected configuration change of org.tandem.intake: maxPageSize=0 is outside 1..1000"));
            assertEquals(200, get("/cases?size=5", "officer").statusCode());
            assertTrue(get("/cases?size=6", "officer").body().contains("must be between 1 and 5"));
            JsonNode health = JSON.readTree(get("/health", null).body());
            assertEquals("UP", health.path("status").asText());
        } finally {
            rest.update(restBefore);
            intake.update(intakeBefore);
        }
        Awaitility.await("defaults back").atMost(Duration.ofSeconds(20)).ignoreExceptions()
                .until(() -> get("/cases?size=200", "officer").statusCode() == 200
                        && post("/cases", "officer", "application/json", body3k).statusCode() == 422);
    }

    // ---------------------------------------------------------------- helpers

    private static void update(Configuration config, String key, Object value) throws Exception {
        Dictionary<String, Object> props = config.getProperties() == null ? new Hashtable<>() : config.getProperties();
        props.put(key, value);
        config.update(props);
    }

    private static String log() throws Exception {
        Path log = Path.of(System.getProperty("karaf.data"), "log", "karaf.log");
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    /** Commands register asynchronously (Karaf's shell extender, and only once their services exist). */
    private void awaitCommand(String user, String command) {
        Awaitility.await(command + " available").atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> run(user, command) != null);
    }

    private String failure(String user, String command) throws Exception {
        try {
            String out = run(user, command);
            fail(command + " as " + user + " should fail but printed:\n" + out);
            return null;
        } catch (Exception e) {
            String message = String.valueOf(e.getMessage());
            return message + " " + e.getClass().getName();
        }
    }

    /** The candidates Karaf's completer offers for {@code buffer} (cursor at its end), as the user. */
    private List<String> complete(String user, String buffer) throws Exception {
        String[] args = buffer.split(" ", -1);
        String[] name = args[0].split(":");
        org.apache.karaf.shell.api.console.Command command = sessions.getRegistry().getCommand(name[0], name[1]);
        org.apache.karaf.shell.api.console.CommandLine line = new org.apache.karaf.shell.api.console.CommandLine() {
            @Override
            public int getCursorArgumentIndex() {
                return args.length - 1;
            }

            @Override
            public String getCursorArgument() {
                return args[args.length - 1];
            }

            @Override
            public int getArgumentPosition() {
                return args[args.length - 1].length();
            }

            @Override
            public String[] getArguments() {
                return args;
            }

            @Override
            public int getBufferPosition() {
                return buffer.length();
            }

            @Override
            public String getBuffer() {
                return buffer;
            }
        };
        Subject subject = login(user);
        List<String> candidates = new java.util.ArrayList<>();
        Session session = sessions.create(new ByteArrayInputStream(new byte[0]),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()));
        try {
            Subject.doAs(subject, (PrivilegedExceptionAction<Object>) () -> command.getCompleter(true)
                    .complete(session, line, candidates));
        } finally {
            session.close();
        }
        return candidates.stream().map(String::trim).toList();
    }


    /** Runs one command as a demo user, the way an SSH login would: under the user's JAAS subject. */
    private String run(String user, String command) throws Exception {
        Subject subject = new Subject();
        LoginContext login = new LoginContext("karaf", subject, callbacks -> {
            for (javax.security.auth.callback.Callback cb : callbacks) {
                if (cb instanceof NameCallback name) {
                    name.setName(user);
                } else if (cb instanceof PasswordCallback password) {
                    password.setPassword(PASSWORD.toCharArray());
                }
            }
        });
        login.login();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Session session = sessions.create(new ByteArrayInputStream(new byte[0]), out, out);
        try {
            Subject.doAs(subject, (PrivilegedExceptionAction<Object>) () -> session.execute(command));
        } catch (java.security.PrivilegedActionException e) {
            throw e.getException();
        } finally {
            session.close();
            login.logout();
        }
        out.flush();
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
