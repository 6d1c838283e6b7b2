package org.tandem.it;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

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
            long t0 = System.nanoTime();
            dist.start();
            awaitHealth(dist);
            long bootMillis = (System.nanoTime() - t0) / 1_000_000;
            System.out.println("offline first boot to health 200: " + bootMillis + " ms");

            String[] created = Distribution.split(dist.curl("POST", "/cases", "officer", CaseIntakeIT.EXAMPLE));
            assertThat(created[1], created[0], is("201"));
            String id = JSON.readTree(created[1]).path("id").asText();

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
            assertThat(JSON.readTree(list[1]).path("total").asInt(), is(4));
            assertThat(Distribution.split(dist.curl("GET", "/cases/" + id, "officer2", null))[0], is("404"));
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
