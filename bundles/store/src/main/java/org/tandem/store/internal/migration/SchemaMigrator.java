package org.tandem.store.internal.migration;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.store.internal.jdbc.Jdbc;
import org.tandem.store.internal.jdbc.StoreException;

/**
 * Applies the numbered SQL files listed in {@code <folder>/index.txt} (one file name per line, {@code #}
 * comments allowed), in version order, each in its own transaction together with its row in
 * {@code tandem_schema_version}. The list comes from an index rather than a directory scan because a
 * bundle's class loader cannot list folders; resources are loaded through this class's own class loader,
 * which inside OSGi is the store bundle's. Statement splitting rules: see {@link SqlScript}.
 * <p>
 * Applied files must never change: a checksum mismatch stops the store, as does a database that holds
 * versions this bundle does not know (a newer store ran against it).
 */
public final class SchemaMigrator {

    public static final String DEFAULT_FOLDER = "db/migration";

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrator.class);
    private static final String TABLE = "tandem_schema_version";
    private static final String CREATE_TABLE = "CREATE TABLE " + TABLE + " ("
            + "version INT NOT NULL, description VARCHAR(200) NOT NULL, applied_at TIMESTAMP NOT NULL, "
            + "checksum VARCHAR(64) NOT NULL, CONSTRAINT pk_tandem_schema_version PRIMARY KEY (version))";
    /**
     * "Table already exists" when another node created it first: Derby X0Y32, PostgreSQL 42P07; two
     * concurrent CREATEs on PostgreSQL can also collide on its catalog's unique index (23505).
     */
    private static final Set<String> ALREADY_EXISTS = Set.of("X0Y32", "42P07", "23505");

    private final DataSource dataSource;
    private final String folder;

    public SchemaMigrator(DataSource dataSource) {
        this(dataSource, DEFAULT_FOLDER);
    }

    /** @param folder resource folder without leading slash, e.g. {@code db/migration} */
    public SchemaMigrator(DataSource dataSource, String folder) {
        this.dataSource = dataSource;
        this.folder = folder;
    }

    /** Brings the schema up to date. @throws IllegalStateException when the schema cannot be trusted or a migration fails */
    public MigrationResult migrate() {
        List<Migration> migrations = load();
        createVersionTableIfMissing();
        Map<Integer, String> applied = applied();
        verify(migrations, applied);
        List<Integer> done = new ArrayList<>();
        for (Migration m : migrations) {
            if (!applied.containsKey(m.version()) && apply(m)) {
                done.add(m.version());
            }
        }
        return new MigrationResult(done, currentVersion());
    }

    /**
     * Checks, without changing anything, that every known migration is applied unchanged (for
     * {@code migrateOnStart=false}, when a DBA applies the files). @return the current version
     */
    public int validate() {
        List<Migration> migrations = load();
        Map<Integer, String> applied;
        try {
            applied = applied();
        } catch (StoreException e) {
            throw new IllegalStateException("Database schema is not migrated (apply the migrations or set"
                    + " migrateOnStart=true): " + e.getMessage(), e);
        }
        verify(migrations, applied);
        List<String> pending = migrations.stream().filter(m -> !applied.containsKey(m.version()))
                .map(Migration::fileName).toList();
        if (!pending.isEmpty()) {
            throw new IllegalStateException("Database schema is not up to date, pending migrations " + pending
                    + " (apply them or set migrateOnStart=true)");
        }
        return currentVersion();
    }

    /** @return the highest applied version, 0 when none */
    public int currentVersion() {
        return Jdbc.withConnection(dataSource, "read schema version", c -> {
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT MAX(version) FROM " + TABLE)) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }

    /** The migrations listed in the index, validated to be in strictly increasing version order. */
    List<Migration> load() {
        List<Migration> migrations = new ArrayList<>();
        for (String line : read(folder + "/index.txt").split("\n")) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            Migration m = Migration.of(name, read(folder + "/" + name));
            if (!migrations.isEmpty() && m.version() <= migrations.get(migrations.size() - 1).version()) {
                throw new IllegalStateException("Migration index " + folder + "/index.txt must list versions in"
                        + " increasing order without duplicates: " + name);
            }
            migrations.add(m);
        }
        if (migrations.isEmpty()) {
            throw new IllegalStateException("Migration index " + folder + "/index.txt lists no migrations");
        }
        return migrations;
    }

    private String read(String resource) {
        ClassLoader loader = SchemaMigrator.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Migration resource not found: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read migration resource " + resource, e);
        }
    }

    private static void verify(List<Migration> migrations, Map<Integer, String> applied) {
        Map<Integer, Migration> known = new TreeMap<>();
        migrations.forEach(m -> known.put(m.version(), m));
        int maxApplied = 0;
        for (Map.Entry<Integer, String> row : applied.entrySet()) {
            Migration m = known.get(row.getKey());
            if (m == null) {
                throw new IllegalStateException("Database has schema version " + row.getKey()
                        + " which this store bundle does not know (was it migrated by a newer version?)");
            }
            checkChecksum(m, row.getValue());
            maxApplied = Math.max(maxApplied, m.version());
        }
        for (Migration m : migrations) {
            if (!applied.containsKey(m.version()) && m.version() < maxApplied) {
                throw new IllegalStateException("Migration " + m.fileName() + " is not applied but version "
                        + maxApplied + " is: migrations must be added with a version above the last applied one");
            }
        }
    }

    private static void checkChecksum(Migration m, String storedChecksum) {
        if (!m.checksum().equals(storedChecksum)) {
            throw new IllegalStateException("Checksum mismatch for applied migration " + m.fileName()
                    + ": the database recorded " + storedChecksum + " but the file now hashes to " + m.checksum()
                    + ". Applied migrations must never be edited; add a new migration instead.");
        }
    }

    /** @return true if applied now, false if another node applied it concurrently */
    private boolean apply(Migration m) {
        try {
            Jdbc.inTransaction(dataSource, "migration " + m.fileName(), c -> {
                execute(c, m);
                recordVersion(c, m);
                return null;
            });
            LOG.info("Applied schema migration {}", m.fileName());
            return true;
        } catch (StoreException e) {
            // on a shared database another node may have won the race for this version
            String theirs = applied().get(m.version());
            if (theirs == null) {
                throw new IllegalStateException("Schema migration " + m.fileName() + " failed and was rolled back: "
                        + e.getMessage(), e);
            }
            checkChecksum(m, theirs);
            LOG.info("Schema migration {} was applied concurrently by another node", m.fileName());
            return false;
        }
    }

    private static void execute(Connection c, Migration m) throws SQLException {
        List<String> statements = m.statements();
        try (Statement st = c.createStatement()) {
            for (int i = 0; i < statements.size(); i++) {
                try {
                    st.execute(statements.get(i));
                } catch (SQLException e) {
                    String head = statements.get(i).lines().findFirst().orElse("");
                    throw new SQLException("statement " + (i + 1) + " (" + head + "): " + e.getMessage(),
                            e.getSQLState(), e.getErrorCode(), e);
                }
            }
        }
    }

    private static void recordVersion(Connection c, Migration m) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO " + TABLE + " (version, description, applied_at, checksum) VALUES (?, ?, ?, ?)")) {
            ps.setInt(1, m.version());
            ps.setString(2, m.description());
            Jdbc.setInstant(ps, 3, Instant.now());
            ps.setString(4, m.checksum());
            ps.executeUpdate();
        }
    }

    private Map<Integer, String> applied() {
        return Jdbc.withConnection(dataSource, "read applied migrations", c -> {
            Map<Integer, String> applied = new TreeMap<>();
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT version, checksum FROM " + TABLE)) {
                while (rs.next()) {
                    applied.put(rs.getInt(1), rs.getString(2));
                }
            }
            return applied;
        });
    }

    /** Looks before creating so a normal start does not make the database log an error; tolerates losing a race. */
    private void createVersionTableIfMissing() {
        Jdbc.withConnection(dataSource, "create " + TABLE, c -> {
            if (!tableExists(c)) {
                try (Statement st = c.createStatement()) {
                    st.execute(CREATE_TABLE);
                    commitIfManual(c);
                    LOG.info("Created {}", TABLE);
                } catch (SQLException e) {
                    if (!ALREADY_EXISTS.contains(e.getSQLState())) {
                        throw e;
                    }
                    rollbackIfManual(c);
                }
            }
            return null;
        });
    }

    private static boolean tableExists(Connection c) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        // unquoted identifiers are folded: upper case on Derby, lower case on PostgreSQL
        String name = md.storesUpperCaseIdentifiers() ? TABLE.toUpperCase(Locale.ROOT) : TABLE;
        String pattern = name.replace("_", md.getSearchStringEscape() + "_");
        try (ResultSet rs = md.getTables(null, c.getSchema(), pattern, new String[] {"TABLE"})) {
            return rs.next();
        }
    }

    // a pool may hand out connections with auto-commit off; DDL must still be committed or undone
    private static void commitIfManual(Connection c) throws SQLException {
        if (!c.getAutoCommit()) {
            c.commit();
        }
    }

    private static void rollbackIfManual(Connection c) throws SQLException {
        if (!c.getAutoCommit()) {
            c.rollback();
        }
    }
}
