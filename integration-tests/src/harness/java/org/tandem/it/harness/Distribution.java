package org.tandem.it.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A copy of the distribution archive unpacked into a folder and run as a real process
 * ({@code bin/karaf server}, demo mode by default), optionally inside a network namespace that has
 * nothing but loopback (no route to any Maven repository), always with an empty {@code user.home}
 * so no {@code ~/.m2} can help. Every instance gets its own free HTTP, SSH and RMI ports.
 *
 * <p>Shared by the integration tests ({@code DistributionIT}, {@code CrashIT}) and the bench module
 * (boot timing, intake load, the long crash run): the source folder {@code src/harness/java} is
 * compiled into both.
 */
public final class Distribution implements AutoCloseable {

    public final Path home;
    public final int httpPort;
    private final String namespace;
    private final Path emptyHome;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private String extraJavaOpts = "";
    private Process process;

    private Distribution(Path home, int httpPort, String namespace, Path emptyHome) {
        this.home = home;
        this.httpPort = httpPort;
        this.namespace = namespace;
        this.emptyHome = emptyHome;
        environment.put("TANDEM_DEMO", "true");
    }

    public static boolean canIsolateNetwork() {
        try {
            return run(List.of("ip", "netns", "list")) == 0 && "0".equals(new String(
                    new ProcessBuilder("id", "-u").start().getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim());
        } catch (IOException e) {
            return false;
        }
    }

    /** Unpacks the archive named by the system property {@code tandem.archive} (set by failsafe). */
    public static Distribution unpack(Path workDir, boolean isolated) throws IOException {
        return unpack(Path.of(System.getProperty("tandem.archive")), workDir, isolated);
    }

    /** Unpacks {@code archive} (a {@code tandem-*.tar.gz}) into a fresh {@code workDir}. */
    public static Distribution unpack(Path archive, Path workDir, boolean isolated) throws IOException {
        workDir = workDir.toAbsolutePath();
        if (Files.exists(workDir)) {
            exec(List.of("rm", "-rf", workDir.toString()));
        }
        Files.createDirectories(workDir);
        exec(List.of("tar", "xzf", archive.toAbsolutePath().toString(), "-C", workDir.toString()));
        Path home;
        try (var dirs = Files.list(workDir)) {
            home = dirs.filter(Files::isDirectory).filter(p -> p.getFileName().toString().startsWith("tandem-"))
                    .findFirst().orElseThrow(() -> new IOException("no tandem-* folder in " + archive));
        }
        int[] ports = freePorts(4);
        int http = ports[0];
        setProperty(home.resolve("etc/org.ops4j.pax.web.cfg"), "org.osgi.service.http.port", Integer.toString(http));
        setProperty(home.resolve("etc/org.apache.karaf.shell.cfg"), "sshPort", Integer.toString(ports[1]));
        setProperty(home.resolve("etc/org.apache.karaf.management.cfg"), "rmiRegistryPort", Integer.toString(ports[2]));
        setProperty(home.resolve("etc/org.apache.karaf.management.cfg"), "rmiServerPort", Integer.toString(ports[3]));
        Path emptyHome = Files.createDirectories(workDir.resolve("empty-user-home"));
        String ns = null;
        if (isolated) {
            ns = "tandem-it-" + ProcessHandle.current().pid() + "-" + http;
            exec(List.of("ip", "netns", "add", ns));
            exec(List.of("ip", "netns", "exec", ns, "ip", "link", "set", "lo", "up"));
        }
        return new Distribution(home, http, ns, emptyHome);
    }

    /** Sets (or replaces) {@code key} in {@code etc/<file>} of this copy; takes effect at the next start. */
    public void configure(String etcFile, String key, String value) throws IOException {
        setProperty(home.resolve("etc").resolve(etcFile), key, value);
    }

    /**
     * Sets several keys of {@code etc/<file>} in one atomic replacement (temp file + move), for live changes of a
     * running distribution: FileInstall must never read a half-written file or miss a second write made within the
     * same second (it compares size and modification time).
     */
    public void configureLive(String etcFile, java.util.Map<String, String> values) throws IOException {
        Path cfg = home.resolve("etc").resolve(etcFile);
        List<String> lines = Files.exists(cfg) ? new ArrayList<>(Files.readAllLines(cfg)) : new ArrayList<>();
        for (java.util.Map.Entry<String, String> e : values.entrySet()) {
            lines.removeIf(l -> l.trim().startsWith(e.getKey() + " ") || l.trim().startsWith(e.getKey() + "="));
            lines.add(e.getKey() + " = " + e.getValue());
        }
        Path tmp = cfg.resolveSibling("." + etcFile + ".tmp");
        Files.write(tmp, lines);
        Files.move(tmp, cfg, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Edits {@code featuresBoot} in {@code etc/org.apache.karaf.features.cfg} (effective at the first boot only):
     * {@code -name} drops a feature, {@code old=new} replaces one, {@code +name} adds one.
     */
    public void editBootFeatures(String edits) throws IOException {
        Path cfg = home.resolve("etc/org.apache.karaf.features.cfg");
        String text = Files.readString(cfg);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^featuresBoot\\s*=\\s*((?:.*\\\\\\R)*.*)$").matcher(text);
        if (!m.find()) {
            throw new IOException("no featuresBoot in " + cfg);
        }
        List<String> features = new ArrayList<>();
        for (String f : m.group(1).replace("\\", "").split(",")) {
            if (!f.isBlank()) {
                features.add(f.trim());
            }
        }
        for (String edit : edits.split(",")) {
            String e = edit.trim();
            if (e.startsWith("-")) {
                features.removeIf(f -> f.equals(e.substring(1)) || f.startsWith(e.substring(1) + "/"));
            } else if (e.startsWith("+")) {
                features.add(e.substring(1));
            } else if (e.contains("=")) {
                String from = e.substring(0, e.indexOf('='));
                String to = e.substring(e.indexOf('=') + 1);
                features.replaceAll(f -> f.equals(from) || f.startsWith(from + "/") ? to : f);
            }
        }
        Files.writeString(cfg, text.substring(0, m.start()) + "featuresBoot = " + String.join(", ", features)
                + text.substring(m.end()));
    }

    /** A JVM system property for the next starts, through {@code etc/custom.system.properties}. */
    public void systemProperty(String key, String value) throws IOException {
        configure("custom.system.properties", key, value);
    }

    /** Extra JVM options for the next starts ({@code EXTRA_JAVA_OPTS} of {@code bin/karaf}). */
    public void extraJavaOpts(String opts) {
        this.extraJavaOpts = opts == null ? "" : opts;
    }

    /** An environment variable for the next starts ({@code TANDEM_DEMO=true} is set by default). */
    public void environment(String name, String value) {
        if (value == null) {
            environment.remove(name);
        } else {
            environment.put(name, value);
        }
    }

    /** Starts {@code bin/karaf server}; output goes to {@code karaf.out}. */
    public void start() throws IOException {
        List<String> cmd = new ArrayList<>(prefix());
        cmd.addAll(List.of(home.resolve("bin/karaf").toString(), "server"));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("karaf.out").toFile()));
        pb.environment().putAll(environment);
        pb.environment().put("EXTRA_JAVA_OPTS", ("-Duser.home=" + emptyHome + " " + extraJavaOpts).trim());
        pb.environment().remove("MAVEN_OPTS");
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        process = pb.start();
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** The Karaf JVM: the {@code java} child of {@code bin/karaf}, once it has been launched. */
    public Optional<ProcessHandle> java() {
        if (process == null) {
            return Optional.empty();
        }
        return process.descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .findFirst();
    }

    /** kill -9 of the Karaf JVM (not the launcher script): no shutdown hook, no clean Derby close. */
    public void killHard() throws InterruptedException {
        List<ProcessHandle> javas = process.descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false)).toList();
        if (javas.isEmpty()) {
            throw new IllegalStateException("no Karaf JVM found under " + process.pid());
        }
        for (ProcessHandle java : javas) {
            java.destroyForcibly();
        }
        process.waitFor(60, TimeUnit.SECONDS);
    }

