package org.tandem.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import org.tandem.it.harness.Distribution;
import org.tandem.it.harness.HttpLite;

/**
 * Hot deploy: the example agency bundle ({@code examples/agency-extension}, in no feature) copied into
 * {@code deploy/}, until its intake validator answers: a PD-DEMO case without the county code is refused with
 * 422 (seen from outside, through REST, polled every 20 ms). Then the jar is removed and the next round waits
 * until cases are accepted again. Median of {@link #rounds}.
 */
final class HotDeployBench implements OptionalBench {

    private static final String AUTH = HttpLite.basic("officer", "demo");
    private final int rounds;

    HotDeployBench(int rounds) {
        this.rounds = rounds;
    }

    @Override
    public String name() {
        return "hot deploy: example agency bundle copied into deploy/ -> its validator answers";
    }

    @Override
    public String target() {
        return "<= 1 s";
    }

    @Override
    public boolean present(Path distHome) {
        return exampleJar().isPresent();
    }

    static Optional<Path> exampleJar() {
        Path dir = Path.of("examples/agency-extension/target");
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().matches("tandem-example-agency-.*\\.jar")).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public List<Row> run(Distribution dist) throws Exception {
        Path jar = exampleJar().orElseThrow();
        Path deployed = dist.home.resolve("deploy").resolve(jar.getFileName());
        List<Long> millis = new ArrayList<>();
        try (HttpLite http = new HttpLite("127.0.0.1", dist.httpPort, 30_000)) {
            for (int round = 0; round < rounds; round++) {
                Path tmp = dist.home.resolve(jar.getFileName() + ".tmp");
                Files.copy(jar, tmp, StandardCopyOption.REPLACE_EXISTING);
                long start = System.nanoTime();
                Files.move(tmp, deployed, StandardCopyOption.ATOMIC_MOVE);
                awaitStatus(http, 422, start);
                millis.add((System.nanoTime() - start) / 1_000_000);
                Files.delete(deployed);
                awaitStatus(http, 201, System.nanoTime());
            }
        }
        List<Long> sorted = new ArrayList<>(millis);
        sorted.sort(null);
        long median = sorted.get(sorted.size() / 2);
        return List.of(new Row(name() + ", median of " + rounds, median + " ms " + millis, "", "", target(),
                median <= 1000 ? "met" : "NOT met"));
    }

    private static void awaitStatus(HttpLite http, int status, long startNanos) throws Exception {
        for (int i = 0; ; i++) {
            String incident = "HD-" + Long.toString(System.nanoTime(), 36);
            HttpLite.Response r = http.send("POST", "/tandem/api/v1/cases", AUTH, ("{\"incident\":{\"number\":\"" + incident
                    + "\",\"ori\":\"IL0160000\",\"occurredAt\":\"2026-11-20T22:15:00Z\",\"offenses\":[\"13A\"],"
                    + "\"location\":\"400 Main St\"},\"persons\":[{\"role\":\"PRIMARY_VICTIM\",\"givenName\":\"Maria\"}]}")
                    .getBytes(StandardCharsets.UTF_8));
            if (r.status() == status) {
                return;
            }
            if ((System.nanoTime() - startNanos) > 120_000_000_000L) {
                throw new IllegalStateException(String.format(Locale.ROOT, "no %d within 120 s, last %d %s", status,
                        r.status(), r.text()));
            }
            java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L);
        }
    }
}
