package org.tandem.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A copy of the distribution archive unpacked into a folder and run as a real process, optionally
 * inside a network namespace that has nothing but loopback (no route to any Maven repository),
 * with an empty {@code user.home} so no {@code ~/.m2} can help.
 */
final class Distribution implements AutoCloseable {

    final Path home;
    final int httpPort;
    private final String namespace;
    private final Path emptyHome;
    private Process process;

    private Distribution(Path home, int httpPort, String namespace, Path emptyHome) {
        this.home = home;
        this.httpPort = httpPort;
        this.namespace = namespace;
        this.emptyHome = emptyHome;
    }

    static boolean canIsolateNetwork() {
        try {
            return run(List.of("ip", "netns", "list")) == 0 && "0".equals(new String(
                    new ProcessBuilder("id", "-u").start().getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim());
        } catch (IOException e) {
            return false;
        }
    }

    static Distribution unpack(Path workDir, boolean isolated) throws IOException {
        Path archive = Path.of(System.getProperty("tandem.archive"));
        workDir = workDir.toAbsolutePath();
        if (Files.exists(workDir)) {
            exec(List.of("rm", "-rf", workDir.toString()));
        }
        Files.createDirectories(workDir);
        exec(List.of("tar", "xzf", archive.toString(), "-C", workDir.toString()));
        Path home;
        try (var dirs = Files.list(workDir)) {
            home = dirs.filter(Files::isDirectory).filter(p -> p.getFileName().toString().startsWith("tandem-"))
                    .findFirst().orElseThrow();
        }
        int http = freePort();
        setProperty(home.resolve("etc/org.ops4j.pax.web.cfg"), "org.osgi.service.http.port", Integer.toString(http));
        setProperty(home.resolve("etc/org.apache.karaf.shell.cfg"), "sshPort", Integer.toString(freePort()));
        setProperty(home.resolve("etc/org.apache.karaf.management.cfg"), "rmiRegistryPort", Integer.toString(freePort()));
        setProperty(home.resolve("etc/org.apache.karaf.management.cfg"), "rmiServerPort", Integer.toString(freePort()));
        Path emptyHome = Files.createDirectories(workDir.resolve("empty-user-home"));
        String ns = null;
        if (isolated) {
            ns = "tandem-it-" + ProcessHandle.current().pid() + "-" + http;
            exec(List.of("ip", "netns", "add", ns));
            exec(List.of("ip", "netns", "exec", ns, "ip", "link", "set", "lo", "up"));
        }
        return new Distribution(home, http, ns, emptyHome);
    }

    /** Starts {@code bin/karaf server} in demo mode; output goes to {@code karaf.out}. */
    void start() throws IOException {
        List<String> cmd = new ArrayList<>(prefix());
        cmd.addAll(List.of(home.resolve("bin/karaf").toString(), "server"));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("karaf.out").toFile()));
        pb.environment().put("TANDEM_DEMO", "true");
        pb.environment().put("EXTRA_JAVA_OPTS", "-Duser.home=" + emptyHome);
        pb.environment().remove("MAVEN_OPTS");
        process = pb.start();
    }

    /** kill -9 of the Karaf JVM (not the launcher script): no shutdown hook, no clean Derby close. */
    void killHard() throws InterruptedException {
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

    /** curl inside the distribution's network namespace; returns "STATUS\nBODY". */
    String curl(String method, String path, String user, String jsonBody) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(prefix());
        cmd.addAll(List.of("curl", "-sS", "-m", "20", "-X", method, "-w", "\n%{http_code}", "-o", "-"));
        if (user != null) {
            cmd.addAll(List.of("-u", user + ":demo"));
        }
        if (jsonBody != null) {
            cmd.addAll(List.of("-H", "Content-Type: application/json", "--data-binary", jsonBody));
        }
        cmd.add("http://127.0.0.1:" + httpPort + "/tandem/api/v1" + path);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        int nl = out.lastIndexOf('\n');
        return nl < 0 ? "000\n" + out : out.substring(nl + 1).trim() + "\n" + out.substring(0, nl);
    }

    /** The namespace's interfaces and routes: only loopback, no route anywhere else. */
    String networkView() throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(prefix());
        cmd.addAll(List.of("sh", "-c", "ip -o link show; echo ROUTES; ip route show; ip -6 route show | grep -v '^::1'"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(10, TimeUnit.SECONDS);
        return out;
    }

    Optional<String> logTail() {
        try {
            Path log = home.resolve("data/log/karaf.log");
            List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
            return Optional.of(String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size())));
        } catch (IOException e) {
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

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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

    static String[] split(String statusAndBody) {
        int nl = statusAndBody.indexOf('\n');
        return new String[] {statusAndBody.substring(0, nl), statusAndBody.substring(nl + 1)};
    }

}
