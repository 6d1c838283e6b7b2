package org.tandem.demo.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The demo accounts, written into the JAAS realm's {@code users.properties}. Entries an admin
 * already has are left alone; only missing ones are added. The file is replaced atomically so
 * the login module never reads half a file. The password is written the way Karaf's realm is configured to
 * store it ({@link KarafPasswordHash}: hashed when {@code encryption.enabled = true} in
 * {@code etc/org.apache.karaf.jaas.cfg}, as the distribution ships it).
 */
final class DemoUsers {

    static final String PASSWORD = "demo";

    record Account(String user, String agency, List<String> roles) {
    }

    static final List<Account> ACCOUNTS = List.of(
            new Account("officer", "PD-DEMO", List.of("officer")),
            new Account("supervisor", "PD-DEMO", List.of("supervisor")),
            new Account("officer2", "SO-DEMO", List.of("officer")),
            new Account("advocate", "VSP-DEMO", List.of("advocate")),
            // a police-based victim liaison: the advocate of PD-DEMO cases, who gets their follow-up tasks
            new Account("liaison", "PD-DEMO", List.of("advocate")),
            new Account("admin", null, List.of("admin", "_g_:admingroup")),
            new Account("integrator", "PD-DEMO", List.of("integrator")));

    private DemoUsers() {
    }

    /** With the hashing of {@code org.apache.karaf.jaas.cfg} next to the users file. @return the number of entries added */
    static int install(Path usersFile) throws IOException {
        return install(usersFile, KarafPasswordHash.fromConfig(usersFile.resolveSibling(KarafPasswordHash.CONFIG_FILE)));
    }

    /** @return the number of entries added */
    static int install(Path usersFile, KarafPasswordHash hash) throws IOException {
        String stored = hash.encode(PASSWORD);
        Properties existing = new Properties();
        if (Files.exists(usersFile)) {
            try (Reader in = Files.newBufferedReader(usersFile, StandardCharsets.ISO_8859_1)) {
                existing.load(in);
            }
        }
        Map<String, String> missing = new LinkedHashMap<>();
        for (Account a : ACCOUNTS) {
            StringBuilder value = new StringBuilder(stored);
            a.roles().forEach(r -> value.append(',').append(r));
            if (a.agency() != null) {
                value.append(",_g_:agency-").append(a.agency());
                missing.putIfAbsent("_g_:agency-" + a.agency(), "group");
            }
            missing.put(a.user(), value.toString());
        }
        missing.putIfAbsent("_g_:admingroup", "group,admin,manager,viewer,systembundles,ssh");
        missing.keySet().removeIf(existing::containsKey);
        if (missing.isEmpty()) {
            return 0;
        }
        StringBuilder text = new StringBuilder();
        if (Files.exists(usersFile)) {
            text.append(Files.readString(usersFile, StandardCharsets.ISO_8859_1));
            if (text.length() > 0 && text.charAt(text.length() - 1) != '\n') {
                text.append('\n');
            }
        }
        text.append("# Tandem demo accounts (TANDEM_DEMO=true); password \"").append(PASSWORD)
                .append(hash.enabled() ? "\" (stored hashed)\n" : "\"\n");
        missing.forEach((k, v) -> text.append(k.replace(":", "\\:")).append(" = ").append(v).append('\n'));
        Path tmp = usersFile.resolveSibling(usersFile.getFileName() + ".tmp");
        try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.ISO_8859_1)) {
            out.write(text.toString());
        }
        Files.move(tmp, usersFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return missing.size();
    }
}
