package org.tandem.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.inject.Inject;
import javax.mail.internet.MimeMessage;

import org.apache.karaf.features.FeaturesService;
import org.awaitility.Awaitility;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.tandem.api.Caller;
import org.tandem.api.consent.Consent;
import org.tandem.api.consent.ConsentForm;
import org.tandem.api.consent.ConsentScope;
import org.tandem.api.consent.ConsentService;
import org.tandem.api.consent.NewConsent;
import org.tandem.api.consent.Recipient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * Notifications in the real distribution: the EMAIL channel sends to an SMTP server (GreenMail) running in the
 * container on the port etc/org.tandem.notification.email.cfg names. The consent service implementation is built
 * on another branch; until it is merged the test registers a map-backed ConsentService (the dispatcher cannot run
 * without one: its consent reference is mandatory).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class NotificationIT extends TandemKarafTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static GreenMail smtp;

    @Inject
    private FeaturesService features;

    @Configuration
    @Override
    public Option[] config() {
        String smtpPort = freePort();
        return OptionUtils.combine(super.config(),
                mavenBundle("com.icegreen", "greenmail", System.getProperty("greenmail.version")),
                editConfigurationFilePut("etc/system.properties", "tandem.it.smtpPort", smtpPort),
                editConfigurationFilePut("etc/org.tandem.notification.email.cfg", "host", "127.0.0.1"),
                editConfigurationFilePut("etc/org.tandem.notification.email.cfg", "port", smtpPort),
                editConfigurationFilePut("etc/org.tandem.notification.email.cfg", "security", "NONE"),
                editConfigurationFilePut("etc/org.tandem.notification.email.cfg", "from", "notifications@pd.example"),
                editConfigurationFilePut("etc/org.tandem.notification.cfg", "pollIntervalMillis", "250"),
                editConfigurationFilePut("etc/org.tandem.notification.cfg", "consentRecheckSeconds", "1"),
                // a provider rate limit, so a batch takes a few seconds and a restart can land in its middle
                editConfigurationFilePut("etc/org.tandem.notification.cfg", "maxSendsPerSecond", "4"));
    }

    @Before
    public void smtpServerAndConsentService() throws Exception {
        synchronized (NotificationIT.class) {
            if (smtp == null) {
                smtp = new GreenMail(new ServerSetup(Integer.parseInt(System.getProperty("tandem.it.smtpPort")),
                        "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
                smtp.start();
            }
        }
    }

    @Test
    public void notificationFeaturesAreInstalledAndDocumented() throws Exception {
        for (String name : List.of("tandem-notification", "tandem-notification-email", "tandem-notification-sms",
                "tandem-notification-letter")) {
            assertTrue(name, features.isInstalled(features.getFeature(name)));
        }
        for (String bsn : List.of("org.tandem.notification", "org.tandem.notification.email",
                "org.tandem.notification.sms", "org.tandem.notification.letter", "org.apache.pdfbox")) {
            assertEquals(bsn, Bundle.ACTIVE, bundle(bsn).getState());
        }
        JsonNode doc = JSON.readTree(get("/openapi.json", null).body());
        assertTrue(doc.path("paths").has("/cases/{id}/notifications"));
        assertTrue(doc.path("paths").has("/notifications/sms/receipts"));
        assertTrue(doc.path("components").path("schemas").has("Notification"));
        // the console commands are registered with the Karaf shell
        org.osgi.framework.ServiceReference<org.apache.karaf.shell.api.console.SessionFactory> shell =
                bundleContext.getServiceReference(org.apache.karaf.shell.api.console.SessionFactory.class);
        // as an admin: commands without an ACL entry are visible to admins only (compulsory roles)
        Set<String> commands = new HashSet<>();
        javax.security.auth.Subject.doAs(login("admin"), (java.security.PrivilegedExceptionAction<Object>) () -> {
            for (org.apache.karaf.shell.api.console.Command c : bundleContext.getService(shell).getRegistry()
                    .getCommands()) {
                commands.add(c.getScope() + ":" + c.getName());
            }
            return null;
        });
        assertTrue(commands.toString(), commands.containsAll(List.of("tandem:notification-list",
                "tandem:notification-retry")));
    }

    @Test
    public void openingACaseForASpanishSpeakingVictimWithConsentSendsTheSpanishEmailWithEvidence() throws Exception {
        JsonNode created = openCase("IT-NOTIFY-1", "maria.it@example.org");
        String caseId = created.path("id").asText();
        String personId = created.path("persons").get(0).path("id").asText();
        // consent recorded right after the case was opened: the welcome message waits for it
        grantNotifyConsent(caseId, personId);

        MimeMessage mail = Awaitility.await("the Spanish welcome e-mail").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200)).until(() -> mailTo("maria.it@example.org"), m -> m.isPresent())
                .orElseThrow();
        assertTrue(mail.getSubject(), mail.getSubject().contains("se ha abierto su caso IT-NOTIFY-1"));
        assertEquals("es", mail.getHeader("Content-Language")[0]);

        JsonNode evidence = Awaitility.await("evidence SENT").atMost(Duration.ofSeconds(10))
                .until(() -> JSON.readTree(get("/cases/" + caseId + "/notifications", "officer").body()),
                        e -> "SENT".equals(e.path("items").path(0).path("state").asText()));
        JsonNode n = evidence.path("items").get(0);
        assertEquals(1, evidence.path("total").asInt());
        assertEquals("CASE_OPENED", n.path("eventType").asText());
        assertEquals("EMAIL", n.path("channel").asText());
        assertEquals("es", n.path("templateLanguage").asText());
        assertFalse(n.path("languageFallback").asBoolean());
        assertEquals(mail.getHeader("X-Tandem-Notification")[0], n.path("id").asText());
        // the welcome message may have been DEFERRED (waiting for the consent recorded just after the case was
        // opened) before it was sent: the last attempt is the send
        JsonNode history = n.path("history");
        assertEquals(history.toString(), "SENT", history.get(history.size() - 1).path("outcome").asText());
        assertEquals(mail.getMessageID(), n.path("providerMessageId").asText());
        // tenancy: another agency does not see it
        assertEquals(404, get("/cases/" + caseId + "/notifications", "officer2").statusCode());

        HttpResponse<String> manual = post("/cases/" + caseId + "/notifications", "officer", "application/json",
                "{\"subject\":\"Audiencia\",\"text\":\"La audiencia es el lunes a las 9:30.\",\"requestId\":\"it-1\"}");
        assertEquals(manual.body(), 202, manual.statusCode());
        Awaitility.await("the manual message").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> countTo("maria.it@example.org") == 2);
        HttpResponse<String> invalid = post("/cases/" + caseId + "/notifications", "officer", "application/json",
                "{\"subject\":\"\",\"text\":\"\",\"colour\":\"red\"}");
        assertEquals(invalid.body(), 422, invalid.statusCode());
    }

    @Test
    public void restartOfTheNotificationBundleInTheMiddleOfABatchSendsEveryQueuedMessageExactlyOnce() throws Exception {
        JsonNode created = openCase("IT-NOTIFY-RESTART", "restart.it@example.org");
        String caseId = created.path("id").asText();
        String personId = created.path("persons").get(0).path("id").asText();
        grantNotifyConsent(caseId, personId);
        int messages = 20;
        for (int i = 0; i < messages; i++) {
            HttpResponse<String> r = post("/cases/" + caseId + "/notifications", "officer",
                    "application/json", "{\"subject\":\"Mensaje " + i + "\",\"text\":\"Texto " + i + "\",\"requestId\":\"restart-" + i + "\"}");
            assertEquals(r.body(), 202, r.statusCode());
        }
        int total = messages + 1; // the welcome message as well
        // rate limited to 4 per second: stop the engine while the batch is half done
        Awaitility.await("a few sent").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> countTo("restart.it@example.org") >= 4);
        Bundle engine = bundle("org.tandem.notification");
        engine.stop();
        int atStop = countTo("restart.it@example.org");
        assertTrue("stopped in the middle of the batch: " + atStop, atStop < total);
        // stopped means stopped: nothing leaves while the bundle is down
        Awaitility.await("nothing sent while stopped").during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> countTo("restart.it@example.org") == atStop);

        engine.start();
        Awaitility.await("all sent after the restart").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> countTo("restart.it@example.org") >= total);
        Awaitility.await("and no more").during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> countTo("restart.it@example.org") == total);

        Set<String> ids = new HashSet<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getAllRecipients()[0].toString().contains("restart.it@example.org")) {
                assertTrue("sent twice: " + m.getSubject(), ids.add(m.getHeader("X-Tandem-Notification")[0]));
            }
        }
        assertEquals(total, ids.size());
        JsonNode evidence = Awaitility.await("REST back after the restart").atMost(Duration.ofSeconds(30))
                .ignoreExceptions().until(() -> JSON.readTree(get("/cases/" + caseId + "/notifications?size=50",
                        "officer").body()), e -> e.path("total").asInt() == total);
        for (JsonNode n : evidence.path("items")) {
            assertEquals(n.toString(), "SENT", n.path("state").asText());
            assertEquals(n.toString(), 1, n.path("attempts").asInt());
            assertTrue(ids.contains(n.path("id").asText()));
        }
    }

    /** The event is journaled with the case: a case opened while the engine is down is notified when it is back. */
    @Test
    public void aCaseOpenedWhileTheNotificationBundleIsStoppedIsNotifiedOnceItStarts() throws Exception {
        Bundle engine = bundle("org.tandem.notification");
        engine.stop();
        try {
            JsonNode created = openCase("IT-NOTIFY-STOPPED", "stopped.it@example.org");
            grantNotifyConsent(created.path("id").asText(), created.path("persons").get(0).path("id").asText());
            Awaitility.await("nothing sent while stopped").during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                    .until(() -> countTo("stopped.it@example.org") == 0);
        } finally {
            engine.start();
        }
        Awaitility.await("the welcome e-mail after the start").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200)).until(() -> countTo("stopped.it@example.org") == 1);
        Awaitility.await("and only one").during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> countTo("stopped.it@example.org") == 1);
    }

    /** A withheld notification (not safe to contact, no alternate) is on the agency's worklist, nowhere else. */
    @Test
    public void withheldNotificationsAreListedForTheAgencysSupervisorOnly() throws Exception {
        String body = """
                {"incident":{"number":"IT-NOTIFY-WITHHELD","ori":"IL0160000","occurredAt":"2026-11-20T22:15:00Z","offenses":["13A"]},
                 "persons":[{"role":"PRIMARY_VICTIM","givenName":"Rosa","familyName":"Diaz","language":"es",
                             "contact":{"email":"withheld.it@example.org","channels":["EMAIL"],"safeToContact":false}}]}
                """;
        HttpResponse<String> created = post("/cases", "officer", "application/json", body);
        assertEquals(created.body(), 201, created.statusCode());
        String caseId = JSON.readTree(created.body()).path("id").asText();
        JsonNode list = Awaitility.await("withheld on the worklist").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200)).until(() -> JSON.readTree(
                        get("/notifications?state=WITHHELD", "supervisor").body()), l -> {
                            for (JsonNode n : l.path("items")) {
                                if (caseId.equals(n.path("caseId").asText())) {
                                    return true;
                                }
                            }
                            return false;
                        });
        for (JsonNode n : list.path("items")) {
            assertEquals(n.toString(), "WITHHELD", n.path("state").asText());
        }
        assertFalse("another agency sees it", get("/notifications?state=WITHHELD", "advocate").body().contains(caseId));
        assertEquals(403, get("/notifications", "officer").statusCode());
        assertEquals(422, get("/notifications?state=LOST", "supervisor").statusCode());
        assertEquals(0, countTo("withheld.it@example.org"));
    }

    /** A case with one Spanish-speaking victim reachable by e-mail only (no safe hours: the test runs any time). */
    private JsonNode openCase(String incident, String email) throws Exception {
        String body = """
                {"incident":{"number":"%s","ori":"IL0160000","occurredAt":"2026-11-20T22:15:00Z","offenses":["13A"]},
                 "persons":[{"role":"PRIMARY_VICTIM","givenName":"María","familyName":"López","language":"es",
                             "contact":{"email":"%s","channels":["EMAIL"],"noVoicemail":true,"safeToContact":true}}],
                 "needs":["COUNSELING"]}
                """.formatted(incident, email);
        HttpResponse<String> created = post("/cases", "officer", "application/json", body);
        assertEquals(created.body(), 201, created.statusCode());
        return JSON.readTree(created.body());
    }

    private static Optional<MimeMessage> mailTo(String address) throws Exception {
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getAllRecipients()[0].toString().contains(address)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    private static int countTo(String address) throws Exception {
        int n = 0;
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getAllRecipients()[0].toString().contains(address)) {
                n++;
            }
        }
        return n;
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle b : bundleContext.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("no bundle " + symbolicName);
    }

    /** The real consent service (bundles/security): a written NOTIFY consent recorded through REST. */
    private void grantNotifyConsent(String caseId, String personId) throws Exception {
        HttpResponse<String> r = post("/cases/" + caseId + "/consents", "officer", "application/json",
                "{\"personId\":\"" + personId + "\",\"scope\":\"NOTIFY\",\"recipient\":{\"kind\":\"ANY\"},"
                        + "\"purpose\":\"Case notifications\",\"form\":\"WRITTEN\"}");
        assertEquals(r.body(), 201, r.statusCode());
    }
}
