package org.tandem.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * JFR on the Karaf JVM while a load runs ({@code jcmd <pid> JFR.start ... / JFR.stop}), and a summary of
 * the recording: where the CPU samples are (by layer, and the hottest methods), where threads sit in
 * native code (socket reads, fsync), and which monitors are contended.
 */
final class JfrProfile {

    /** Layers of the request path, matched against the frames of a sample from the top. First match wins. */
    private static final Map<String, String> LAYERS = new LinkedHashMap<>();

    static {
        LAYERS.put("org.apache.felix.resolver.", "OSGi resolver (features resolution)");
        LAYERS.put("org.apache.karaf.features.", "Karaf features service");
        LAYERS.put("org.apache.camel.", "Camel");
        LAYERS.put("org.apache.aries.jmx.", "JMX (management feature)");
        LAYERS.put("org.apache.karaf.management.", "JMX (management feature)");
        LAYERS.put("org.apache.sshd.", "SSH");
        LAYERS.put("org.apache.felix.scr.", "SCR (Declarative Services)");
        LAYERS.put("com.sun.xml.bind.", "JAXB");
        LAYERS.put("org.glassfish.jaxb.", "JAXB");
        LAYERS.put("org.apache.derby.", "Derby (SQL, store, log)");
        LAYERS.put("javax.security.auth.login.", "JAAS login");
        LAYERS.put("org.apache.karaf.jaas.", "JAAS login");
        LAYERS.put("com.fasterxml.jackson.", "Jackson (JSON)");
        LAYERS.put("org.tandem.", "Tandem code");
        LAYERS.put("org.apache.commons.dbcp2.", "connection pool (dbcp2)");
        LAYERS.put("org.apache.commons.pool2.", "connection pool (dbcp2)");
        LAYERS.put("org.apache.cxf.", "CXF JAX-RS");
        LAYERS.put("org.eclipse.jetty.", "Jetty / Pax Web");
        LAYERS.put("org.ops4j.pax.web.", "Jetty / Pax Web");
        LAYERS.put("org.ops4j.pax.logging.", "logging");
        LAYERS.put("org.apache.felix.", "OSGi framework");
    }

    private final String pid;
    private final Path file;

    JfrProfile(long pid, Path file) {
        this.pid = Long.toString(pid);
        this.file = file.toAbsolutePath();
    }

    void start() throws IOException, InterruptedException {
        jcmd("JFR.start", "name=tandem-bench", "settings=profile", "filename=" + file);
    }

    void stop() throws IOException, InterruptedException {
        jcmd("JFR.stop", "name=tandem-bench");
    }

    /** The JVM option that records from the JVM's start (for boot profiles); stop it with {@link #stopStartup}. */
    static String startupOption(Path file) {
        return "-XX:StartFlightRecording=name=boot,settings=profile,filename=" + file.toAbsolutePath();
    }

    void stopStartup() throws IOException, InterruptedException {
        jcmd("JFR.stop", "name=boot");
    }

    private void jcmd(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("jcmd", pid));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("jcmd " + String.join(" ", args) + " failed: " + out);
        }
    }

    /** A text summary of a recording (also usable on any .jfr file: {@code java -jar tandem-bench.jar jfr FILE}). */
    static String summarize(Path recording, int top) throws IOException {
        Map<String, Long> layers = new HashMap<>();
        Map<String, Long> selfMethods = new HashMap<>();
        Map<String, Long> tandemInclusive = new HashMap<>();
        Map<String, Long> nativeTop = new HashMap<>();
        Map<String, Long> monitors = new HashMap<>();
        Map<String, Long> monitorNanos = new HashMap<>();
        long samples = 0;
        long nativeSamples = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(recording)) {
            String type = e.getEventType().getName();
            RecordedStackTrace st = e.getStackTrace();
            switch (type) {
                case "jdk.ExecutionSample" -> {
                    if (st == null || st.getFrames().isEmpty()) {
                        continue;
                    }
                    samples++;
                    List<RecordedFrame> frames = st.getFrames();
                    selfMethods.merge(name(frames.get(0)), 1L, Long::sum);
                    layers.merge(layer(frames), 1L, Long::sum);
                    java.util.Set<String> seen = new java.util.HashSet<>();
                    for (RecordedFrame f : frames) {
                        String n = name(f);
                        if (n.startsWith("org.tandem.") && seen.add(n)) {
                            tandemInclusive.merge(n, 1L, Long::sum);
                        }
                    }
                }
                case "jdk.NativeMethodSample" -> {
                    if (st == null || st.getFrames().isEmpty()) {
                        continue;
                    }
                    nativeSamples++;
                    nativeTop.merge(name(st.getFrames().get(0)) + " <- " + firstApplicationFrame(st.getFrames()),
                            1L, Long::sum);
                }
                case "jdk.JavaMonitorEnter" -> {
                    String cls = e.getClass("monitorClass") == null ? "?" : e.getClass("monitorClass").getName();
                    String where = st == null ? "?" : firstApplicationFrame(st.getFrames());
                    String key = cls + " at " + where;
                    monitors.merge(key, 1L, Long::sum);
                    monitorNanos.merge(key, e.getDuration().toNanos(), Long::sum);
                }
                default -> { }
            }
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "JFR %s: %d execution samples, %d native samples%n", recording.getFileName(),
                samples, nativeSamples));
        out.append("CPU samples by layer (first matching frame from the top of the stack):\n");
        appendTop(out, layers, samples, 20);
        out.append("Hottest methods (self):\n");
        appendTop(out, selfMethods, samples, top);
        out.append("Tandem methods (inclusive):\n");
        appendTop(out, tandemInclusive, samples, top);
        out.append("Native samples (threads in native code; top frame <- first non-JDK frame):\n");
        appendTop(out, nativeTop, nativeSamples, top);
        out.append("Contended monitors (count, total blocked ms):\n");
        monitors.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
                .forEach(m -> out.append(String.format(Locale.ROOT, "  %6d %9.1f ms  %s%n", m.getValue(),
                        monitorNanos.get(m.getKey()) / 1e6, m.getKey())));
        return out.toString();
    }

    private static void appendTop(StringBuilder out, Map<String, Long> counts, long total, int top) {
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
                .forEach(c -> out.append(String.format(Locale.ROOT, "  %5.1f%%  %6d  %s%n",
                        total == 0 ? 0 : 100.0 * c.getValue() / total, c.getValue(), c.getKey())));
    }

    private static String layer(List<RecordedFrame> frames) {
        for (RecordedFrame f : frames) {
            String type = f.getMethod().getType().getName();
            for (Map.Entry<String, String> l : LAYERS.entrySet()) {
                if (type.startsWith(l.getKey())) {
                    return l.getValue();
                }
            }
        }
        String top = frames.get(0).getMethod().getType().getName();
        return top.startsWith("java.") || top.startsWith("jdk.") || top.startsWith("sun.") ? "JDK only" : "other";
    }

    private static String firstApplicationFrame(List<RecordedFrame> frames) {
        for (RecordedFrame f : frames) {
            String type = f.getMethod().getType().getName();
            if (!type.startsWith("java.") && !type.startsWith("jdk.") && !type.startsWith("sun.")) {
                return name(f);
            }
        }
        return "(JDK only)";
    }

    private static String name(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }
}
