package org.tandem.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;

import org.apache.karaf.features.FeaturesService;
import org.awaitility.Awaitility;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

/**
 * Every optional capability can be uninstalled and installed again from the console without breaking
 * the others: after each step the REST API answers, cases can be opened when intake is there, and the
 * remaining Tandem bundles are active.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FeatureLifecycleIT extends TandemKarafTestSupport {

    /**
     * Optional features in an order that respects their dependencies (the adapters need the tandem: component,
     * camel and intake; demo needs intake), and their bundle.
     */
    private static final List<Map.Entry<String, String>> OPTIONAL = List.of(
            Map.entry("tandem-adapter-state", "org.tandem.adapter.state"),
            Map.entry("tandem-adapter-rms", "org.tandem.adapter.rms"),
            Map.entry("tandem-camel-component", "org.tandem.camel.component"),
            Map.entry("tandem-web", "org.tandem.web"),
            Map.entry("tandem-shell", "org.tandem.shell"),
            Map.entry("tandem-camel-routes", "org.tandem.camel"),
            Map.entry("tandem-camel-cxf", "org.apache.camel.camel-cxf-soap"),
            Map.entry("tandem-camel", "org.apache.camel.camel-mail"),
            Map.entry("tandem-demo", "org.tandem.demo"),
            Map.entry("tandem-intake", "org.tandem.intake"));

    @Inject
    private FeaturesService features;

    @Test
    public void eachOptionalFeatureUninstallsAndReinstallsWithoutBreakingTheOthers() throws Exception {
        // tandem-all requires them all; as an admin would, require each one directly (and the core, which
        // would otherwise leave with the last feature needing it), then drop tandem-all
        features.installFeature("tandem-core");
        // every member of tandem-all becomes a root requirement (not only those cycled below), so that dropping
        // tandem-all removes nothing
        for (org.apache.karaf.features.Dependency member : features.getFeature("tandem-all").getDependencies()) {
            features.installFeature(member.getName());
        }
        for (Map.Entry<String, String> f : OPTIONAL) {
            features.installFeature(f.getKey());
        }
        features.uninstallFeature("tandem-all");
        assertOthersWork(null);

        List<String> timings = new ArrayList<>();
        for (Map.Entry<String, String> f : OPTIONAL) {
            String feature = f.getKey();
            long t0 = System.nanoTime();
            features.uninstallFeature(feature);
            timings.add(feature + " uninstall " + (System.nanoTime() - t0) / 1_000_000 + " ms");
            assertFalse(feature + " uninstalled", features.isInstalled(features.getFeature(feature)));
            assertFalse(f.getValue() + " gone with " + feature, bundlePresent(f.getValue()));
            assertOthersWork(feature);
        }
        // back in reverse order (intake before demo), each checked
        List<Map.Entry<String, String>> reverse = new ArrayList<>(OPTIONAL);
        java.util.Collections.reverse(reverse);
        for (Map.Entry<String, String> f : reverse) {
            long t0 = System.nanoTime();
            features.installFeature(f.getKey());
            timings.add(f.getKey() + " reinstall " + (System.nanoTime() - t0) / 1_000_000 + " ms");
            assertTrue(f.getKey() + " installed", features.isInstalled(features.getFeature(f.getKey())));
            Awaitility.await(f.getValue() + " active").atMost(Duration.ofSeconds(60))
                    .until(() -> bundleActive(f.getValue()));
        }
        features.installFeature("tandem-all");
        assertOthersWork(null);
        // intake came back and serves cases again, with the data kept in the store
        assertEquals(200, get("/cases?incident=2026-000123", "officer").statusCode());
        assertTrue(get("/cases?incident=2026-000123", "officer").body().contains("\"total\":1"));
        System.out.println("FEATURES: " + timings);
    }

    /**
     * A bundle bringing or taking a resource must not leave a moment without the API: requests sent without pause
     * while the reports bundle stops and starts again all reach Tandem (JSON, 200 for /me), and the reports
     * resource is gone and back.
     */
    @Test
    public void theApiAnswersEveryRequestWhileResourcesComeAndGo() throws Exception {
        Bundle reports = Arrays.stream(bundleContext.getBundles())
                .filter(b -> "org.tandem.reports".equals(b.getSymbolicName())).findFirst().orElseThrow();
        java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
        List<String> misses = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicInteger answered = new java.util.concurrent.atomic.AtomicInteger();
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Thread client = new Thread(() -> {
                while (running.get()) {
                    try {
                        java.net.http.HttpResponse<String> r = get("/me", "officer");
                        answered.incrementAndGet();
                        if (r.statusCode() != 200
                                || !r.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) {
                            misses.add(r.statusCode() + " " + r.headers().firstValue("Content-Type").orElse("") + " "
                                    + r.body().substring(0, Math.min(120, r.body().length())));
                        }
                    } catch (Exception e) {
                        misses.add(e.toString());
                    }
                }
            }, "api-client-" + i);
            client.start();
            clients.add(client);
        }
        try {
            for (int round = 0; round < 4; round++) {
                reports.stop();
                Awaitility.await("reports resource gone").atMost(Duration.ofSeconds(30))
                        .until(() -> get("/reports/referral-outcomes?quarter=2026Q4", "supervisor").statusCode() == 404);
                reports.start();
                Awaitility.await("reports resource back").atMost(Duration.ofSeconds(30))
                        .until(() -> get("/reports/referral-outcomes?quarter=2026Q4", "supervisor").statusCode() == 200);
            }
        } finally {
            running.set(false);
            for (Thread client : clients) {
                client.join(30_000);
            }
        }
        System.out.println("REPUBLISH: " + answered.get() + " requests during 8 republications, misses " + misses);
        assertTrue("requests were sent meanwhile: " + answered.get(), answered.get() > 50);
        assertTrue("every request reached the API: " + misses, misses.isEmpty());
    }

    /** Core REST is up; intake works unless it was just removed; every remaining Tandem bundle is active. */
    private void assertOthersWork(String removed) throws Exception {
        Awaitility.await("health after " + removed).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .ignoreExceptions().until(() -> get("/health", null).statusCode() == 200);
        assertEquals(200, get("/me", "officer").statusCode());
        boolean intake = features.isInstalled(features.getFeature("tandem-intake"));
        if (intake) {
            Awaitility.await("intake after " + removed).atMost(Duration.ofSeconds(60)).ignoreExceptions()
                    .until(() -> post("/cases", "officer", "application/json",
                            CaseIntakeIT.EXAMPLE.replace("IT-2026-000123", "IT-FEATURES")).statusCode() == 201);
        } else {
            assertEquals("no /cases without intake", 404, get("/cases", "officer").statusCode());
        }
        Awaitility.await("Tandem bundles active after " + removed).atMost(Duration.ofSeconds(60))
                .until(() -> Arrays.stream(bundleContext.getBundles())
                        .filter(b -> b.getSymbolicName() != null && b.getSymbolicName().startsWith("org.tandem."))
                        .allMatch(b -> b.getState() == Bundle.ACTIVE));
    }

    private boolean bundlePresent(String bsn) {
        return Arrays.stream(bundleContext.getBundles()).anyMatch(b -> bsn.equals(b.getSymbolicName()));
    }

    private boolean bundleActive(String bsn) {
        return Arrays.stream(bundleContext.getBundles())
                .anyMatch(b -> bsn.equals(b.getSymbolicName()) && b.getState() == Bundle.ACTIVE);
    }
}
