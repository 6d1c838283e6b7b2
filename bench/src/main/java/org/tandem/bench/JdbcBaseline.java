package org.tandem.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.Date;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.HdrHistogram.Histogram;

/**
 * The baseline for intake: a plain JDBC program inserting exactly the rows Tandem stores for the bench
 * case (1 victim_case, 1 case_offense, 2 case_need, 2 case_person, 3 person_channel), one transaction and
 * one commit per case, into an embedded Derby database configured like Tandem's:
 * <ul>
 * <li>the same Derby: the merged bundle from the distribution's {@code system/} folder, loaded in a class loader;</li>
 * <li>the same schema: the migrations listed in the store bundle's {@code db/migration/index.txt}, read from
 * the distribution's store jar;</li>
 * <li>the same {@code derby.*} system properties as the distribution's {@code etc/custom.system.properties}
 * (default durability: the log is synced at every commit);</li>
 * <li>a database folder on the same file system as the distribution's {@code data/}.</li>
 * </ul>
 * Each client thread keeps one connection and its prepared statements: the cheapest a plain JDBC program
 * can do, so the ratio is an honest upper bound of what the platform costs on top of the database.
 */
final class JdbcBaseline implements AutoCloseable {

    private static final TimeZone UTC = TimeZone.getTimeZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    private final Driver driver;
    private final String url;
    private final URLClassLoader loader;
    private final String runId;

    private JdbcBaseline(Driver driver, String url, URLClassLoader loader, String runId) {
        this.driver = driver;
        this.url = url;
        this.loader = loader;
        this.runId = runId;
    }

    /**
     * @param distHome an unpacked distribution (its Derby, store migrations and derby.* properties are used)
     * @param dbDir where the baseline database goes (same file system as the distribution's data/)
     */
    static JdbcBaseline create(Path distHome, Path dbDir, String runId) throws Exception {
        Path derbyJar = single(distHome.resolve("system/org/tandem/tandem-derby"), "tandem-derby-");
        Path storeJar = single(distHome.resolve("system/org/tandem/tandem-store"), "tandem-store-");
        Files.createDirectories(dbDir);
        for (var e : derbyProperties(distHome).entrySet()) {
            System.setProperty((String) e.getKey(), (String) e.getValue());
        }
        System.setProperty("derby.stream.error.file", dbDir.resolve("derby.log").toString());
        URLClassLoader loader = new URLClassLoader(new URL[] {derbyJar.toUri().toURL()},
                JdbcBaseline.class.getClassLoader());
        Driver driver = (Driver) loader.loadClass("org.apache.derby.jdbc.EmbeddedDriver")
                .getDeclaredConstructor().newInstance();
        String url = "jdbc:derby:" + dbDir.resolve("derby").toAbsolutePath() + ";create=true";
        JdbcBaseline baseline = new JdbcBaseline(driver, url, loader, runId);
        baseline.createSchema(storeJar);
        return baseline;
    }

    /** The derby.* properties the distribution sets (etc/custom.system.properties), except the log file. */
    static Properties derbyProperties(Path distHome) throws IOException {
        Properties all = new Properties();
        Path custom = distHome.resolve("etc/custom.system.properties");
        if (Files.exists(custom)) {
            try (var in = Files.newBufferedReader(custom, StandardCharsets.ISO_8859_1)) {
                all.load(in);
            }
        }
        Properties derby = new Properties();
        for (String key : all.stringPropertyNames()) {
            if (key.startsWith("derby.") && !key.equals("derby.stream.error.file")) {
                derby.setProperty(key, all.getProperty(key).trim());
            }
        }
        return derby;
    }

