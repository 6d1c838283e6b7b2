package org.tandem.bench;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.HdrHistogram.Histogram;
import org.tandem.it.harness.CrashHarness;
import org.tandem.it.harness.NotificationProbe;
import org.tandem.it.harness.Distribution;

/**
 * {@code java -jar tandem-bench.jar run --archive tandem-*.tar.gz [options]}: boot, footprint and intake
 * against a raw JDBC baseline measured in the same run; {@code crash ...}: the long crash run;
 * {@code jfr FILE}: a summary of a JFR recording. See bench/run.sh and bench/crash.sh.
 */
public final class BenchMain {

    private static final PrintStream OUT = System.out;

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
            System.exit(2);
        }
        Map<String, String> opts = options(Arrays.copyOfRange(args, 1, args.length));
        switch (args[0]) {
            case "run" -> run(opts);
            case "crash" -> System.exit(crash(opts));
            case "boots" -> boots(opts);
            case "jfr" -> OUT.print(JfrProfile.summarize(Path.of(opts.get("_")), Integer.parseInt(opts.getOrDefault("top", "25"))));
            default -> {
                usage();
                System.exit(2);
            }
        }
    }

    private static void usage() {
        OUT.println("""
                usage:
                  run   --archive tandem-*.tar.gz [--work DIR] [--boots 3] [--restarts 3] [--settle 5] [--requests 2000]
                        [--warmup 1000] [--clients 1,4,16] [--rounds 4] [--jfr] [--out FILE.md] [--java-opts "..."] [--skip-intake]
                        [--jfr-boot] (profile the first boot and restart) [--boot-features "-kar,-management,tandem-all=tandem-demo"]
                        [--set "file.cfg:key=value;..."]  (etc/ changes: before the first boot if the file ships in
                                                           the archive, else before the restarts)
                  crash --archive tandem-*.tar.gz [--work DIR] [--cycles 200] [--clients 4] [--min-load-ms 500]
                        [--max-load-ms 2500] [--seed N] [--full-sweep-every 10] [--weaken none|derby-test|memory]
                        [--notifications true|false] [--notification-pace-ms 50] (SMTP sink in this process)
                  boots --archive tandem-*.tar.gz --configs FILE.properties [--rounds 3] [--settle 5] [--work DIR]
                        (A/B boot comparison: every round boots each configuration once, fresh copy: first boot,
                         restart, idle RSS; ratios against the first configuration)
                  jfr   FILE.jfr [--top 25]""");
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                String key = args[i].substring(2);
                if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                    m.put(key, args[++i]);
                } else {
                    m.put(key, "true");
                }
            } else {
                m.put("_", args[i]);
            }
        }
        return m;
    }

    private static Path work(Map<String, String> opts, String kind) {
        return Path.of(opts.getOrDefault("work", "bench/target/" + kind + "-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")))).toAbsolutePath();
    }

    // ------------------------------------------------------------------------------------------------ run

    private static void run(Map<String, String> opts) throws Exception {
        Path archive = Path.of(required(opts, "archive"));
        Path work = work(opts, "run");
        int boots = Integer.parseInt(opts.getOrDefault("boots", "3"));
        int restarts = Integer.parseInt(opts.getOrDefault("restarts", "3"));
        Duration settle = Duration.ofSeconds(Long.parseLong(opts.getOrDefault("settle", "5")));
        int requests = Integer.parseInt(opts.getOrDefault("requests", "2000"));
        int warmup = Integer.parseInt(opts.getOrDefault("warmup", "1000"));
        int rounds = Integer.parseInt(opts.getOrDefault("rounds", "4"));
        int[] clients = Arrays.stream(opts.getOrDefault("clients", "1,4,16").split(",")).mapToInt(Integer::parseInt).toArray();
        String javaOpts = opts.getOrDefault("java-opts", "");
        List<String[]> settings = new ArrayList<>();
        for (String s : opts.getOrDefault("set", "").split(";")) {
            if (!s.isBlank()) {
                int colon = s.indexOf(':');
                int eq = s.indexOf('=', colon);
                settings.add(new String[] {s.substring(0, colon).trim(), s.substring(colon + 1, eq).trim(), s.substring(eq + 1).trim()});
            }
        }
        String runId = "B" + Long.toString(System.currentTimeMillis() % 100_000_000L, 36).toUpperCase(Locale.ROOT);
        Files.createDirectories(work);
        Report report = new Report();
        report.note("Machine: " + Machine.describe(work));
 report.note("Intake: closed-loop clients (next request when the previous answered), one keep-alive connection each;"
                + " baseline and Tandem alternate in " + rounds + " blocks per level; throughput = requests / time spent"
                + " in that system's blocks. Client and server share the machine's CPUs.");
        report.note("Distribution: " + archive.toAbsolutePath() + (javaOpts.isEmpty() ? "" : " with EXTRA_JAVA_OPTS " + javaOpts)
                + (settings.isEmpty() ? "" : "; etc/ changes: " + opts.get("set"))
                + (opts.containsKey("boot-features") ? "; boot features edited: " + opts.get("boot-features") : ""));
        long cpuBefore = Machine.cpuReferenceMillis();
        String loadBefore = Machine.loadAverage();
        log("work dir %s; load average %s; CPU reference %d ms", work, loadBefore, cpuBefore);

        // ---- boot
        if (opts.containsKey("jfr-boot")) {
            profileBoots(archive, work, javaOpts, settings, opts, report);
        }
        List<Long> cold = new ArrayList<>();
        List<Long> coldRss = new ArrayList<>();
        Distribution dist = null;
        for (int i = 0; i < boots; i++) {
            Distribution d = Distribution.unpack(archive, work.resolve("dist-" + i), false);
            d.extraJavaOpts(javaOpts);
            if (opts.containsKey("boot-features")) {
                d.editBootFeatures(opts.get("boot-features"));
            }
            for (String[] set : settings) {
                if (Files.exists(d.home.resolve("etc").resolve(set[0]))) {
                    d.configure(set[0], set[1], set[2]);
                }
            }
            long t0 = System.nanoTime();
            d.start();
            d.awaitHealthy(Duration.ofMinutes(5), Duration.ofMillis(100));
            cold.add((System.nanoTime() - t0) / 1_000_000);
            Thread.sleep(settle.toMillis());
            coldRss.add(d.rssKib());
            log("first boot %d: %d ms to /health 200, RSS %d MiB after %d s idle", i + 1, cold.get(i), coldRss.get(i) / 1024,
                    settle.toSeconds());
            if (i < boots - 1) {
                d.stop(Duration.ofSeconds(60));
                d.close();
                new ProcessBuilder("rm", "-rf", work.resolve("dist-" + i).toString()).start().waitFor();
            } else {
                dist = d;
            }
        }
        if (dist == null) {
            throw new IllegalArgumentException("--boots must be at least 1");
        }
        for (String[] set : settings) {
            // files created by features at the first boot: changed now, picked up by the restarts
            dist.configure(set[0], set[1], set[2]);
        }
        if (!settings.isEmpty() && restarts == 0) {
            throw new IllegalArgumentException("--set needs at least one restart (--restarts 1)");
        }
        List<Long> restart = new ArrayList<>();
        List<Long> restartRss = new ArrayList<>();
        for (int i = 0; i < restarts; i++) {
            dist.stop(Duration.ofSeconds(60));
            long t0 = System.nanoTime();
            dist.start();
            dist.awaitHealthy(Duration.ofMinutes(5), Duration.ofMillis(100));
            restart.add((System.nanoTime() - t0) / 1_000_000);

            Thread.sleep(settle.toMillis());
            restartRss.add(dist.rssKib());
            log("restart %d: %d ms to /health 200, RSS %d MiB after %d s idle", i + 1, restart.get(i),
                    restartRss.get(i) / 1024, settle.toSeconds());
        }
        report.row("first boot (clean data/) to /health 200, median of " + cold.size(), seconds(median(cold)) + " " + secondsList(cold),
                "", "", "<= 8 s", median(cold) <= 8000);
        if (!restart.isEmpty()) {
            report.row("restart (existing data/) to /health 200, median of " + restart.size(),
                    seconds(median(restart)) + " " + secondsList(restart), "", "", "<= 5 s", median(restart) <= 5000);
        }
        List<Long> rss = new ArrayList<>(coldRss);
        rss.addAll(restartRss);
        report.row("idle RSS of the Karaf JVM " + settle.toSeconds() + " s after /health 200, median of " + rss.size(),
                mib(median(rss)) + " (" + mib(rss.stream().mapToLong(Long::longValue).min().orElse(0)) + " - "
                        + mib(rss.stream().mapToLong(Long::longValue).max().orElse(0)) + ")",
                "", "", "<= 300 MB", median(rss) * 1024 <= 300_000_000L);

        // ---- intake against the JDBC baseline, level by level, interleaved
        if (!opts.containsKey("skip-intake")) {
            IntakeLoad tandem = new IntakeLoad(dist.httpPort, runId);
            try (JdbcBaseline baseline = JdbcBaseline.create(dist.home, work.resolve("baseline"), runId)) {
                log("warm-up: %d cases through JDBC, %d through Tandem (4 clients each)", warmup, warmup);
                check(baseline.run("warm", 4, warmup));
                check(tandem.run("warm", 4, warmup));
                int maxClients = Arrays.stream(clients).max().orElse(1);
                for (int c : clients) {
                    // alternate baseline and Tandem in blocks, so both see the same (shared, noisy) machine
                    IntakeLoad.Outcome b = null;
                    IntakeLoad.Outcome t = null;
                    List<Double> roundRatios = new ArrayList<>();
                    for (int r = 0; r < rounds; r++) {
                        int n = r < rounds - 1 ? requests / rounds : requests - (rounds - 1) * (requests / rounds);
                        IntakeLoad.Outcome rb = check(baseline.run("c" + c + "r" + r, c, n));
                        IntakeLoad.Outcome rt = check(tandem.run("c" + c + "r" + r, c, n));
                        roundRatios.add(rt.throughput() / rb.throughput());
                        b = IntakeLoad.merge(b, rb);
                        t = IntakeLoad.merge(t, rt);
                    }
                    String spread = String.format(Locale.ROOT, " (blocks %.2f-%.2f)",
                            roundRatios.stream().mapToDouble(Double::doubleValue).min().orElse(0),
                            roundRatios.stream().mapToDouble(Double::doubleValue).max().orElse(0));
                    if (opts.containsKey("jfr") && c == maxClients) {
                        // an extra Tandem block under JFR, not part of the figures (profiling costs a little)
                        JfrProfile jfr = new JfrProfile(dist.java().orElseThrow().pid(), work.resolve("intake-" + c + ".jfr"));
                        jfr.start();
                        IntakeLoad.Outcome profiled = check(tandem.run("c" + c + "jfr", c, requests));
                        jfr.stop();
                        String summary = String.format(Locale.ROOT, "Tandem, %d clients, %d requests under JFR: %.0f/s%n", c,
                                profiled.requests(), profiled.throughput())
                                + JfrProfile.summarize(work.resolve("intake-" + c + ".jfr"), 25);
                        Files.writeString(work.resolve("intake-" + c + ".jfr.txt"), summary);
                        report.profile(summary);
                    }
                    log("%2d clients: Tandem %.0f/s p50 %.1f ms p99 %.1f ms | JDBC %.0f/s p50 %.1f ms p99 %.1f ms",
                            c, t.throughput(), ms(t.latencyMicros(), 50), ms(t.latencyMicros(), 99), b.throughput(),
                            ms(b.latencyMicros(), 50), ms(b.latencyMicros(), 99));
                    double ratio = t.throughput() / b.throughput();
                    boolean top = c == maxClients;
                    report.row(String.format(Locale.ROOT, "intake POST /cases, %d client%s, %d requests: throughput", c,
                            c == 1 ? "" : "s", requests), perSecond(t), perSecond(b), ratio(ratio) + spread,
                            top ? ">= 0.7x" : "", top ? (Boolean) (ratio >= 0.7) : null);
                    double p99 = ms(t.latencyMicros(), 99);
                    report.row(String.format(Locale.ROOT, "intake %d client%s: latency p50 / p90 / p99 / max", c,
                            c == 1 ? "" : "s"), latencies(t.latencyMicros()), latencies(b.latencyMicros()),
                            ratio(ms(t.latencyMicros(), 99) / ms(b.latencyMicros(), 99)) + " (p99)",
                            top ? "p99 < 50 ms" : "", top ? (Boolean) (p99 < 50) : null);
                }
            }
            Thread.sleep(settle.toMillis());
            report.row("RSS of the Karaf JVM after the intake runs", mib(dist.rssKib()), "", "", "", null);
        }

        // ---- capabilities that may not exist yet
        for (OptionalBench b : OptionalBench.all()) {
            if (b.present(dist.home)) {
                for (OptionalBench.Row r : b.run(dist)) {
                    report.row(r);
                }
            } else {
                report.row(new OptionalBench.Row(b.name(), "n/a (feature not present)", "", "", b.target(), ""));
            }
        }
        dist.stop(Duration.ofSeconds(60));
        dist.close();

        long cpuAfter = Machine.cpuReferenceMillis();
        report.note(String.format(Locale.ROOT, "Load average before / after: %s / %s; CPU reference (SHA-256 of 64 MiB, "
                + "one thread) before / after: %d / %d ms", loadBefore, Machine.loadAverage(), cpuBefore, cpuAfter));
        String text = report.markdown();
        OUT.println();
        OUT.println(text);
        Path out = Path.of(opts.getOrDefault("out", work.resolve("results.md").toString()));
        Files.writeString(out, text, StandardCharsets.UTF_8);
        log("results written to %s", out);
    }

    // ------------------------------------------------------------------------------------------------ boots

    private static void boots(Map<String, String> opts) throws Exception {
        Path archive = Path.of(required(opts, "archive"));
        Path work = work(opts, "boots");
        int rounds = Integer.parseInt(opts.getOrDefault("rounds", "3"));
        Duration settle = Duration.ofSeconds(Long.parseLong(opts.getOrDefault("settle", "5")));
        java.util.Properties p = new java.util.Properties();
        try (var in = Files.newBufferedReader(Path.of(required(opts, "configs")))) {
            p.load(in);
        }
        List<String> names = Arrays.stream(p.getProperty("configs").split(",")).map(String::trim).toList();
        Map<String, List<Long>> first = new java.util.LinkedHashMap<>();
        Map<String, List<Long>> again = new java.util.LinkedHashMap<>();
        Map<String, List<Long>> rss = new java.util.LinkedHashMap<>();
        names.forEach(n -> {
            first.put(n, new ArrayList<>());
            again.put(n, new ArrayList<>());
            rss.put(n, new ArrayList<>());
        });
        Files.createDirectories(work);
        String loadBefore = Machine.loadAverage();
        List<Long> cpu = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            cpu.add(Machine.cpuReferenceMillis());
            for (String n : names) {
                Path dir = work.resolve(n + "-" + r);
                try (Distribution d = Distribution.unpack(archive, dir, false)) {
                    d.extraJavaOpts(p.getProperty(n + ".java-opts", ""));
                    for (String kv : p.getProperty(n + ".env", "").split(",")) {
                        if (kv.contains("=")) {
                            d.environment(kv.substring(0, kv.indexOf('=')).trim(), kv.substring(kv.indexOf('=') + 1).trim());
                        }
                    }
                    if (p.getProperty(n + ".boot-features") != null) {
                        d.editBootFeatures(p.getProperty(n + ".boot-features"));
                    }
                    long t0 = System.nanoTime();
                    d.start();
                    d.awaitHealthy(Duration.ofMinutes(5), Duration.ofMillis(100));
                    first.get(n).add((System.nanoTime() - t0) / 1_000_000);
                    Thread.sleep(settle.toMillis());
                    rss.get(n).add(d.rssKib());
                    d.stop(Duration.ofSeconds(60));
                    t0 = System.nanoTime();
                    d.start();
                    d.awaitHealthy(Duration.ofMinutes(5), Duration.ofMillis(100));
                    again.get(n).add((System.nanoTime() - t0) / 1_000_000);
                    Thread.sleep(settle.toMillis());
                    rss.get(n).add(d.rssKib());
                    d.stop(Duration.ofSeconds(60));
                    log("round %d %s: first boot %d ms, restart %d ms, RSS %d / %d MiB", r + 1, n,
                            first.get(n).get(r), again.get(n).get(r), rss.get(n).get(2 * r) / 1024,
                            rss.get(n).get(2 * r + 1) / 1024);
                }
                new ProcessBuilder("rm", "-rf", dir.toString()).start().waitFor();
            }
        }
        String base = names.get(0);
        StringBuilder b = new StringBuilder();
        b.append("| configuration | first boot (median) | vs ").append(base).append(" | restart (median) | vs ").append(base)
                .append(" | idle RSS (median) | vs ").append(base).append(" |\n|---|---|---|---|---|---|---|\n");
        for (String n : names) {
            b.append(String.format(Locale.ROOT, "| %s%s | %s %s | %.2fx | %s %s | %.2fx | %s | %.2fx |%n", n,
                    p.getProperty(n + ".description") == null ? "" : ": " + p.getProperty(n + ".description"),
                    seconds(median(first.get(n))), secondsList(first.get(n)),
                    (double) median(first.get(n)) / median(first.get(base)),
                    seconds(median(again.get(n))), secondsList(again.get(n)),
                    (double) median(again.get(n)) / median(again.get(base)),
                    mib(median(rss.get(n))), (double) median(rss.get(n)) / median(rss.get(base))));
        }
        b.append(String.format(Locale.ROOT, "%n- %d rounds; each round boots every configuration once from a fresh copy "
                + "(first boot, then a restart after a normal stop); RSS %d s after /health 200.%n", rounds, settle.toSeconds()));
        b.append("- Machine: ").append(Machine.describe(work)).append('\n');
        b.append("- Load average before / after: ").append(loadBefore).append(" / ").append(Machine.loadAverage())
                .append("; CPU reference per round (ms): ").append(cpu).append('\n');
        for (String n : names) {
            b.append("- ").append(n).append(": environment `").append(p.getProperty(n + ".env", "")).append("`, EXTRA_JAVA_OPTS `")
                    .append(p.getProperty(n + ".java-opts", ""))
                    .append("`, boot features `").append(p.getProperty(n + ".boot-features", "as shipped")).append("`\n");
        }
        OUT.println();
        OUT.println(b);
        Path out = Path.of(opts.getOrDefault("out", work.resolve("boots.md").toString()));
        Files.writeString(out, b.toString());
        log("results written to %s", out);
    }

    /** A first boot and a restart under JFR, on their own copy: not part of the figures (profiling costs). */
    private static void profileBoots(Path archive, Path work, String javaOpts, List<String[]> settings,
            Map<String, String> opts, Report report) throws Exception {
        try (Distribution d = Distribution.unpack(archive, work.resolve("dist-jfr"), false)) {
            if (opts.containsKey("boot-features")) {
                d.editBootFeatures(opts.get("boot-features"));
            }
            for (String[] set : settings) {
                if (Files.exists(d.home.resolve("etc").resolve(set[0]))) {
                    d.configure(set[0], set[1], set[2]);
                }
            }
            for (String phase : List.of("first-boot", "restart")) {
                Path jfr = work.resolve("boot-" + phase + ".jfr");
                d.extraJavaOpts(javaOpts + " " + JfrProfile.startupOption(jfr));
                long t0 = System.nanoTime();
                d.start();
                d.awaitHealthy(Duration.ofMinutes(5), Duration.ofMillis(100));
                long millis = (System.nanoTime() - t0) / 1_000_000;
                new JfrProfile(d.java().orElseThrow().pid(), jfr).stopStartup();
                String summary = String.format(Locale.ROOT, "%s under JFR (launch to /health 200: %d ms)%n", phase, millis)
                        + JfrProfile.summarize(jfr, 25);
                Files.writeString(work.resolve("boot-" + phase + ".jfr.txt"), summary);
                report.profile(summary);
                log("profiled %s: %d ms", phase, millis);
                d.stop(Duration.ofSeconds(60));
            }
        }
        new ProcessBuilder("rm", "-rf", work.resolve("dist-jfr").toString()).start().waitFor();
    }

    private static IntakeLoad.Outcome check(IntakeLoad.Outcome o) {
        if (o.errors() > 0) {
            throw new IllegalStateException(o.errors() + " of " + o.requests() + " requests failed, first: " + o.firstError());
        }
        return o;
    }

    // ------------------------------------------------------------------------------------------------ crash

    private static int crash(Map<String, String> opts) throws Exception {
        Path archive = Path.of(required(opts, "archive"));
        Path work = work(opts, "crash");
        int cycles = Integer.parseInt(opts.getOrDefault("cycles", "200"));
        CrashHarness.Weakening weakening = CrashHarness.Weakening.valueOf(
                opts.getOrDefault("weaken", "none").toUpperCase(Locale.ROOT).replace('-', '_'));
        CrashHarness.Options options = CrashHarness.Options.defaults(OUT)
                .withClients(Integer.parseInt(opts.getOrDefault("clients", "4")))
                .withLoad(Duration.ofMillis(Long.parseLong(opts.getOrDefault("min-load-ms", "500"))),
                        Duration.ofMillis(Long.parseLong(opts.getOrDefault("max-load-ms", "2500"))))
                .withSeed(Long.parseLong(opts.getOrDefault("seed", Long.toString(System.nanoTime()))))
                .withFullSweepEvery(Integer.parseInt(opts.getOrDefault("full-sweep-every", "10")));
        log("crash run: %d cycles, %d clients, load %d-%d ms before each kill -9, weakening %s, seed %d, work dir %s",
                cycles, options.clients(), options.minLoad().toMillis(), options.maxLoad().toMillis(), weakening,
                options.seed(), work);
        long t0 = System.nanoTime();
        boolean notifications = Boolean.parseBoolean(opts.getOrDefault("notifications", "true"));
        try (Distribution dist = Distribution.unpack(archive, work, false);
                NotificationProbe probe = notifications
                        ? new NotificationProbe(dist, Long.toString(Math.abs(options.seed() % 1_000_000_000L), 36).toUpperCase(Locale.ROOT),
                                Duration.ofMillis(Long.parseLong(opts.getOrDefault("notification-pace-ms", "50"))),
                                Duration.ofSeconds(90), OUT)
                        : null) {
            CrashHarness harness = new CrashHarness(dist, options);
            if (probe != null) {
                harness.with(probe);
            }
            if (weakening == CrashHarness.Weakening.DERBY_TEST) {
                harness.weaken(weakening);
            }
            harness.runCycles(0);
            if (weakening == CrashHarness.Weakening.MEMORY) {
                harness.weaken(weakening);
            }
            CrashHarness.Result r = harness.runCycles(cycles);
            harness.stop();
            OUT.println();
            OUT.printf(Locale.ROOT, "CRASH RESULT (%s, %.1f min, restart median %s): %s%n", weakening,
                    (System.nanoTime() - t0) / 6e10, seconds(median(r.restartMillis)), r);
            if (weakening == CrashHarness.Weakening.NONE) {
                OUT.println(r.clean() && r.acknowledged > 0 ? "PASS: every acknowledged case survived, no duplicates"
                        + (probe == null ? "" : "; every accepted notification delivered, none turned into two messages ("
                                + r.notificationsResent + " in-flight resends of the same Message-ID in " + r.cycles + " kills)")
                        : "FAIL");
                return r.clean() && r.acknowledged > 0 ? 0 : 1;
            }
            OUT.println(r.clean() ? "negative control did NOT detect loss with " + weakening
                    : "negative control detected loss with " + weakening);
            return 0;
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static String required(Map<String, String> opts, String key) {
        String v = opts.get(key);
        if (v == null) {
            throw new IllegalArgumentException("--" + key + " is required");
        }
        return v;
    }

    static void log(String format, Object... args) {
        OUT.printf(Locale.ROOT, "[bench %tT] " + format + "%n", prepend(System.currentTimeMillis(), args));
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    static long median(List<Long> values) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }

    private static double ms(Histogram h, double percentile) {
        return h.getValueAtPercentile(percentile) / 1000.0;
    }

    private static String latencies(Histogram h) {
        return String.format(Locale.ROOT, "%.1f / %.1f / %.1f / %.0f ms", ms(h, 50), ms(h, 90), ms(h, 99),
                h.getMaxValue() / 1000.0);
    }

    private static String perSecond(IntakeLoad.Outcome o) {
        return String.format(Locale.ROOT, "%.0f cases/s", o.throughput());
    }

    private static String ratio(double r) {
        return String.format(Locale.ROOT, "%.2fx", r);
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    private static String secondsList(List<Long> millis) {
        return "(" + String.join(", ", millis.stream().map(m -> String.format(Locale.ROOT, "%.1f", m / 1000.0)).toList()) + ")";
    }

    private static String mib(long kib) {
        return String.format(Locale.ROOT, "%d MiB (%d MB)", kib / 1024, kib * 1024 / 1_000_000);
    }
}
