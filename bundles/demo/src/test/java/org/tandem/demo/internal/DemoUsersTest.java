package org.tandem.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

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

    private static Properties load(Path file) throws Exception {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        }
        return p;
    }
}
