package org.tandem.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.mail.Message;
import javax.mail.Multipart;
import javax.mail.Part;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.awaitility.Awaitility;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The night of an offender's release, in the real distribution with a real SMTP server (GreenMail) and an SMS
 * gateway (a servlet in the container that records requests), on a compressed clock: the configured schedule is
 * "every 4 s, then every 8 s" instead of "every 30 min, then every 2 h", and escalation after 16 s instead of 2 h
 * (the same scenario on the real 02:00/02:10/04:00 times with a controllable clock is
 * {@code ConfirmedNotificationTest} in bundles/notification). Both persons are outside their safe hours: the victim
 * marked SMS safe for urgent alerts, her mother e-mail.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ConfirmedNotificationIT extends TandemKarafTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SMS_CODE = Pattern.compile("Reply ([0-9]{6}) to confirm");
    private static final Pattern LINK = Pattern.compile("/tandem/confirm/([a-z2-7]{24})");
    private static GreenMail smtp;
    private static final List<String> sms = new CopyOnWriteArrayList<>();
    private static final List<Event> escalations = new CopyOnWriteArrayList<>();

    @javax.inject.Inject
    private EventAdmin eventAdmin;

    @javax.inject.Inject
    private org.osgi.service.cm.ConfigurationAdmin configurationAdmin;

    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();

    @Configuration
    @Override
    public Option[] config() {
        String smtpPort = freePort();
        String cfg = "etc/org.tandem.notification.cfg";
        return OptionUtils.combine(super.config(),
                mavenBundle("com.icegreen", "greenmail", System.getProperty("greenmail.version")),
                editConfigurationFilePut("etc/system.properties", "tandem.it.smtpPort", smtpPort),
                editConfigurationFilePut("etc/org.tandem.notification.email.cfg", "host", "127.0.0.1"),
                editConfigurationFilePut("etc/org.tandem.notification.email.cfg", "port", smtpPort),
                editConfigurationFilePut("etc/org.tandem.notification.email.cfg", "security", "NONE"),
                editConfigurationFilePut("etc/org.tandem.notification.email.cfg", "from", "notifications@pd.example"),
                editConfigurationFilePut(cfg, "pollIntervalMillis", "250"),
                editConfigurationFilePut(cfg, "consentRecheckSeconds", "1"),
                // a send that raced the gateway URL update below is retried a second later
                editConfigurationFilePut(cfg, "backoffBaseSeconds", "1"),
                editConfigurationFilePut(cfg, "reminderSchedule", "PT4S*4, PT8S*11"),
                editConfigurationFilePut(cfg, "escalateAfter", "PT16S"),
                editConfigurationFilePut(cfg, "staffEmail.liaison", "liaison.it@pd.example"));
    }

    @Before
    public void gatewaySmtpAndEventRecorder() throws Exception {
        synchronized (ConfirmedNotificationIT.class) {
            if (smtp == null) {
                smtp = new GreenMail(new ServerSetup(Integer.parseInt(System.getProperty("tandem.it.smtpPort")),
                        "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
                smtp.start();
            }
        }
        AtomicInteger ids = new AtomicInteger();
        Hashtable<String, Object> servlet = new Hashtable<>();
        servlet.put("osgi.http.whiteboard.servlet.pattern", "/it-sms-gateway");
        servlet.put("osgi.http.whiteboard.servlet.name", "it-sms-gateway");
        registrations.add(bundleContext.registerService(Servlet.class, new HttpServlet() {
            private static final long serialVersionUID = 1L;

            @Override
            protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                sms.add(new String(req.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                resp.setContentType("application/json");
                resp.getOutputStream().write(("{\"id\":\"gw-it-" + ids.incrementAndGet() + "\"}")
                        .getBytes(StandardCharsets.UTF_8));
            }
        }, servlet));
        Hashtable<String, Object> handler = new Hashtable<>();
        handler.put(EventConstants.EVENT_TOPIC, "org/tandem/notification/ESCALATED");
        registrations.add(bundleContext.registerService(EventHandler.class, (EventHandler) escalations::add, handler));
        // the gateway servlet answers before the first message can go out
        Awaitility.await("SMS gateway servlet").atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:"
                        + System.getProperty("tandem.it.httpPort") + "/it-sms-gateway"))
                        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
        sms.clear();
        // the SMS channel sends to that servlet (the HTTP port is chosen when the container starts)
        org.osgi.service.cm.Configuration smsConfig = configurationAdmin.getConfiguration(
                "org.tandem.notification.sms", null);
        java.util.Dictionary<String, Object> props = smsConfig.getProperties();
        String url = "http://localhost:" + System.getProperty("tandem.it.httpPort") + "/it-sms-gateway";
        if (!url.equals(props.get("url"))) {
            props.put("url", url);
            smsConfig.update(props);
        }
    }

    @After
    public void unregister() {
        registrations.forEach(ServiceRegistration::unregister);
    }

    @Test
    public void releasedAtNightVictimConfirmsBySmsMotherDoesNotAdvocateGetsATask() throws Exception {
        JsonNode created = openCase();
        String caseId = created.path("id").asText();
        String agencyId = created.path("agencyId").asText();
        String victimId = created.path("persons").get(0).path("id").asText();
        String motherId = created.path("persons").get(1).path("id").asText();
        grantNotifyConsent(caseId, victimId);
        grantNotifyConsent(caseId, motherId);
        HttpResponse<String> assigned = send(HttpRequest.newBuilder(api("/cases/" + caseId + "/advocate"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"user\":\"liaison\"}")), "supervisor");
        assertEquals(assigned.body(), 200, assigned.statusCode());
        assertEquals(422, send(HttpRequest.newBuilder(api("/cases/" + caseId + "/advocate"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"user\":\"liaison\",\"x\":1}")), "supervisor")
                .statusCode());

        // "02:00": the state adapter reports the release
        eventAdmin.postEvent(new Event("org/tandem/custody/STATUS_CHANGED", Map.of("caseId", caseId,
                "agencyId", agencyId, "custodyStatus", "RELEASED", "offenderId", "OFF-IT-1",
                "facility", "County Jail")));

        String victimSms;
        try {
            victimSms = Awaitility.await("the victim's SMS").atMost(Duration.ofSeconds(30))
                    .until(() -> sms.stream().filter(b -> b.contains("+12175550191")).findFirst(), o -> o.isPresent())
                    .orElseThrow();
        } catch (Throwable e) {
            // Pax Exam reports the root cause only: the evidence goes to the output
            System.err.println("CONFIRM-IT: no SMS to the victim; gateway got " + sms + "; outbox: "
                    + get("/cases/" + caseId + "/notifications", "officer").body());
            throw e;
        }
        Matcher code = SMS_CODE.matcher(victimSms);
        assertTrue(victimSms, code.find());
        MimeMessage motherMail = Awaitility.await("the mother's e-mail").atMost(Duration.ofSeconds(30))
                .until(() -> mailsTo("rosa.it@example.org"), l -> !l.isEmpty()).get(0);
        Matcher link = LINK.matcher(text(motherMail));
        assertTrue(text(motherMail), link.find());

        // "02:10": the victim replies through the gateway; a wrong code first
        assertEquals("INVALID", reply("+12175550191", "000000".equals(code.group(1)) ? "111111" : "000000"));
        assertEquals("CONFIRMED", reply("+1 217 555 0191", "Got it " + code.group(1)));
        assertEquals("USED", reply("+12175550191", code.group(1)));
        assertEquals(403, post("/notifications/sms/replies", "officer", "application/json",
                "{\"from\":\"+12175550191\",\"text\":\"1\"}").statusCode());

        // the mother does not confirm: reminders by e-mail only (her urgent-safe channel), never SMS
        Awaitility.await("reminders to the mother").atMost(Duration.ofSeconds(30))
                .until(() -> mailsTo("rosa.it@example.org").size() >= 3);
        // "04:00": a follow-up task for the advocate, the event and an e-mail
        JsonNode tasks = Awaitility.await("the advocate's task").atMost(Duration.ofSeconds(40))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> JSON.readTree(get("/tasks?assignee=me", "liaison").body()),
                        t -> t.path("items").size() > 0);
        JsonNode task = tasks.path("items").get(0);
        assertEquals(tasks.toString(), 1, tasks.path("items").size());
        assertEquals("UNCONFIRMED_URGENT", task.path("kind").asText());
        assertEquals(motherId, task.path("personId").asText());
        assertEquals(caseId, task.path("caseId").asText());
        Awaitility.await("the ESCALATED event").atMost(Duration.ofSeconds(10)).until(() -> escalations.stream()
                .anyMatch(e -> caseId.equals(e.getProperty("caseId")) && "liaison".equals(e.getProperty("assignee"))));
        MimeMessage toAdvocate = Awaitility.await("the advocate's e-mail").atMost(Duration.ofSeconds(20))
                .until(() -> mailsTo("liaison.it@pd.example"), l -> !l.isEmpty()).get(0);
        assertTrue(toAdvocate.getSubject(), toAdvocate.getSubject().contains("IT-CONFIRM-1"));
        assertFalse(text(toAdvocate).contains("Rosa"));
        assertTrue("no SMS ever to the mother: " + sms, sms.stream().noneMatch(b -> b.contains("+12175550192")));
        assertEquals("the victim confirmed: no reminder SMS", 1,
                sms.stream().filter(b -> b.contains("+12175550191")).count());
        // officers have no task list; another agency's advocate sees none of these; the supervisor sees them all
        assertEquals(403, get("/tasks", "officer").statusCode());
        assertEquals(0, JSON.readTree(get("/tasks", "advocate").body()).path("items").size());
        assertEquals(403, get("/tasks?assignee=supervisor", "liaison").statusCode());
        assertEquals(1, JSON.readTree(get("/tasks", "supervisor").body()).path("items").size());
        assertEquals(404, post("/tasks/" + task.path("id").asText() + "/outcome", "advocate", "application/json",
                "{\"outcome\":\"REACHED_BY_PHONE\"}").statusCode());

        // the case's notifications show every attempt, the confirmation and the escalation
        JsonNode evidence = JSON.readTree(get("/cases/" + caseId + "/notifications?size=100", "officer").body());
        List<String> outcomes = new ArrayList<>();
        evidence.path("items").forEach(n -> n.path("history").forEach(h -> outcomes.add(
                n.path("personId").asText().equals(victimId) ? "victim:" + h.path("outcome").asText()
                        : "other:" + h.path("outcome").asText())));
        assertTrue(outcomes.toString(), outcomes.contains("victim:SENT") && outcomes.contains("victim:CONFIRMED")
                && outcomes.contains("other:ESCALATED"));
        assertTrue(evidence.toString(), evidence.path("notices").size() == 2);
        evidence.path("notices").forEach(n -> assertEquals(n.toString(),
                n.path("personId").asText().equals(victimId) ? "CONFIRMED" : "AWAITING", n.path("state").asText()));
        assertEquals("UNCONFIRMED_URGENT", evidence.path("tasks").get(0).path("kind").asText());
        assertFalse("no confirmation secrets in the evidence", evidence.toString().contains(code.group(1))
                || evidence.toString().contains(link.group(1)));

        // the advocate reached her by phone
        String taskId = task.path("id").asText();
        HttpResponse<String> done = post("/tasks/" + taskId + "/outcome", "liaison", "application/json",
                "{\"outcome\":\"REACHED_BY_PHONE\",\"note\":\"called, she is safe\"}");
        assertEquals(done.body(), 200, done.statusCode());
        assertEquals("DONE", JSON.readTree(done.body()).path("state").asText());
        assertEquals(409, post("/tasks/" + taskId + "/outcome", "liaison", "application/json",
                "{\"outcome\":\"COULD_NOT_REACH\"}").statusCode());
        assertEquals(422, post("/tasks/" + taskId + "/outcome", "liaison", "application/json",
                "{\"outcome\":\"MAYBE\"}").statusCode());

        // the link page reveals nothing; opening it confirms nothing, the button does, once
        HttpClient browser = HttpClient.newHttpClient();
        URI page = URI.create("http://localhost:" + System.getProperty("tandem.it.httpPort") + "/tandem/confirm/"
                + link.group(1));
        HttpResponse<String> opened = browser.send(HttpRequest.newBuilder(page).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, opened.statusCode());
        assertFalse(opened.body(), opened.body().contains("IT-CONFIRM") || opened.body().contains("Rosa")
                || opened.body().contains(caseId));
        assertEquals("AWAITING", notice(caseId, motherId));
        HttpResponse<String> pressed = browser.send(HttpRequest.newBuilder(page)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(pressed.body(), 200, pressed.statusCode());
        assertEquals("CONFIRMED", notice(caseId, motherId));
        assertEquals(410, browser.send(HttpRequest.newBuilder(page).POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    private String notice(String caseId, String personId) throws Exception {
        for (JsonNode n : JSON.readTree(get("/cases/" + caseId + "/notifications", "officer").body()).path("notices")) {
            if (n.path("personId").asText().equals(personId)) {
                return n.path("state").asText();
            }
        }
        return "none";
    }

    private String reply(String from, String text) throws Exception {
        HttpResponse<String> r = post("/notifications/sms/replies", "integrator", "application/json",
                JSON.createObjectNode().put("from", from).put("text", text).toString());
        assertEquals(r.body(), 200, r.statusCode());
        return JSON.readTree(r.body()).path("result").asText();
    }

    /** Both persons outside their safe hours now (a window 3 to 4 hours from now, UTC). */
    private JsonNode openCase() throws Exception {
        LocalTime now = LocalTime.now(ZoneOffset.UTC);
        DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
        String hours = "{\"from\":\"" + hhmm.format(now.plusHours(3)) + "\",\"to\":\"" + hhmm.format(now.plusHours(4))
                + "\",\"zone\":\"UTC\"}";
        String body = """
                {"incident":{"number":"IT-CONFIRM-1","ori":"IL0160000","occurredAt":"2026-11-20T22:15:00Z","offenses":["13A"]},
                 "persons":[{"role":"PRIMARY_VICTIM","givenName":"Ana","familyName":"Reyes","language":"en",
                             "contact":{"email":"ana.it@example.org","phone":"+12175550191","channels":["SMS","EMAIL"],
                                        "urgentChannels":["SMS"],"safeHours":%s,"noVoicemail":true,"safeToContact":true}},
                            {"role":"SECONDARY_VICTIM","relationship":"MOTHER","givenName":"Rosa","familyName":"Reyes",
                             "language":"es",
                             "contact":{"email":"rosa.it@example.org","phone":"+12175550192","channels":["SMS","EMAIL"],
                                        "urgentChannels":["EMAIL"],"safeHours":%s,"safeToContact":true}}],
                 "needs":["EMOTIONAL_SUPPORT_AND_SAFETY"]}
                """.formatted(hours, hours);
        HttpResponse<String> created = post("/cases", "officer", "application/json", body);
        assertEquals(created.body(), 201, created.statusCode());
        JsonNode c = JSON.readTree(created.body());
        assertEquals("[\"SMS\"]", c.path("persons").get(0).path("contact").path("urgentChannels").toString());
        return c;
    }

    private void grantNotifyConsent(String caseId, String personId) throws Exception {
        HttpResponse<String> r = post("/cases/" + caseId + "/consents", "officer", "application/json",
                "{\"personId\":\"" + personId + "\",\"scope\":\"NOTIFY\",\"recipient\":{\"kind\":\"ANY\"},"
                        + "\"purpose\":\"Case notifications\",\"form\":\"WRITTEN\"}");
        assertEquals(r.body(), 201, r.statusCode());
    }

    private static List<MimeMessage> mailsTo(String address) throws Exception {
        List<MimeMessage> out = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (((InternetAddress) m.getRecipients(Message.RecipientType.TO)[0]).getAddress().equals(address)) {
                out.add(m);
            }
        }
        return out;
    }

    /** Every text part, decoded (in OSGi JavaMail has no mailcap: parse the parts instead of getContent()). */
    private static String text(Part part) throws Exception {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = new javax.mail.internet.MimeMultipart(new javax.mail.util.ByteArrayDataSource(
                    part.getInputStream(), part.getContentType()));
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                out.append(text(multipart.getBodyPart(i))).append('\n');
            }
            return out.toString();
        }
        return new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