    /** A normal stop: SIGTERM to the Karaf JVM (its shutdown hook stops the framework), then waits for it. */
    public void stop(Duration timeout) throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        java().ifPresent(ProcessHandle::destroy);
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            killHard();
        }
    }

    /** Resident set size of the Karaf JVM in KiB, from {@code /proc/<pid>/status}. */
    public long rssKib() throws IOException {
        long pid = java().orElseThrow(() -> new IllegalStateException("Karaf JVM not running")).pid();
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IOException("no VmRSS for " + pid);
    }

    /** Base URI of the API, e.g. {@code http://127.0.0.1:PORT/tandem/api/v1}. */
    public String apiBase() {
        return "http://127.0.0.1:" + httpPort + "/tandem/api/v1";
    }

    /** GET /health answers 200 (through the network namespace when isolated). */
    public boolean healthy() {
        try {
            if (namespace != null) {
                return curl("GET", "/health", null, null).startsWith("200");
            }
            try (HttpLite http = new HttpLite("127.0.0.1", httpPort, 5_000)) {
                return http.send("GET", "/tandem/api/v1/health", null, null).status() == 200;
            }
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Polls {@code /health} every {@code poll} until it answers 200.
     *
     * @return the time from the call to the first 200
     * @throws IllegalStateException with the log tail when it does not become healthy in time or the process dies
     */
    public Duration awaitHealthy(Duration timeout, Duration poll) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        long nextLogCheck = start + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (healthy()) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException("Karaf exited with " + process.exitValue() + "; log tail:\n"
                        + logTail().orElse("-"));
            }
            if (System.nanoTime() > nextLogCheck && (nextLogCheck += 5_000_000_000L) > 0
                    && logContains("Unable to start Pax Web server")) {
                throw new IllegalStateException("the HTTP port " + httpPort + " could not be bound; log tail:\n"
                        + logTail().orElse("-"));
            }
            Thread.sleep(poll.toMillis());
        }
        throw new IllegalStateException("not healthy within " + timeout + "; log tail:\n" + logTail().orElse("-"));
    }

    /** curl inside the distribution's network namespace; returns "STATUS\nBODY". */
    public String curl(String method, String path, String user, String jsonBody) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(prefix());
        cmd.addAll(List.of("curl", "-sS", "-m", "20", "-X", method, "-w", "\n%{http_code}", "-o", "-"));
        if (user != null) {
            cmd.addAll(List.of("-u", user + ":demo"));
        }
        if (jsonBody != null) {
            cmd.addAll(List.of("-H", "Content-Type: application/json", "--data-binary", jsonBody));
        }
        cmd.add(apiBase() + path);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        int nl = out.lastIndexOf('\n');
        return nl < 0 ? "000\n" + out : out.substring(nl + 1).trim() + "\n" + out.substring(0, nl);
    }

    /** The namespace's interfaces and routes: only loopback, no route anywhere else. */
    public String networkView() throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(prefix());
        cmd.addAll(List.of("sh", "-c", "ip -o link show; echo ROUTES; ip route show; ip -6 route show | grep -v '^::1'"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(10, TimeUnit.SECONDS);
        return out;
    }

    private boolean logContains(String text) {
        try {
            Path log = home.resolve("data/log/karaf.log");
            return Files.exists(log) && Files.readString(log, StandardCharsets.ISO_8859_1).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    public Optional<String> logTail() {
        try {
            Path log = home.resolve("data/log/karaf.log");
            List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
            return Optional.of(String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size())));
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() throws Exception {
        if (process != null && process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        if (namespace != null) {
            run(List.of("ip", "netns", "del", namespace));
        }
    }

    private List<String> prefix() {
        return namespace == null ? List.of() : List.of("ip", "netns", "exec", namespace);
    }

    private static void setProperty(Path cfg, String key, String value) throws IOException {
        List<String> lines = Files.exists(cfg) ? new ArrayList<>(Files.readAllLines(cfg)) : new ArrayList<>();
        lines.removeIf(l -> l.trim().startsWith(key + " ") || l.trim().startsWith(key + "="));
        lines.add(key + " = " + value);
        Files.write(cfg, lines);
    }

    /**
     * Distinct ports that are free now, below Linux's ephemeral range (32768-60999) so that the random ports
     * other processes get from the kernel meanwhile (other builds, other tests) cannot take them.
     */
    private static int[] freePorts(int n) {
        java.util.Random random = new java.util.Random();
        List<ServerSocket> held = new ArrayList<>();
        try {
            while (held.size() < n) {
                int candidate = 20_000 + random.nextInt(12_000);
                try {
                    ServerSocket s = new ServerSocket();
                    s.setReuseAddress(false);
                    s.bind(new java.net.InetSocketAddress(candidate));
                    held.add(s);
                } catch (IOException inUse) {
                    // try another
                }
            }
            return held.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } finally {
            for (ServerSocket s : held) {
                try {
                    s.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    private static void exec(List<String> cmd) throws IOException {
        int rc = run(cmd);
        if (rc != 0) {
            throw new IOException("command failed (" + rc + "): " + String.join(" ", cmd));
        }
    }

    private static int run(List<String> cmd) throws IOException {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    public static String[] split(String statusAndBody) {
        int nl = statusAndBody.indexOf('\n');
        return new String[] {statusAndBody.substring(0, nl), statusAndBody.substring(nl + 1)};
    }
}
