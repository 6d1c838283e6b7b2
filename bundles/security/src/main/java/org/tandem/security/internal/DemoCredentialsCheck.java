package org.tandem.security.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.api.ReadinessCheck;

/**
 * Outside demo mode, an account with the public demo password (left over from a demo run, or copied from the docs)
 * keeps {@code /health} DOWN and says which accounts and why, until the password is changed or the account removed.
 * Both plain and Karaf-hashed ({@code {CRYPT}...{CRYPT}}) entries are recognised. In demo mode it is always ready.
 */
@Component(service = ReadinessCheck.class, immediate = true)
public class DemoCredentialsCheck implements ReadinessCheck {

    static final String DEMO_PASSWORD = "demo";
    private static final Logger LOG = LoggerFactory.getLogger(DemoCredentialsCheck.class);

    private final Path usersFile;
    private final boolean demoMode;
    private FileTime checkedVersion;
    private FileTime hashCheckedVersion;
    private Set<String> offenders = Set.of();

    public DemoCredentialsCheck() {
        this(Path.of(System.getProperty("karaf.etc", "etc"), "users.properties"),
                "true".equalsIgnoreCase(System.getenv("TANDEM_DEMO"))
                        || "true".equalsIgnoreCase(System.getProperty("tandem.demo")));
    }

    DemoCredentialsCheck(Path usersFile, boolean demoMode) {
        this.usersFile = usersFile;
        this.demoMode = demoMode;
    }

    @Activate
    void activate() {
        if (!ready()) {
            // said once at start; /health says it on every call
            LOG.error("Production start refused: {}", reason());
        }
    }

    @Override
    public String name() {
        return "no demo passwords outside demo mode";
    }

    @Override
    public synchronized boolean ready() {
        warnAboutUnhashedPasswords();
        if (demoMode) {
            return true;
        }
        try {
            FileTime version = Files.exists(usersFile) ? Files.getLastModifiedTime(usersFile) : null;
            if (version == null) {
                offenders = Set.of();
            } else if (!version.equals(checkedVersion)) {
                offenders = usersWithDemoPassword(usersFile);
                checkedVersion = version;
            }
        } catch (IOException e) {
            LOG.warn("Could not read {}: {}", usersFile, e.getMessage());
            return false;
        }
        return offenders.isEmpty();
    }

    /**
     * With Karaf's password encryption on, a plain entry cannot log in, and Karaf hashes it only when the file is
     * modified in place (or at the next start): a file replaced by a rename leaves such accounts locked out without
     * a word. Said once per change of the file, as a WARN naming the accounts.
     */
    private void warnAboutUnhashedPasswords() {
        try {
            FileTime version = Files.exists(usersFile) ? Files.getLastModifiedTime(usersFile) : null;
            if (version == null || version.equals(hashCheckedVersion)) {
                return;
            }
            hashCheckedVersion = version;
            Set<String> plain = unhashedUsers(usersFile, usersFile.resolveSibling("org.apache.karaf.jaas.cfg"));
            if (!plain.isEmpty()) {
                LOG.warn("Account(s) {} in {} have a plain-text password although etc/org.apache.karaf.jaas.cfg has "
                        + "encryption.enabled = true: they cannot log in until Karaf hashes them (edit the file in "
                        + "place, or restart; docs/admin.md)", plain, usersFile);
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("Could not check password hashing in {}: {}", usersFile, e.getMessage());
        }
    }

    /** Users whose stored password lacks Karaf's encryption prefix while encryption is on; empty when it is off. */
    static Set<String> unhashedUsers(Path usersFile, Path jaasCfg) throws IOException {
        if (!Files.exists(jaasCfg) || !Files.exists(usersFile)) {
            return Set.of();
        }
        Properties jaas = new Properties();
        try (Reader in = Files.newBufferedReader(jaasCfg, StandardCharsets.ISO_8859_1)) {
            jaas.load(in);
        }
        if (!Boolean.parseBoolean(jaas.getProperty("encryption.enabled", "false").strip())) {
            return Set.of();
        }
        String prefix = jaas.getProperty("encryption.prefix", "").strip();
        String suffix = jaas.getProperty("encryption.suffix", "").strip();
        Properties users = new Properties();
        try (Reader in = Files.newBufferedReader(usersFile, StandardCharsets.ISO_8859_1)) {
            users.load(in);
        }
        Set<String> out = new TreeSet<>();
        for (String user : users.stringPropertyNames()) {
            if (user.startsWith("_g_:")) {
                continue;
            }
            String password = users.getProperty(user).split(",", 2)[0].strip();
            if (!(password.startsWith(prefix) && password.endsWith(suffix)
                    && password.length() > prefix.length() + suffix.length())) {
                out.add(user);
            }
        }
        return out;
    }

    synchronized String reason() {
        return "account(s) " + offenders + " in " + usersFile + " have the public demo password \"" + DEMO_PASSWORD
                + "\"; change their passwords or remove them (demo mode: TANDEM_DEMO=true)";
    }

    static Set<String> usersWithDemoPassword(Path file) throws IOException {
        Properties users = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            users.load(in);
        }
        List<String> demoForms = demoForms();
        Set<String> out = new TreeSet<>();
        for (String user : users.stringPropertyNames()) {
            if (user.startsWith("_g_:")) {
                continue;
            }
            String password = users.getProperty(user).split(",", 2)[0].strip();
            if (demoForms.contains(password) || demoForms.contains(password.toLowerCase(Locale.ROOT))) {
                out.add(user);
            }
        }
        return out;
    }

    /** "demo" as stored plain or hashed by Karaf's basic encryption (any digest it offers, hex or base64). */
    private static List<String> demoForms() {
        List<String> forms = new ArrayList<>(List.of(DEMO_PASSWORD));
        for (String algorithm : new String[] {"MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512"}) {
            try {
                byte[] digest = MessageDigest.getInstance(algorithm)
                        .digest(DEMO_PASSWORD.getBytes(StandardCharsets.UTF_8));
                for (String encoded : new String[] {HexFormat.of().formatHex(digest),
                    Base64.getEncoder().encodeToString(digest)}) {
                    forms.add("{CRYPT}" + encoded + "{CRYPT}");
                    forms.add(("{CRYPT}" + encoded + "{CRYPT}").toLowerCase(Locale.ROOT));
                }
            } catch (NoSuchAlgorithmException e) {
                // not offered by this JDK: Karaf could not have used it either
            }
        }
        return forms;
    }
}
