package org.tandem.store.internal.encryption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ops4j.pax.jdbc.derby.impl.DerbyDataSourceFactory;
import org.tandem.api.cases.VictimCase;
import org.tandem.store.internal.cases.JdbcCaseRepository;
import org.tandem.store.internal.migration.SchemaMigrator;
import org.tandem.store.testing.TestCases;

/**
 * Derby encryption at rest as the distribution configures it: the shipped {@code org.ops4j.datasource-tandem.cfg}
 * with its opt-in {@code connectionAttributes} line uncommented, handed to the same pax-jdbc-derby
 * DataSourceFactory, the real migrations and case repository. A victim's name must not be readable in the
 * database files when encryption is on, and must be when it is off (so the scan can fail).
 */
class DerbyEncryptionAtRestTest {

    private static final String AGENCY = "TX0000000";
    private static final String PASSWORD = "Correct-Horse-Battery-42";
    private static final Path SHIPPED_CFG = Path.of("../../features/src/main/cfg/org.ops4j.datasource-tandem.cfg");

    @TempDir
    Path data;

    @Test
    void withEncryptionOnTheVictimsNameIsNotInTheFilesAndTheDatabaseNeedsTheBootPassword() throws Exception {
        Path db = data.resolve("tandem/derby");
        VictimCase stored = storeACase(dataSource(shippedConfig(true, PASSWORD)));
        shutdown(db, "bootPassword=" + PASSWORD);

        assertThat(Files.readString(db.resolve("service.properties"))).contains("dataEncryption=true")
                .contains("encryptionAlgorithm=AES/CBC/NoPadding").contains("encryptionKeyLength=256");
        assertThat(filesContaining(db, "Lopez")).as("files with the victim's name").isEmpty();
        assertThat(filesContaining(db, "Maria")).isEmpty();

        // no password, a wrong one, and the missing environment variable (interpolated to empty): not booted
        assertThat(bootFails(db, "")).contains("XBM06");
        assertThat(bootFails(db, "bootPassword=Wrong-Password-123")).contains("XBM06");
        assertThatThrownBy(() -> dataSource(shippedConfig(true, "")).getConnection()).isInstanceOf(SQLException.class);

        // with it, the case reads back
        DataSource again = dataSource(shippedConfig(true, PASSWORD));
        assertThat(new JdbcCaseRepository(again).find(AGENCY, stored.id())).contains(stored);
        shutdown(db, "bootPassword=" + PASSWORD);

        // key rotation: newBootPassword re-encrypts the key; afterwards only the new password boots
        String rotated = "Rotated-Passphrase-2027";
        try (Connection c = derby(db, "bootPassword=" + PASSWORD + ";newBootPassword=" + rotated).getConnection()) {
            assertThat(c.isValid(1)).isTrue();
        }
        shutdown(db, "bootPassword=" + rotated);
        assertThat(bootFails(db, "bootPassword=" + PASSWORD)).contains("XBM06");
        assertThat(new JdbcCaseRepository(dataSource(shippedConfig(true, rotated))).find(AGENCY, stored.id()))
                .contains(stored);
        shutdown(db, "bootPassword=" + rotated);
    }

    @Test
    void negativeControlWithoutEncryptionTheNameIsInTheFiles() throws Exception {
        Path db = data.resolve("tandem/derby");
        storeACase(dataSource(shippedConfig(false, null)));
        shutdown(db, "");
        assertThat(Files.readString(db.resolve("service.properties"))).doesNotContain("dataEncryption");
        assertThat(filesContaining(db, "Lopez")).as("the scan finds plain text").isNotEmpty();
    }

    @Test
    void anExistingUnencryptedDatabaseIsEncryptedInPlaceAtTheFirstStartWithEncryptionOn() throws Exception {
        Path db = data.resolve("tandem/derby");
        VictimCase stored = storeACase(dataSource(shippedConfig(false, null)));
        shutdown(db, "");
        assertThat(filesContaining(db, "Lopez")).isNotEmpty();

        DataSource encrypted = dataSource(shippedConfig(true, PASSWORD));
        assertThat(new JdbcCaseRepository(encrypted).find(AGENCY, stored.id())).contains(stored);
        shutdown(db, "bootPassword=" + PASSWORD);

        assertThat(Files.readString(db.resolve("service.properties"))).contains("dataEncryption=true");
        assertThat(filesContaining(db, "Lopez")).as("old plain pages and log files are gone").isEmpty();
        assertThat(bootFails(db, "")).contains("XBM06");
    }

