package org.tandem.it;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.awaitility.Awaitility;
import org.junit.Assume;
import org.junit.Test;
import org.tandem.it.harness.Distribution;

/**
 * The archive as an operator gets it: unpacked, started in demo mode in a network namespace with
 * only loopback and an empty user.home (so nothing can come from a Maven repository), serves the
 * API; a case acknowledged with 201 survives kill -9 of the JVM and a restart.
 */
public class DistributionIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    public void startsOfflineAndAcknowledgedCaseSurvivesKill9() throws Exception {
        boolean isolated = Distribution.canIsolateNetwork();
        Assume.assumeTrue("needs root and iproute2 for a network namespace", isolated);
        try (Distribution dist = Distribution.unpack(Path.of("target/dist-it"), true)) {
            String network = dist.networkView();
            String[] parts = network.split("ROUTES", 2);
            assertThat(network, parts[0].trim().lines().count(), is(1L));
            assertThat(network, parts[0].contains(": lo:"), is(true));
            assertThat("no route out of the namespace: " + network, parts[1].trim(), is(""));
            // the shipped EMAIL channel and demo mail sink settings, on a free port instead of 2525 (other builds)
            int smtpPort = freePort();
            Path etc = dist.home.resolve("etc");
            Files.writeString(etc.resolve("org.tandem.notification.email.cfg"),
                    Files.readString(Path.of("../features/src/main/cfg/org.tandem.notification.email.cfg"))
                            .replace("port = 2525", "port = " + smtpPort));
            Files.writeString(etc.resolve("org.tandem.demo.mailsink.cfg"),
                    Files.readString(Path.of("../features/src/main/cfg/org.tandem.demo.mailsink.cfg"))
                            .replace("port = 2525", "port = " + smtpPort));
            long t0 = System.nanoTime();
            dist.start();
            awaitHealth(dist);
            long bootMillis = (System.nanoTime() - t0) / 1_000_000;
            System.out.println("offline first boot to health 200: " + bootMillis + " ms");

            String[] created = Distribution.split(dist.curl("POST", "/cases", "officer", CaseIntakeIT.EXAMPLE));
            assertThat(created[1], created[0], is("201"));
            String id = JSON.readTree(created[1]).path("id").asText();

            demoMailSinkReceivesTheWelcomeEmail(dist);

            dist.killHard();
            long t1 = System.nanoTime();
            dist.start();
            awaitHealth(dist);
            System.out.println("restart after kill -9 to health 200: " + (System.nanoTime() - t1) / 1_000_000 + " ms");

            // /health can answer 200 while the API servlet is still being republished as the last resource bundles
            // (intake) come up: a GET in that window gets the servlet's HTML 404 (seen under load, 2026-12-04; a
            // readiness gap of main, reported). Wait for the resource, bounded, then check the case.
            String[][] holder = new String[1][];
            Awaitility.await("case resource published").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        holder[0] = Distribution.split(dist.curl("GET", "/cases/" + id, "officer", null));
                        return !holder[0][1].startsWith("<html");
                    });
            String[] read = holder[0];
            assertThat(read[1], read[0], is("200"));
            JsonNode c = JSON.readTree(read[1]);
            assertThat(c.path("persons").size(), is(2));
            assertThat(c.path("incident").path("number").asText(), is("IT-2026-000123"));
            // demo data was loaded once, not again on restart
            String[] list = Distribution.split(dist.curl("GET", "/cases?size=50", "officer", null));
            assertThat(JSON.readTree(list[1]).path("total").asInt(), is(5));
            assertThat(Distribution.split(dist.curl("GET", "/cases/" + id, "officer2", null))[0], is("404"));
        }
    }

    /**
     * Issue 5's demo: a case for a Spanish-speaking victim with an e-mail address and a NOTIFY consent produces the
     * Spanish welcome e-mail in the demo mail sink (data/demo-mail/*.eml), through the shipped EMAIL channel settings.
     */
    private static void demoMailSinkReceivesTheWelcomeEmail(Distribution dist) throws Exception {
        String body = """
                {"incident":{"number":"IT-DEMO-MAIL-1","ori":"IL0160000","occurredAt":"2026-11-20T22:15:00Z","offenses":["13A"]},
                 "persons":[{"role":"PRIMARY_VICTIM","givenName":"Lucía","familyName":"Ramos","language":"es",
                             "contact":{"email":"lucia.demo@example.org","channels":["EMAIL"],"noVoicemail":true,"safeToContact":true}}],
                 "needs":["COUNSELING"]}""";
        String[] created = Distribution.split(dist.curl("POST", "/cases", "officer", body));
        assertThat(created[1], created[0], is("201"));
        JsonNode c = JSON.readTree(created[1]);
        String consent = "{\"personId\":\"" + c.path("persons").path(0).path("id").asText()
                + "\",\"scope\":\"NOTIFY\",\"recipient\":{\"kind\":\"ANY\"},\"purpose\":\"Case notifications\",\"form\":\"WRITTEN\"}";
        String[] granted = Distribution.split(dist.curl("POST", "/cases/" + c.path("id").asText() + "/consents", "officer", consent));
        assertThat(granted[1], granted[0], is("201"));
        Path folder = dist.home.resolve("data/demo-mail");
        String[] mail = new String[1];
        try {
            Awaitility.await("welcome e-mail in the demo mail sink").atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofSeconds(1)).until(() -> {
                        mail[0] = findMail(folder, "lucia.demo@example.org");
                        return mail[0] != null;
                    });
        } catch (Throwable t) {
            String[] evidence = Distribution.split(dist.curl("GET", "/cases/" + c.path("id").asText() + "/notifications", "officer", null));
            throw new AssertionError("no e-mail in " + folder + "; notifications: " + evidence[1] + "\nlog tail:\n"
                    + dist.logTail().orElse("-"), t);
        }
        // MIME-encoded subject: "Tandem: se ha abierto su caso ..." in UTF-8
        assertThat(mail[0], javax.mail.internet.MimeUtility.decodeText(header(mail[0], "Subject")).contains("se ha abierto su caso"), is(true));
    }

    private static String findMail(Path folder, String to) throws java.io.IOException {
        if (!Files.isDirectory(folder)) {
            return null;
        }
        try (var files = Files.list(folder)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".eml")).toList()) {
                String text = Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1);
                if (header(text, "To").contains(to)) {
                    return text;
                }
            }
        }
        return null;
    }

    private static String header(String mail, String name) {
        StringBuilder value = null;
        for (String line : mail.split("\r?\n")) {
            if (line.isEmpty()) {
                break;
            }
            if (value != null && (line.startsWith(" ") || line.startsWith("\t"))) {
                value.append(line.strip().isEmpty() ? "" : " " + line.strip());
            } else if (value != null) {
                break;
            } else if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                value = new StringBuilder(line.substring(name.length() + 1).strip());
            }
        }
        return value == null ? "" : value.toString();
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void awaitHealth(Distribution dist) {
        try {
            Awaitility.await("health 200").atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500))
                    .until(() -> dist.curl("GET", "/health", null, null).startsWith("200"));
        } catch (RuntimeException e) {
            throw new AssertionError("distribution did not become healthy; log tail:\n" + dist.logTail().orElse("-"), e);
        }
    }
}
