package org.tandem.bench;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import javax.mail.Message;
import javax.mail.Session;
import javax.mail.Transport;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeBodyPart;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.tandem.it.harness.Distribution;
import org.tandem.it.harness.HttpLite;

/**
 * Notifications through the running distribution: e-mails per second from the durable outbox (claim, consent and
 * rules, rendering, EMAIL channel) to an SMTP sink (GreenMail in this process), against raw JavaMail
 * {@code Transport.send} of a same-shaped text+HTML message to the same sink with the channel's session
 * properties (EHLO name set), measured before and after in the same run. The engine-only view (no Karaf, no REST)
 * is {@code bench/notification-bench.sh}.
 */
final class NotificationDispatchBench implements OptionalBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AUTH = HttpLite.basic("officer", "demo");
    private final int count;

    NotificationDispatchBench(int count) {
        this.count = count;
    }

    @Override
    public String name() {
        return "notifications: e-mails/s outbox -> SMTP sink (GreenMail), vs raw JavaMail to the same sink";
    }

    @Override
    public String target() {
        return ">= 0.8x raw sends";
    }

    @Override
    public boolean present(Path distHome) {
        return Files.isDirectory(distHome.resolve("system/org/tandem/tandem-notification"))
                && Files.isDirectory(distHome.resolve("system/org/tandem/tandem-notification-email"));
    }

    @Override
    public List<Row> run(Distribution dist) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        GreenMail sink = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        sink.start();
        try {
            // live configuration (no restart): the channel's next message goes to the sink
            dist.configureLive("org.tandem.notification.email.cfg", java.util.Map.of("host", "127.0.0.1", "security", "NONE",
                    "heloName", "bench.test", "port", Integer.toString(port)));
            try (HttpLite http = new HttpLite("127.0.0.1", dist.httpPort, 30_000)) {
                HttpLite.Response opened = http.send("POST", "/tandem/api/v1/cases", AUTH, ("{\"incident\":{\"number\":\"NB-"
                        + System.currentTimeMillis() + "\",\"ori\":\"IL0160000\",\"occurredAt\":\"2026-11-20T22:15:00Z\","
                        + "\"offenses\":[\"13A\"],\"location\":\"400 Main St\"},\"persons\":[{\"role\":\"PRIMARY_VICTIM\","
                        + "\"givenName\":\"María\",\"familyName\":\"López\",\"language\":\"es\",\"contact\":{\"email\":"
                        + "\"bench@example.org\",\"channels\":[\"EMAIL\"],\"safeToContact\":true}}],\"needs\":[\"COUNSELING\"]}")
                        .getBytes(StandardCharsets.UTF_8));
                if (opened.status() != 201) {
                    throw new IllegalStateException("bench case not opened: " + opened.status() + " " + opened.text());
                }
                JsonNode c = JSON.readTree(opened.body());
                String caseId = c.path("id").asText();
                String personId = c.path("persons").path(0).path("id").asText();
                HttpLite.Response consent = http.send("POST", "/tandem/api/v1/cases/" + caseId + "/consents", AUTH,
                        ("{\"personId\":\"" + personId + "\",\"scope\":\"NOTIFY\",\"recipient\":{\"kind\":\"ANY\"},"
                                + "\"purpose\":\"Case notifications\",\"form\":\"WRITTEN\"}").getBytes(StandardCharsets.UTF_8));
                if (consent.status() != 201) {
                    throw new IllegalStateException("consent not recorded: " + consent.status() + " " + consent.text());
                }
                // canary: the configuration is in force and the first send paid its class loading
                post(http, caseId, personId, "canary");
                if (!sink.waitForIncomingEmail(120_000, 1)) {
                    throw new IllegalStateException("canary e-mail not delivered within 120 s");
                }
                // warm-up of the raw path, then raw / Tandem / raw
                raw(port, Math.min(50, count));
                double rawBefore = raw(port, count);
                int base = sink.getReceivedMessages().length;
                long start = System.nanoTime();
                for (int i = 0; i < count; i++) {
                    post(http, caseId, personId, "b" + i);
                }
                double postSeconds = (System.nanoTime() - start) / 1e9;
                if (!sink.waitForIncomingEmail(600_000, base + count)) {
                    throw new IllegalStateException("only " + (sink.getReceivedMessages().length - base) + " of " + count
                            + " e-mails delivered within 600 s");
                }
                double tandem = count / ((System.nanoTime() - start) / 1e9);
                double rawAfter = raw(port, count);
                double rawMean = (rawBefore + rawAfter) / 2;
                return List.of(new Row(name() + ", " + count + " e-mails (POSTs took " + String.format(Locale.ROOT, "%.1f s", postSeconds) + ")",
                        String.format(Locale.ROOT, "%.1f/s", tandem),
                        String.format(Locale.ROOT, "%.1f/s (before %.1f, after %.1f)", rawMean, rawBefore, rawAfter),
                        String.format(Locale.ROOT, "%.2fx", tandem / rawMean), target(),
                        tandem / rawMean >= 0.8 ? "met" : "NOT met"));
            }
        } finally {
            sink.stop();
        }
    }

    private static void post(HttpLite http, String caseId, String personId, String requestId) throws Exception {
        HttpLite.Response r = http.send("POST", "/tandem/api/v1/cases/" + caseId + "/notifications", AUTH,
                ("{\"subject\":\"Aviso " + requestId + "\",\"text\":\"" + "Su caso ha sido actualizado. ".repeat(20)
                        + "\",\"personIds\":[\"" + personId + "\"],\"requestId\":\"" + requestId + "-"
                        + Long.toString(System.nanoTime(), 36) + "\"}").getBytes(StandardCharsets.UTF_8));
        if (r.status() != 202) {
            throw new IllegalStateException("manual message refused: " + r.status() + " " + r.text());
        }
    }

    /** Messages per second for {@code count} plain JavaMail sends, one connection each, as the EMAIL channel. */
    private static double raw(int port, int count) throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", Integer.toString(port));
        props.put("mail.smtp.localhost", "bench.test");
        Session session = Session.getInstance(props);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            MimeMessage m = new MimeMessage(session);
            m.setFrom(new InternetAddress("notifications@bench.example"));
            m.setRecipient(Message.RecipientType.TO, new InternetAddress("raw" + i + "@example.org"));
            m.setSubject("Springfield PD: aviso " + i, "UTF-8");
            m.setSentDate(new Date());
            MimeBodyPart text = new MimeBodyPart();
            text.setText("Estimada María:\n\nSu caso ha sido actualizado. ".repeat(20), "UTF-8", "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText("<p>Estimada María:</p><p>Su caso ha sido actualizado.</p>".repeat(20), "UTF-8", "html");
            m.setContent(new MimeMultipart("alternative", text, html));
            Transport.send(m);
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }
}