    @Test
    void attributesAfterTheFirstInTheUrlAreSilentlyDroppedByPaxJdbcDerby() throws Exception {
        // why the cfg uses connectionAttributes: the url form looks right and stores everything in clear text
        Properties props = new Properties();
        props.setProperty("url", "jdbc:derby:" + data.resolve("tandem/derby")
                + ";create=true;dataEncryption=true;bootPassword=" + PASSWORD);
        storeACase(new DerbyDataSourceFactory().createDataSource(props));
        shutdown(data.resolve("tandem/derby"), "");
        assertThat(Files.readString(data.resolve("tandem/derby/service.properties"))).doesNotContain("dataEncryption");
    }

    /** The shipped cfg, with the encryption line uncommented or not, interpolated as Karaf would. */
    private Properties shippedConfig(boolean encrypted, String bootPassword) throws IOException {
        List<String> lines = new ArrayList<>();
        boolean found = false;
        for (String line : Files.readAllLines(SHIPPED_CFG, StandardCharsets.ISO_8859_1)) {
            if (line.startsWith("#connectionAttributes")) {
                found = true;
                if (encrypted) {
                    line = line.substring(1);
                }
            }
            lines.add(line.replace("${karaf.data}", data.toString().replace('\\', '/'))
                    .replace("${env:TANDEM_DERBY_BOOT_PASSWORD}", bootPassword == null ? "" : bootPassword));
        }
        assertThat(found).as("the shipped cfg offers the encryption line").isTrue();
        Properties cfg = new Properties();
        try (Reader in = new java.io.StringReader(String.join("\n", lines))) {
            cfg.load(in);
        }
        // what pax-jdbc-config hands to the DataSourceFactory: everything but its own and the pool's keys
        Properties factory = new Properties();
        for (String key : cfg.stringPropertyNames()) {
            if (!key.startsWith("pool") && !key.startsWith("factory.") && !key.startsWith("osgi.jdbc.")
                    && !key.equals("dataSourceName") && !key.equals("xa")) {
                factory.setProperty(key, cfg.getProperty(key));
            }
        }
        return factory;
    }

    private static DataSource dataSource(Properties props) throws SQLException {
        return new DerbyDataSourceFactory().createDataSource(props);
    }

    private static VictimCase storeACase(DataSource ds) {
        new SchemaMigrator(ds).migrate();
        VictimCase c = TestCases.sample(AGENCY, Instant.parse("2026-11-25T14:03:07.123Z"));
        new JdbcCaseRepository(ds).insert(c);
        return c;
    }

    private static EmbeddedDataSource derby(Path db, String attributes) {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(db.toString());
        if (!attributes.isEmpty()) {
            ds.setConnectionAttributes(attributes);
        }
        return ds;
    }

    /** The SQLState chain of a failed boot. */
    private static String bootFails(Path db, String attributes) {
        try (Connection c = derby(db, attributes).getConnection()) {
            shutdown(db, attributes);
            return "booted";
        } catch (SQLException e) {
            StringBuilder states = new StringBuilder();
            java.util.Set<Throwable> seen = new java.util.HashSet<>();
            java.util.Deque<Throwable> todo = new java.util.ArrayDeque<>(List.of(e));
            while (!todo.isEmpty()) {
                Throwable t = todo.pop();
                if (!seen.add(t)) {
                    continue;
                }
                if (t instanceof SQLException s) {
                    states.append(s.getSQLState()).append(' ');
                    if (s.getNextException() != null) {
                        todo.push(s.getNextException());
                    }
                }
                if (t.getCause() != null) {
                    todo.push(t.getCause());
                }
            }
            return states.toString();
        }
    }

    private static void shutdown(Path db, String attributes) {
        EmbeddedDataSource ds = derby(db, attributes);
        ds.setShutdownDatabase("shutdown");
        try (Connection c = ds.getConnection()) {
            throw new IllegalStateException("not shut down");
        } catch (SQLException e) {
            assertThat(e.getSQLState()).isIn("08006", "XJ004");
        }
    }

    private static List<Path> filesContaining(Path db, String text) throws IOException {
        byte[] needle = text.getBytes(StandardCharsets.US_ASCII);
        List<Path> hits = new ArrayList<>();
        for (String dir : new String[] {"seg0", "log"}) {
            try (Stream<Path> files = Files.list(db.resolve(dir))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".dat")).toList()) {
                    if (indexOf(Files.readAllBytes(f), needle) >= 0) {
                        hits.add(f);
                    }
                }
            }
        }
        return hits;
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
