package org.tandem.it.harness;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Crash safety of case intake, measured: start the distribution, drive concurrent {@code POST /cases},
 * {@code kill -9} the Karaf JVM at a random moment, restart, and check that every case acknowledged
 * with 201 is there exactly once and unchanged (equal to the 201 body), and that no request, acknowledged
 * or not, produced more than one case. Every request carries a unique incident number, so
 * {@code GET /cases?incident=N} counts the cases it produced.
 *
 * <p>Requests that got no 201 (connection cut by the kill, or an error status) are "in doubt": they may
 * or may not have been stored, but never twice. A negative control ({@link Weakening}) deliberately
 * breaks durability to show that these checks do fail when data is lost.
 */
public final class CrashHarness {

    /** How the store is deliberately weakened for a negative control. */
    public enum Weakening {
        /** Tandem as shipped. */
        NONE,
        /** Derby's {@code derby.system.durability=test}: no fsync at commit (writes still reach the OS). */
        DERBY_TEST,
        /** An in-memory Derby database: nothing survives the JVM. */
        MEMORY
    }

    public record Options(int clients, Duration minLoad, Duration maxLoad, long seed, Duration bootTimeout,
            int fullSweepEvery, PrintStream log) {

        public static Options defaults(PrintStream log) {
            return new Options(4, Duration.ofMillis(500), Duration.ofMillis(2500), System.nanoTime(),
                    Duration.ofSeconds(180), 10, log);
        }

        public Options withClients(int n) {
            return new Options(n, minLoad, maxLoad, seed, bootTimeout, fullSweepEvery, log);
        }

        public Options withLoad(Duration min, Duration max) {
            return new Options(clients, min, max, seed, bootTimeout, fullSweepEvery, log);
        }

        public Options withSeed(long s) {
            return new Options(clients, minLoad, maxLoad, s, bootTimeout, fullSweepEvery, log);
        }

        public Options withFullSweepEvery(int n) {
            return new Options(clients, minLoad, maxLoad, seed, bootTimeout, n, log);
        }
    }

    /** Totals over the cycles of one {@link #runCycles} call (checks cover every request made so far). */
    public static final class Result {
        public int cycles;
        public long attempted;
        public long acknowledged;
        public long inDoubt;
        public long inDoubtStored;
        public long lost;
        public long duplicated;
        public long corrupt;
        public long phantom;
        /** Notification probe ({@link NotificationProbe}): accepted messages checked at the sink, and what went wrong. */
        public long notificationsChecked;
        public long notificationsLost;
        public long notificationsDuplicated;
        /** The same notification (same Message-ID) delivered twice: the documented in-flight window of a kill. */
        public long notificationsResent;
        public final List<Long> restartMillis = new ArrayList<>();
        /** Responses other than 201 by status (0: no response, the connection was cut). */
        public final Map<Integer, Long> otherStatuses = new java.util.TreeMap<>();
        public final List<String> problems = new ArrayList<>();

        public boolean clean() {
            return lost == 0 && duplicated == 0 && corrupt == 0 && phantom == 0 && notificationsLost == 0
                    && notificationsDuplicated == 0;
        }

