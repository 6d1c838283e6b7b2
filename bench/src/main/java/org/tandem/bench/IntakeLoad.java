package org.tandem.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.HdrHistogram.Histogram;
import org.tandem.it.harness.CaseBodies;
import org.tandem.it.harness.HttpLite;

/**
 * A fixed number of {@code POST /cases} spread over {@code clients} threads, each with its own
 * keep-alive connection, sending the next request as soon as the previous answered (closed loop).
 * Latency is recorded per request in an HdrHistogram (microseconds).
 */
final class IntakeLoad {

    /** The outcome of one load level. */
    record Outcome(int clients, int requests, long wallNanos, Histogram latencyMicros, int errors, String firstError) {
        double throughput() {
            return requests * 1e9 / wallNanos;
        }
    }

    /** Two blocks of the same level as one outcome: requests, busy time and histograms added up. */
    static Outcome merge(Outcome a, Outcome b) {
        if (a == null) {
            return b;
        }
        Histogram h = a.latencyMicros().copy();
        h.add(b.latencyMicros());
        return new Outcome(a.clients(), a.requests() + b.requests(), a.wallNanos() + b.wallNanos(), h,
                a.errors() + b.errors(), a.firstError() != null ? a.firstError() : b.firstError());
    }

    private static final String AUTH = HttpLite.basic("officer", "demo");

    private final int port;
    private final String runId;

    IntakeLoad(int port, String runId) {
        this.port = port;
        this.runId = runId;
    }

    Outcome run(String label, int clients, int requests) throws InterruptedException {
        Histogram histogram = new Histogram(60_000_000L, 3);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>();
        List<Histogram> perThread = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < clients; t++) {
            Histogram h = new Histogram(60_000_000L, 3);
            perThread.add(h);
            threads.add(new Thread(() -> {
                try (HttpLite http = new HttpLite("127.0.0.1", port, 60_000)) {
                    for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                        byte[] body = CaseBodies.newCase(runId + "-" + label + "-" + i);
                        long t0 = System.nanoTime();
                        try {
                            HttpLite.Response r = http.send("POST", "/tandem/api/v1/cases", AUTH, body);
                            h.recordValue(Math.max(1, (System.nanoTime() - t0) / 1000));
                            if (r.status() != 201) {
                                errors.incrementAndGet();
                                firstError.compareAndSet(null, r.status() + " " + r.text());
                            }
                        } catch (IOException e) {
                            errors.incrementAndGet();
                            firstError.compareAndSet(null, e.toString());
                        }
                    }
                }
            }, "intake-" + label + "-" + t));
        }
        long start = System.nanoTime();
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        long wall = System.nanoTime() - start;
        perThread.forEach(histogram::add);
        return new Outcome(clients, requests, wall, histogram, errors.get(), firstError.get());
    }
}
