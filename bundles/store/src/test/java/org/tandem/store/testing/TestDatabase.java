package org.tandem.store.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh, empty database for one test. Embedded Derby in a temp directory by default; with
 * {@code -Dtandem.test.db=postgresql} the same tests run against PostgreSQL (a throw-away schema in the
 * database named by {@code -Dtandem.test.postgres.url}), which is how portability of the SQL is checked.
 */
public abstract class TestDatabase implements AutoCloseable {

    /** Every table the store writes, children last. */
    public static final String[] TABLES = {"agency", "victim_case", "case_offense", "case_need", "case_person",
        "person_channel", "consent", "provider", "provider_service", "provider_language", "provider_area",
        "provider_location", "referral", "referral_service", "referral_transition",
        "notification", "notification_param", "notification_attempt", "processed_message", "registration",
        "compensation_claim", "dead_letter", "event_journal"};

    /** The versions listed in the real migration index, in order. */
    public static List<Integer> migrationVersions() {
        try (InputStream in = TestDatabase.class.getClassLoader().getResourceAsStream("db/migration/index.txt")) {
            List<Integer> versions = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String name = line.strip();
                if (!name.isEmpty() && !name.startsWith("#")) {
                    versions.add(Integer.parseInt(name.substring(1, name.indexOf("__"))));
                }
            }
            return versions;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The schema version a fully migrated database has. */
    public static int latestMigration() {
        List<Integer> versions = migrationVersions();
        return versions.get(versions.size() - 1);
    }

    public static TestDatabase create(Path tempDir) {
        String kind = System.getProperty("tandem.test.db", "derby").toLowerCase(Locale.ROOT);
        return switch (kind) {
            case "derby" -> new Derby(tempDir.resolve("db").toString());
            case "postgresql", "postgres" -> new Postgres(System.getProperty("tandem.test.postgres.url",
                    "jdbc:postgresql://localhost:5432/postgres?user=postgres"));
            default -> throw new IllegalArgumentException("tandem.test.db: derby or postgresql, not " + kind);
        };
    }

    public abstract DataSource dataSource();

    @Override
    public abstract void close();

    public long count(String table) {
        try (Connection c = dataSource().getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public void execute(String sql) {
        try (Connection c = dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Derby extends TestDatabase {

        private final String name;
        private final EmbeddedDataSource dataSource = new EmbeddedDataSource();

        Derby(String name) {
            this.name = name;
            dataSource.setDatabaseName(name);
            dataSource.setCreateDatabase("create");
        }

        @Override
        public DataSource dataSource() {
            return dataSource;
        }

        /**
         * Shuts the database down so its files are released; Derby reports success as SQLState 08006, and
         * XJ004 (not found) when the test never connected, so there is nothing to shut down.
         */
        @Override
        public void close() {
            EmbeddedDataSource shutdown = new EmbeddedDataSource();
            shutdown.setDatabaseName(name);
            shutdown.setShutdownDatabase("shutdown");
            try (Connection c = shutdown.getConnection()) {
                throw new IllegalStateException("Derby did not shut down " + name);
            } catch (SQLException e) {
                if (!"08006".equals(e.getSQLState()) && !"XJ004".equals(e.getSQLState())) {
                    throw new IllegalStateException("Derby shutdown failed", e);
                }
            }
        }
    }

    private static final class Postgres extends TestDatabase {

        private final String schema = "tandem_test_" + UUID.randomUUID().toString().replace("-", "");
        private final PGSimpleDataSource admin = new PGSimpleDataSource();
        private final PGSimpleDataSource dataSource = new PGSimpleDataSource();

        Postgres(String url) {
            admin.setURL(url);
            dataSource.setURL(url);
            dataSource.setCurrentSchema(schema);
            execute(admin, "CREATE SCHEMA " + schema);
        }

        @Override
        public DataSource dataSource() {
            return dataSource;
        }

        @Override
        public void close() {
            execute(admin, "DROP SCHEMA " + schema + " CASCADE");
        }

        private static void execute(DataSource ds, String sql) {
            try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
                st.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