        public void problem(String p) {
            if (problems.size() < 20) {
                problems.add(p);
            }
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT,
                    "cycles run %d, writes attempted %d, acknowledged %d, in doubt %d (stored %d; statuses %s), lost %d,"
                            + " duplicated %d, corrupt %d, phantom %d; notifications checked %d, lost %d, duplicated %d,"
                            + " resent (same Message-ID) %d%s",
                    cycles, attempted, acknowledged, inDoubt, inDoubtStored, otherStatuses, lost, duplicated, corrupt,
                    phantom, notificationsChecked, notificationsLost, notificationsDuplicated, notificationsResent,
                    problems.isEmpty() ? "" : "; first problems: " + problems);
        }
    }

    private record Ack(String id, JsonNode body) {
    }

    /**
     * More work and checks per cycle, for capabilities that land later. Notifications, for instance: drive
     * sends through the outbox while the intake load runs, then check after the restart that no message was
     * delivered twice (count deliveries per message id at the SMTP sink) and none acknowledged was dropped,
     * adding to {@link Result#duplicated} / {@link Result#lost}.
     */
    public interface Probe {
        /** Runs on its own thread while the intake load runs, until {@code running} turns false (the kill may cut it). */
        default void drive(Distribution dist, int cycle, java.util.function.BooleanSupplier running) {
        }

        /** After the restart and the intake checks. */
        default void verify(Distribution dist, int cycle, Result result) throws IOException {
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AUTH = HttpLite.basic("officer", "demo");

    private final Distribution dist;
    private final Options options;
    private final Random random;
    private final String runId;
    /** incident number -> the acknowledged case, for every 201 ever received. */
    private final Map<String, Ack> acked = new ConcurrentHashMap<>();
    /** incident numbers of requests without a 201 (cut by the kill, or an error status). */
    private final Map<String, String> inDoubt = new ConcurrentHashMap<>();
    private final List<Probe> probes = new ArrayList<>();
    private int cycle;
    private boolean started;

    /** @param dist unpacked, not running; the harness starts it */
    public CrashHarness(Distribution dist, Options options) {
        this.dist = dist;
        this.options = options;
        this.random = new Random(options.seed());
        this.runId = "CR" + Long.toString(Math.abs(options.seed() % 1_000_000_000L), 36).toUpperCase(Locale.ROOT);
    }

    /** Adds a probe (see {@link Probe}); call before {@link #runCycles}. */
    public CrashHarness with(Probe probe) {
        probes.add(probe);
        return this;
    }

    /** Applies a weakening to the next start (a restart picks it up). */
    public void weaken(Weakening weakening) throws IOException {
        switch (weakening) {
            case NONE -> { }
            case DERBY_TEST -> dist.systemProperty("derby.system.durability", "test");
            case MEMORY -> dist.configure("org.ops4j.datasource-tandem.cfg", "url", "jdbc:derby:memory:tandem;create=true");
        }
        options.log().println("crash: next start runs with durability weakened: " + weakening);
    }

    /**
     * Runs {@code cycles} cycles of load, kill -9, restart and verification. The first call starts the
     * distribution; it is left running (healthy) afterwards, see {@link #stop()}.
     */
    public Result runCycles(int cycles) throws IOException, InterruptedException {
        Result result = new Result();
        if (!started) {
            dist.start();
            Duration boot = dist.awaitHealthy(options.bootTimeout(), Duration.ofMillis(200));
            awaitIntake(options.bootTimeout());
            options.log().printf(Locale.ROOT, "crash: first boot healthy after %.1f s%n", boot.toMillis() / 1000.0);
            started = true;
        }
        for (int i = 0; i < cycles; i++) {
            cycle++;
            long loadMillis = options.minLoad().toMillis()
                    + (long) (random.nextDouble() * (options.maxLoad().toMillis() - options.minLoad().toMillis()));
            Load load = new Load(cycle, options.clients());
            AtomicBoolean probing = new AtomicBoolean(true);
            List<Thread> probeThreads = new ArrayList<>();
            int cycleNo = cycle;
            for (Probe p : probes) {
                probeThreads.add(new Thread(() -> p.drive(dist, cycleNo, probing::get), "crash-probe"));
            }
            load.start();
            probeThreads.forEach(Thread::start);
            Thread.sleep(loadMillis);
            dist.killHard();
            load.stopAndJoin();
            probing.set(false);
            for (Thread t : probeThreads) {
                t.join(60_000);
            }
            dist.start();
            Duration restart = dist.awaitHealthy(options.bootTimeout(), Duration.ofMillis(200));
            awaitIntake(options.bootTimeout());
            result.restartMillis.add(restart.toMillis());
            long checkStart = System.nanoTime();
            result.cycles++;
            result.attempted += load.attemptedCount;
            result.acknowledged += load.ackedCount;
            result.inDoubt += load.doubtCount;
            load.statuses.forEach((k, v) -> result.otherStatuses.merge(k, v, Long::sum));
            Result before = snapshot(result);
            boolean sweep = options.fullSweepEvery() > 0 && cycle % options.fullSweepEvery() == 0 || i == cycles - 1;
            if (sweep) {
                fullSweep(result);
            } else {
                verify(load.incidents, result);
            }
            for (Probe p : probes) {
                p.verify(dist, cycle, result);
            }
            options.log().printf(Locale.ROOT,
                    "crash: cycle %d: killed after %d ms of load, %d acknowledged, %d in doubt; restart to health %.1f s;"
                            + " %s in %.1f s: lost %d, duplicated %d, corrupt %d%n",
                    cycle, loadMillis, load.ackedCount, load.doubtCount, restart.toMillis() / 1000.0,
                    sweep ? "full check" : "checked", (System.nanoTime() - checkStart) / 1e9,
                    result.lost - before.lost, result.duplicated - before.duplicated,
                    result.corrupt - before.corrupt);
        }
        return result;
    }

    /** A normal stop of the distribution. */
    public void stop() throws InterruptedException {
        dist.stop(Duration.ofSeconds(60));
    }

    private static Result snapshot(Result r) {
        Result s = new Result();
        s.lost = r.lost;
        s.duplicated = r.duplicated;
        s.corrupt = r.corrupt;
        return s;
    }

    /**
     * /health answers once the framework reached its start level; intake's resource may still be on its way
     * (DS activates it), so /cases may answer 404 for a moment: wait for it before checking.
     */
    private void awaitIntake(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int status = -1;
        while (System.nanoTime() < deadline) {
            try (HttpLite http = new HttpLite("127.0.0.1", dist.httpPort, 10_000)) {
                status = http.send("GET", "/tandem/api/v1/cases?size=1", AUTH, null).status();
                if (status == 200) {
                    return;
                }
            } catch (IOException e) {
                status = -1;
            }
            Thread.sleep(100);
        }
        throw new IOException("GET /cases did not answer 200 within " + timeout + " (last " + status + ")");
    }

    /** Checks the given incidents one by one ({@code GET /cases?incident=N}). */
    private void verify(List<String> incidents, Result result) throws IOException {
        try (HttpLite http = new HttpLite("127.0.0.1", dist.httpPort, 30_000)) {
            for (String incident : incidents) {
                String path = "/tandem/api/v1/cases?size=10&incident=" + URLEncoder.encode(incident, StandardCharsets.UTF_8);
                HttpLite.Response r = http.send("GET", path, AUTH, null);
                if (r.status() != 200) {
                    throw new IOException("GET /cases?incident=" + incident + " answered " + r.status() + ": " + r.text());
                }
                List<JsonNode> found = new ArrayList<>();
                JSON.readTree(r.body()).path("items").forEach(found::add);
                check(incident, found, result);
            }
        }
    }

    /** Lists every case of the agency and checks every request ever made, plus cases nobody asked for. */
    private void fullSweep(Result result) throws IOException {
        Map<String, List<JsonNode>> byIncident = new HashMap<>();
        String prefix = runId + "-";
        try (HttpLite http = new HttpLite("127.0.0.1", dist.httpPort, 60_000)) {
            for (int page = 0; ; page++) {
                HttpLite.Response r = http.send("GET", "/tandem/api/v1/cases?size=200&page=" + page, AUTH, null);
                if (r.status() != 200) {
                    throw new IOException("GET /cases page " + page + " answered " + r.status() + ": " + r.text());
                }
                JsonNode items = JSON.readTree(r.body()).path("items");
                for (JsonNode item : items) {
                    String incident = item.path("incident").path("number").asText("");
                    if (incident.startsWith(prefix)) {
                        byIncident.computeIfAbsent(incident, k -> new ArrayList<>()).add(item);
                    }
                }
                if (items.size() < 200) {
                    break;
                }
            }
        }
        for (String incident : acked.keySet()) {
            check(incident, byIncident.getOrDefault(incident, List.of()), result);
        }
        for (String incident : inDoubt.keySet()) {
            check(incident, byIncident.getOrDefault(incident, List.of()), result);
        }
        for (String incident : byIncident.keySet()) {
            if (!acked.containsKey(incident) && !inDoubt.containsKey(incident)) {
                result.phantom++;
                result.problem("case for an incident never requested: " + incident);
            }
        }
    }

    private void check(String incident, List<JsonNode> found, Result result) {
        Ack ack = acked.get(incident);
        if (found.size() > 1) {
            result.duplicated += found.size() - 1;
            result.problem(found.size() + " cases for one request, incident " + incident);
        }
        if (ack != null) {
            if (found.isEmpty()) {
                result.lost++;
                result.problem("acknowledged case lost: " + ack.id() + " (incident " + incident + ")");
            } else if (found.stream().noneMatch(ack.body()::equals)) {
                result.corrupt++;
                result.problem("acknowledged case changed: " + ack.id() + " stored as " + found.get(0));
            }
        } else if (inDoubt.containsKey(incident) && found.size() == 1) {
            result.inDoubtStored++;
        }
    }

    /** {@code clients} threads posting cases back to back until stopped (or the server dies). */
    private final class Load {
        final List<String> incidents = java.util.Collections.synchronizedList(new ArrayList<>());
        private final int cycleNo;
        private final List<Thread> threads = new ArrayList<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        final Map<Integer, Long> statuses = new ConcurrentHashMap<>();
        volatile long attemptedCount;
        volatile long ackedCount;
        volatile long doubtCount;

        Load(int cycleNo, int clients) {
            this.cycleNo = cycleNo;
            for (int t = 0; t < clients; t++) {
                int client = t;
                threads.add(new Thread(() -> drive(client), "crash-load-" + t));
            }
        }

        void start() {
            threads.forEach(Thread::start);
        }

        void stopAndJoin() throws InterruptedException {
            running.set(false);
            for (Thread t : threads) {
                t.join(60_000);
            }
        }

        private void drive(int client) {
            long a = 0;
            long ok = 0;
            long doubt = 0;
            try (HttpLite http = new HttpLite("127.0.0.1", dist.httpPort, 30_000)) {
                for (int seq = 0; running.get(); seq++) {
                    String incident = runId + "-" + cycleNo + "-" + client + "-" + seq;
                    incidents.add(incident);
                    a++;
                    try {
                        HttpLite.Response r = http.send("POST", "/tandem/api/v1/cases", AUTH, CaseBodies.newCase(incident));
                        if (r.status() == 201) {
                            JsonNode body = JSON.readTree(r.body());
                            acked.put(incident, new Ack(body.path("id").asText(), body));
                            ok++;
                        } else {
                            inDoubt.put(incident, "status " + r.status());
                            if (statuses.merge(r.status(), 1L, Long::sum) == 1L) {
                                options.log().println("crash: first " + r.status() + " in cycle " + cycleNo + ": "
                                        + r.text().substring(0, Math.min(300, r.text().length())));
                            }
                            doubt++;
                        }
                    } catch (IOException e) {
                        // the kill cut the request: it may or may not have been committed
                        inDoubt.put(incident, e.toString());
                        statuses.merge(0, 1L, Long::sum);
                        doubt++;
                        break;
                    }
                }
            }
            synchronized (this) {
                attemptedCount += a;
                ackedCount += ok;
                doubtCount += doubt;
            }
        }
    }
}