    private static Path single(Path dir, String prefix) throws IOException {
        try (var files = Files.walk(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix) && p.toString().endsWith(".jar"))
                    .findFirst().orElseThrow(() -> new IOException("no " + prefix + "*.jar under " + dir));
        }
    }

    private Connection connect() throws SQLException {
        Connection c = driver.connect(url, new Properties());
        if (c == null) {
            throw new SQLException("driver refused " + url);
        }
        return c;
    }

    private void createSchema(Path storeJar) throws IOException, SQLException {
        try (ZipFile jar = new ZipFile(storeJar.toFile()); Connection c = connect(); Statement st = c.createStatement()) {
            String index = read(jar, "db/migration/index.txt");
            for (String line : index.split("\n")) {
                String file = line.strip();
                if (file.isEmpty() || file.startsWith("#")) {
                    continue;
                }
                for (String sql : statements(read(jar, "db/migration/" + file))) {
                    st.execute(sql);
                }
            }
        }
    }

    private static String read(ZipFile jar, String name) throws IOException {
        ZipEntry e = jar.getEntry(name);
        if (e == null) {
            throw new IOException(name + " not in " + jar.getName());
        }
        try (InputStream in = jar.getInputStream(e)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The store migrator's rule: a statement ends with ';' at the end of a line; '--' lines are comments. */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--")) {
                continue;
            }
            if (trimmed.endsWith(";")) {
                current.append(trimmed, 0, trimmed.length() - 1);
                add(out, current);
            } else {
                current.append(line.stripTrailing()).append('\n');
            }
        }
        add(out, current);
        return out;
    }

    private static void add(List<String> out, StringBuilder current) {
        String sql = current.toString().strip();
        if (!sql.isEmpty()) {
            out.add(sql);
        }
        current.setLength(0);
    }

    /** Inserts {@code requests} cases from {@code clients} threads; same shape of result as the HTTP load. */
    IntakeLoad.Outcome run(String label, int clients, int requests) throws InterruptedException {
        Histogram histogram = new Histogram(60_000_000L, 3);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>();
        List<Histogram> perThread = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < clients; t++) {
            Histogram h = new Histogram(60_000_000L, 3);
            perThread.add(h);
            threads.add(new Thread(() -> {
                try (Writer w = new Writer(connect())) {
                    for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                        long t0 = System.nanoTime();
                        try {
                            w.insertCase(runId + "-" + label + "-" + i);
                        } catch (SQLException e) {
                            errors.incrementAndGet();
                            firstError.compareAndSet(null, e.toString());
                        }
                        h.recordValue(Math.max(1, (System.nanoTime() - t0) / 1000));
                    }
                } catch (SQLException e) {
                    errors.incrementAndGet();
                    firstError.compareAndSet(null, e.toString());
                }
            }, "jdbc-" + label + "-" + t));
        }
        long start = System.nanoTime();
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        long wall = System.nanoTime() - start;
        perThread.forEach(histogram::add);
        return new IntakeLoad.Outcome(clients, requests, wall, histogram, errors.get(), firstError.get());
    }

    /** One connection with its prepared statements; one transaction per case. */
    private static final class Writer implements AutoCloseable {
        private final Connection c;
        private final PreparedStatement insertCase;
        private final PreparedStatement insertOffense;
        private final PreparedStatement insertNeed;
        private final PreparedStatement insertPerson;
        private final PreparedStatement insertChannel;

        Writer(Connection c) throws SQLException {
            this.c = c;
            c.setAutoCommit(false);
            insertCase = c.prepareStatement("INSERT INTO victim_case (id, agency_id, status, incident_number,"
                    + " incident_ori, occurred_at, location, narrative, created_by, created_at, updated_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            insertOffense = c.prepareStatement("INSERT INTO case_offense (case_id, position, code) VALUES (?, ?, ?)");
            insertNeed = c.prepareStatement("INSERT INTO case_need (case_id, need, position) VALUES (?, ?, ?)");
            insertPerson = c.prepareStatement("INSERT INTO case_person (id, case_id, position, role, relationship,"
                    + " given_name, family_name, birth_date, language, email, phone, safe_from, safe_to, safe_zone,"
                    + " no_voicemail, safe_to_contact, alternate_contact)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            insertChannel = c.prepareStatement("INSERT INTO person_channel (person_id, position, channel) VALUES (?, ?, ?)");
        }

        void insertCase(String incident) throws SQLException {
            String caseId = newId();
            Timestamp now = Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MILLIS));
            try {
                insertCase.setString(1, caseId);
                insertCase.setString(2, "PD-DEMO");
                insertCase.setString(3, "OPEN");
                insertCase.setString(4, incident);
                insertCase.setString(5, "IL0160000");
                insertCase.setTimestamp(6, Timestamp.from(Instant.parse("2026-11-20T22:15:00Z")), utc());
                insertCase.setString(7, "400 Main St");
                insertCase.setString(8, "Assault at the residence.");
                insertCase.setString(9, "officer");
                insertCase.setTimestamp(10, now, utc());
                insertCase.setTimestamp(11, now, utc());
                insertCase.executeUpdate();

                insertOffense.setString(1, caseId);
                insertOffense.setInt(2, 0);
                insertOffense.setString(3, "13A");
                insertOffense.addBatch();
                insertOffense.executeBatch();

                String[] needs = {"COUNSELING", "SHELTER"};
                for (int i = 0; i < needs.length; i++) {
                    insertNeed.setString(1, caseId);
                    insertNeed.setString(2, needs[i]);
                    insertNeed.setInt(3, i);
                    insertNeed.addBatch();
                }
                insertNeed.executeBatch();

                String victim = newId();
                String mother = newId();
                person(victim, caseId, 0, "PRIMARY_VICTIM", null, "Maria", "Lopez", LocalDate.of(1990, 4, 2), "es",
                        "maria@example.org", "+12175550123", "09:00", "18:00", "America/Chicago", true, true);
                person(mother, caseId, 1, "SECONDARY_VICTIM", "MOTHER", "Ana", "Lopez", null, "es", null,
                        "+12175550199", null, null, null, false, true);
                insertPerson.executeBatch();

                channel(victim, 0, "SMS");
                channel(victim, 1, "EMAIL");
                channel(mother, 0, "VOICE");
                insertChannel.executeBatch();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }

        private void person(String id, String caseId, int position, String role, String relationship, String given,
                String family, LocalDate birth, String language, String email, String phone, String from, String to,
                String zone, boolean noVoicemail, boolean safeToContact) throws SQLException {
            PreparedStatement ps = insertPerson;
            ps.setString(1, id);
            ps.setString(2, caseId);
            ps.setInt(3, position);
            ps.setString(4, role);
            setString(ps, 5, relationship);
            ps.setString(6, given);
            setString(ps, 7, family);
            if (birth == null) {
                ps.setNull(8, java.sql.Types.DATE);
            } else {
                ps.setDate(8, new Date(birth.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli()), utc());
            }
            setString(ps, 9, language);
            setString(ps, 10, email);
            setString(ps, 11, phone);
            setString(ps, 12, from);
            setString(ps, 13, to);
            setString(ps, 14, zone);
            ps.setBoolean(15, noVoicemail);
            ps.setBoolean(16, safeToContact);
            setString(ps, 17, null);
            ps.addBatch();
        }

        private void channel(String personId, int position, String channel) throws SQLException {
            insertChannel.setString(1, personId);
            insertChannel.setInt(2, position);
            insertChannel.setString(3, channel);
            insertChannel.addBatch();
        }

        private static void setString(PreparedStatement ps, int i, String v) throws SQLException {
            if (v == null) {
                ps.setNull(i, java.sql.Types.VARCHAR);
            } else {
                ps.setString(i, v);
            }
        }

        @Override
        public void close() throws SQLException {
            c.close();
        }
    }

    /** Like Tandem's ids: 120 random bits in base32, 24 characters. */
    private static String newId() {
        byte[] bytes = new byte[15];
        RANDOM.nextBytes(bytes);
        StringBuilder b = new StringBuilder(24);
        int buffer = 0;
        int bits = 0;
        for (byte x : bytes) {
            buffer = (buffer << 8) | (x & 0xff);
            bits += 8;
            while (bits >= 5) {
                b.append(BASE32[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        return b.toString();
    }

    private static Calendar utc() {
        return new GregorianCalendar(UTC, Locale.ROOT);
    }

    @Override
    public void close() throws Exception {
        try {
            driver.connect("jdbc:derby:;shutdown=true", new Properties());
        } catch (SQLException expected) {
            // Derby reports a successful system shutdown as an exception (XJ015)
        }
        loader.close();
    }
}
