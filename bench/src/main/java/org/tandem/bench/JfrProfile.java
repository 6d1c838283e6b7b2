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

    /**
     * Subsystems in priority order: a sample belongs to the first subsystem that has any frame on its stack
     * (so Derby work done for a Tandem repository counts as Derby, Jackson called by CXF as JSON, and the
     * properties file parsing of a JAAS login as JAAS).
     */
    private static final Map<String, List<String>> LAYERS = new LinkedHashMap<>();

    static {
        LAYERS.put("JAAS login (LoginContext, login modules, audit)", List.of("javax.security.auth.login.", "org.apache.karaf.jaas."));
        LAYERS.put("EventAdmin", List.of("org.apache.felix.eventadmin."));
        LAYERS.put("Derby (SQL, store, log)", List.of("org.apache.derby."));
        LAYERS.put("connection pool (dbcp2)", List.of("org.apache.commons.dbcp2.", "org.apache.commons.pool2."));
        LAYERS.put("JSON (Jackson)", List.of("com.fasterxml.jackson."));
        LAYERS.put("logging", List.of("org.ops4j.pax.logging.", "org.apache.logging."));
        LAYERS.put("OSGi resolver (features resolution)", List.of("org.apache.felix.resolver."));
        LAYERS.put("Karaf features service", List.of("org.apache.karaf.features."));
        LAYERS.put("Camel", List.of("org.apache.camel."));
        LAYERS.put("JMX (management feature)", List.of("org.apache.aries.jmx.", "org.apache.karaf.management."));
        LAYERS.put("SSH", List.of("org.apache.sshd."));
        LAYERS.put("SCR (Declarative Services)", List.of("org.apache.felix.scr."));
        LAYERS.put("JAXB", List.of("com.sun.xml.bind.", "org.glassfish.jaxb.", "javax.xml.bind."));
        LAYERS.put("Tandem code (own work)", List.of("org.tandem."));
        LAYERS.put("CXF JAX-RS", List.of("org.apache.cxf."));
        LAYERS.put("Jetty / Pax Web", List.of("org.eclipse.jetty.", "org.ops4j.pax.web."));
        LAYERS.put("OSGi framework (class loading, services)", List.of("org.apache.felix.", "org.eclipse.equinox."));
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
        out.append("CPU samples by subsystem (first in priority order with a frame on the stack):\n");
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
        for (Map.Entry<String, List<String>> l : LAYERS.entrySet()) {
            for (RecordedFrame f : frames) {
                String type = f.getMethod().getType().getName();
                for (String prefix : l.getValue()) {
                    if (type.startsWith(prefix)) {
                        return l.getKey();
                    }
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
