package org.tandem.demo.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Properties;

/**
 * A password as Karaf's JAAS realm expects it in {@code users.properties}, following
 * {@code etc/org.apache.karaf.jaas.cfg}: plain when {@code encryption.enabled} is false, otherwise the digest
 * that Karaf's {@code basic} encryption service computes ({@code encryption.algorithm} over the password's
 * bytes, {@code encryption.encoding} hexadecimal or base64) between {@code encryption.prefix} and
 * {@code encryption.suffix}.
 *
 * <p>Why the demo writes hashes itself: with encryption on, Karaf 4.4 accepts only entries that carry the prefix
 * and suffix (a plain entry is refused, its check cuts the prefix off unconditionally), and it hashes plain
 * entries only when it sees {@code users.properties} <em>modified in place</em> (a file watcher on
 * {@code ENTRY_MODIFY}, plus one pass at realm start). The demo replaces the file atomically (a rename:
 * {@code ENTRY_CREATE}), so plain demo passwords stayed plain and every demo login failed until the next
 * restart.
 */
final class KarafPasswordHash {

    static final String CONFIG_FILE = "org.apache.karaf.jaas.cfg";

    private final boolean enabled;
    private final String algorithm;
    private final boolean hex;
    private final String prefix;
    private final String suffix;

    private KarafPasswordHash(boolean enabled, String algorithm, boolean hex, String prefix, String suffix) {
        this.enabled = enabled;
        this.algorithm = algorithm;
        this.hex = hex;
        this.prefix = prefix;
        this.suffix = suffix;
    }

    static KarafPasswordHash plain() {
        return new KarafPasswordHash(false, null, true, "", "");
    }

    /** Reads Karaf's JAAS settings; a missing file means Karaf's default (encryption off). */
    static KarafPasswordHash fromConfig(Path jaasCfg) throws IOException {
        if (!Files.exists(jaasCfg)) {
            return plain();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(jaasCfg, StandardCharsets.ISO_8859_1)) {
            p.load(in);
        }
        return from(p, jaasCfg.toString());
    }

    static KarafPasswordHash from(Properties p, String source) {
        if (!Boolean.parseBoolean(value(p, "encryption.enabled", "false"))) {
            return plain();
        }
        String name = value(p, "encryption.name", "");
        if (!name.isEmpty() && !"basic".equalsIgnoreCase(name)) {
            throw new IllegalArgumentException(source + ": encryption.name = " + name
                    + " is not supported for the demo accounts (only the basic digest is); use encryption.name = basic"
                    + " or add the accounts yourself");
        }
        String algorithm = value(p, "encryption.algorithm", "");
        if (algorithm.isEmpty()) {
            throw new IllegalArgumentException(source + ": encryption.algorithm is required when encryption.enabled = true");
        }
        try {
            MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalArgumentException(source + ": encryption.algorithm = " + algorithm + " is not available", e);
        }
        String encoding = value(p, "encryption.encoding", "hexadecimal").toLowerCase(Locale.ROOT);
        if (!encoding.equals("hexadecimal") && !encoding.equals("base64")) {
            throw new IllegalArgumentException(source + ": encryption.encoding = " + encoding
                    + " is not supported (hexadecimal or base64)");
        }
        return new KarafPasswordHash(true, algorithm, encoding.equals("hexadecimal"),
                value(p, "encryption.prefix", ""), value(p, "encryption.suffix", ""));
    }

    private static String value(Properties p, String key, String fallback) {
        String v = p.getProperty(key);
        return v == null ? fallback : v.strip();
    }

    boolean enabled() {
        return enabled;
    }

    /** The value to store in {@code users.properties} for this password. */
    String encode(String password) {
        if (!enabled) {
            return password;
        }
        try {
            // Karaf's BasicEncryption digests String.getBytes() (the platform charset, UTF-8 on Java 18+ and in
            // Karaf's own start scripts): the same here, so non-ASCII passwords match too
            byte[] digest = MessageDigest.getInstance(algorithm).digest(password.getBytes());
            String encoded = hex ? HexFormat.of().withUpperCase().formatHex(digest)
                    : Base64.getEncoder().encodeToString(digest);
            return prefix + encoded + suffix;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
