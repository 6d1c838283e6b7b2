package org.tandem.adapter.rms.internal.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.camel.impl.DefaultCamelContext;
import org.tandem.adapter.rms.internal.route.LedgerIdempotentRepository;
import org.tandem.adapter.rms.internal.route.RmsRoutes;
import org.tandem.adapter.rms.internal.route.RmsSettings;
import org.tandem.adapter.rms.internal.testing.TestStack;
import org.tandem.api.Ids;
import org.tandem.api.integration.DeadLetter;

/**
 * RMS documents ingested per second: N distinct NIEM reports (the shipped sample with its incident number and
 * document id varied) are moved into the inbox of the real folder route at once; the clock stops when N cases are
 * stored. Everything a report goes through in the container runs here: file read lock, XSD-validating parse,
 * store-backed idempotency ledger, intake validation and a Derby insert (durable writes, unlike the unit tests).
 * Not a unit test (excluded from surefire); run bench/rms-bench.sh.
 */
public final class RmsIngestBenchmark {

    private RmsIngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        Path work = Path.of(args.length > 1 ? args[1] : "target/rms-bench");
        Path template = Path.of(args.length > 2 ? args[2] : "examples/rms/incident-2026-000200-1.xml");
        delete(work);
        Files.createDirectories(work);
        String xml = Files.readString(template, StandardCharsets.UTF_8);

        Path staging = Files.createDirectories(work.resolve("staging"));
        FileTime old = FileTime.from(Instant.now().minusSeconds(60));
        for (int i = 0; i < n; i++) {
            String number = String.format("BENCH-%06d", i);
            Path f = staging.resolve(number + ".xml");
            Files.writeString(f, xml.replace("2026-000200", number),
                    StandardCharsets.UTF_8);
            Files.setLastModifiedTime(f, old);
        }

        try (TestStack stack = new TestStack(work)) {
            RmsSettings settings = new RmsSettings("PD-DEMO", Set.of(), true, work.resolve("inbox"), work.resolve("error"),
                    null, 100, 1_048_576, ZoneId.of("America/Chicago"), 0, 10);
            DefaultCamelContext camel = new DefaultCamelContext();
            camel.addComponent("tandem", stack.component(null));
            camel.start();
            camel.addRoutes(new RmsRoutes(settings, new LedgerIdempotentRepository(stack.ledger, RmsRoutes.LEDGER, "bench"),
                    (source, reference, reason) -> stack.deadLetters.insert(
                            new DeadLetter(Ids.newId(), source, reference, reason, Instant.now(), null)),
                    Clock.systemUTC()));
            // warm up: one report through the whole path (class loading, schema, JIT of the hot paths)
            Path inbox = Files.createDirectories(work.resolve("inbox"));
            Path warm = staging.resolve("BENCH-000000.xml");
            Files.move(warm, inbox.resolve(warm.getFileName()));
            await(stack, 1, Duration.ofMinutes(2));

            long t0 = System.nanoTime();
            try (Stream<Path> files = Files.list(staging)) {
                for (Path f : files.toList()) {
                    Files.move(f, inbox.resolve(f.getFileName()));
                }
            }
            await(stack, n, Duration.ofMinutes(30));
            double seconds = (System.nanoTime() - t0) / 1e9;
            int measured = n - 1;
            long rejected = stack.count("dead_letter");
            camel.stop();
            System.out.printf("RMS ingest: %d reports in %.2f s = %.1f reports/s (%.1f ms per report), %d rejected%n",
                    measured, seconds, measured / seconds, seconds * 1000 / measured, rejected);
        }
    }

    private static void await(TestStack stack, long cases, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (stack.count("victim_case") < cases) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + stack.count("victim_case") + " of " + cases + " cases stored");
            }
            Thread.sleep(20);
        }
    }

    private static void delete(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
