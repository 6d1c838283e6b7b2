package org.tandem.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.apache.karaf.jaas.modules.encryption.BasicEncryption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoUsersTest {

    @TempDir
    Path dir;

    @Test
    void addsAccountsWithAgencyGroupsOnceAndKeepsExistingEntries() throws Exception {
        Path file = dir.resolve("users.properties");
        Files.writeString(file, "# site users\nalice = secret,admin\n");

        assertThat(DemoUsers.install(file)).isGreaterThan(6);
        Properties p = load(file);
        assertThat(p.getProperty("alice")).isEqualTo("secret,admin");
        assertThat(p.getProperty("officer")).isEqualTo("demo,officer,_g_:agency-PD-DEMO");
        assertThat(p.getProperty("advocate")).isEqualTo("demo,advocate,_g_:agency-VSP-DEMO");
        assertThat(p.getProperty("_g_:agency-SO-DEMO")).isEqualTo("group");

        assertThat(DemoUsers.install(file)).isZero();
    }

    @Test
    void writesDemoPasswordsHashedTheWayTheShippedRealmChecksThem() throws Exception {
        // the distribution's own JAAS settings (karaf-assembly), next to the users file as in etc/
        Path shipped = Path.of("../../karaf-assembly/src/main/resources/assembly/etc", KarafPasswordHash.CONFIG_FILE);
        Files.copy(shipped, dir.resolve(KarafPasswordHash.CONFIG_FILE));
        Path file = dir.resolve("users.properties");
        Files.writeString(file, "alice = {CRYPT}ABC{CRYPT},admin\n");

        assertThat(DemoUsers.install(file)).isGreaterThan(6);
        Properties p = load(file);
        String officer = p.getProperty("officer");
        assertThat(officer).as("roles and agency group kept after the hash")
                .matches("\\{CRYPT\\}[0-9A-F]{128}\\{CRYPT\\},officer,_g_:agency-PD-DEMO");
        assertThat(p.getProperty("admin")).endsWith(",admin,_g_:admingroup");
        assertThat(p.getProperty("_g_:agency-PD-DEMO")).isEqualTo("group");
        assertThat(Files.readString(file)).doesNotContain("= demo");
        assertThat(p.getProperty("alice")).isEqualTo("{CRYPT}ABC{CRYPT},admin");

        // Karaf's own check (the realm strips prefix and suffix, then asks the basic encryption)
        String hash = officer.substring("{CRYPT}".length(), officer.indexOf("{CRYPT}", 1));
        BasicEncryption karaf = new BasicEncryption(Map.of("algorithm", "SHA-512", "encoding", "hexadecimal"));
        assertThat(karaf.checkPassword("demo", hash)).isTrue();
        assertThat(karaf.checkPassword("Demo", hash)).isFalse();
        assertThat(karaf.encryptPassword("demo")).isEqualTo(hash);
    }

    @Test
    void followsTheRealmsSettingsAndRefusesWhatItCannotHash() {
        Properties base64 = new Properties();
        base64.setProperty("encryption.enabled", "true");
        base64.setProperty("encryption.algorithm", "SHA-256");
        base64.setProperty("encryption.encoding", "base64");
        base64.setProperty("encryption.prefix", "{X}");
        base64.setProperty("encryption.suffix", "");
        String encoded = KarafPasswordHash.from(base64, "test").encode("demo");
        assertThat(encoded).startsWith("{X}");
        assertThat(new BasicEncryption(Map.of("algorithm", "SHA-256", "encoding", "base64"))
                .checkPassword("demo", encoded.substring(3))).isTrue();

        Properties off = new Properties();
        off.setProperty("encryption.enabled", "false");
        assertThat(KarafPasswordHash.from(off, "test").encode("demo")).isEqualTo("demo");

        Properties jasypt = new Properties();
        jasypt.setProperty("encryption.enabled", "true");
        jasypt.setProperty("encryption.name", "jasypt");
        jasypt.setProperty("encryption.algorithm", "SHA-256");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> KarafPasswordHash.from(jasypt, "jaas.cfg"))
                .hasMessageContaining("encryption.name = jasypt");
        Properties badAlgorithm = new Properties();
        badAlgorithm.setProperty("encryption.enabled", "true");
        badAlgorithm.setProperty("encryption.algorithm", "SHA-999");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> KarafPasswordHash.from(badAlgorithm, "jaas.cfg"))
                .hasMessageContaining("SHA-999");
    }

    private static Properties load(Path file) throws Exception {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        }
        return p;
    }
}
