package org.tandem.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCredentialsCheckTest {

    @TempDir
    Path dir;

    @Test
    void plainAndHashedDemoPasswordsKeepProductionDownUntilChanged() throws Exception {
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest("demo".getBytes(StandardCharsets.UTF_8)));
        Path users = dir.resolve("users.properties");
        Files.writeString(users, """
                officer = demo, officer, _g_\\:agency-PD-DEMO
                admin = {CRYPT}%s{CRYPT}, admin
                carol = s3cret-Long-passphrase, supervisor
                _g_\\:admingroup = group, admin
                """.formatted(sha256));
        DemoCredentialsCheck production = new DemoCredentialsCheck(users, false);

        assertThat(production.ready()).isFalse();
        assertThat(production.reason()).contains("[admin, officer]").doesNotContain("carol");
        assertThat(new DemoCredentialsCheck(users, true).ready()).as("demo mode").isTrue();

        Files.writeString(users, "officer = another-Long-passphrase, officer\nadmin = x9-Long-passphrase, admin\n");
        Files.setLastModifiedTime(users, FileTime.from(Instant.now().plusSeconds(5)));
        assertThat(production.ready()).as("re-read after the admin fixed the file").isTrue();

        Files.delete(users);
        assertThat(production.ready()).isTrue();
    }

    @Test
    void demoPasswordHashedAsTheDistributionStoresItIsRefusedToo() throws Exception {
        // etc/org.apache.karaf.jaas.cfg ships SHA-512, hexadecimal: Karaf writes upper-case hex
        String sha512 = HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-512")
                .digest("demo".getBytes(StandardCharsets.UTF_8)));
        String other = HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-512")
                .digest("s3cret-Long-passphrase".getBytes(StandardCharsets.UTF_8)));
        Path users = dir.resolve("users.properties");
        Files.writeString(users, """
                officer = {CRYPT}%s{CRYPT},officer,_g_:agency-PD-DEMO
                carol = {CRYPT}%s{CRYPT},supervisor,_g_:agency-PD-DEMO
                """.formatted(sha512, other));

        DemoCredentialsCheck production = new DemoCredentialsCheck(users, false);
        assertThat(production.ready()).isFalse();
        assertThat(production.reason()).contains("[officer]").doesNotContain("carol");
    }

    @Test
    void plainPasswordsWhileKarafEncryptionIsOnAreNamed() throws Exception {
        Path users = dir.resolve("users.properties");
        Path jaas = dir.resolve("org.apache.karaf.jaas.cfg");
        Files.writeString(users, """
                officer = {CRYPT}ABCDEF{CRYPT},officer,_g_:agency-PD-DEMO
                bob = plain-Passphrase-1,officer,_g_:agency-PD-DEMO
                _g_\\:agency-PD-DEMO = group
                """);
        assertThat(DemoCredentialsCheck.unhashedUsers(users, jaas)).as("no jaas cfg: Karaf's default, off").isEmpty();
        Files.writeString(jaas, "encryption.enabled = true\nencryption.prefix = {CRYPT}\nencryption.suffix = {CRYPT}\n");
        assertThat(DemoCredentialsCheck.unhashedUsers(users, jaas)).containsExactly("bob");
        Files.writeString(jaas, "encryption.enabled = false\n");
        assertThat(DemoCredentialsCheck.unhashedUsers(users, jaas)).isEmpty();
    }
}
