package org.tandem.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;

/** What the benchmark ran on, and how busy the machine was. */
final class Machine {

    private Machine() {
    }

    static String describe(Path workDir) {
        String cpu = grep(Path.of("/proc/cpuinfo"), "model name").orElse("?");
        String mem = grep(Path.of("/proc/meminfo"), "MemTotal").orElse("?");
        return String.format(Locale.ROOT, "%s; %d CPUs; %s; Linux %s; Java %s (%s); work dir %s (%s)", cpu,
                Runtime.getRuntime().availableProcessors(), mem, System.getProperty("os.version"),
                System.getProperty("java.version"), System.getProperty("java.vm.name"), workDir.toAbsolutePath(),
                fileSystem(workDir));
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "?";
        }
    }

    /**
     * A fixed single-threaded CPU workload (SHA-256 over 64 MiB, measured on its second run, once compiled) in
     * milliseconds: compare runs on the same machine, or the start and end of one run, to see how much the CPUs
     * were shared.
     */
    static long cpuReferenceMillis() {
        once();
        return once();
    }

    private static long once() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] block = new byte[64 * 1024];
            long t0 = System.nanoTime();
            for (int i = 0; i < 1024; i++) {
                block[0] = (byte) i;
                sha.update(block);
            }
            sha.digest();
            return (System.nanoTime() - t0) / 1_000_000;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static java.util.Optional<String> grep(Path file, String key) {
        try {
            List<String> lines = Files.readAllLines(file);
            return lines.stream().filter(l -> l.startsWith(key)).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim().replaceAll("\\s+", " "));
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    private static String fileSystem(Path dir) {
        try {
            var store = Files.getFileStore(dir.toAbsolutePath());
            return store.type() + " on " + store.name();
        } catch (IOException e) {
            return "?";
        }
    }
}
