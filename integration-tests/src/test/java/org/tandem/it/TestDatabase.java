package org.tandem.it;

import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import org.ops4j.pax.exam.Option;

/**
 * Which store the container under test uses: embedded Derby (default) or, with
 * {@code -Dtandem.it.db=postgresql}, a fresh database on the PostgreSQL server started by
 * {@code scripts/postgres.sh} — same migrations, same tests.
 */
final class TestDatabase {

    static final String DATASOURCE_CFG = "etc/org.ops4j.datasource-tandem.cfg";

    private TestDatabase() {
    }

    static boolean postgres() {
        return "postgresql".equals(System.getProperty("tandem.it.db"));
    }

    /** Expected prefix of {@code /health}'s store.database. */
    static String productPrefix() {
        return System.getProperty("tandem.it.dbProduct", "Apache Derby");
    }

    static Option[] containerOptions() {
        if (!postgres()) {
            return new Option[0];
        }
        String serverUrl = System.getProperty("tandem.it.pg.url");
        String user = System.getProperty("tandem.it.pg.user");
        String password = System.getProperty("tandem.it.pg.password");
        String database = "tandem_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(serverUrl, user, password); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database + " OWNER " + user);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database on " + serverUrl + " (scripts/postgres.sh start?)", e);
        }
        String url = serverUrl.substring(0, serverUrl.lastIndexOf('/') + 1) + database;
        // the whole file: the feature's configfile is not written over an existing one
        return options(
                editConfigurationFilePut(DATASOURCE_CFG, "dataSourceName", "tandem"),
                editConfigurationFilePut(DATASOURCE_CFG, "pool", "dbcp2"),
                editConfigurationFilePut(DATASOURCE_CFG, "xa", "false"),
                editConfigurationFilePut(DATASOURCE_CFG, "pool.maxTotal", "16"),
                editConfigurationFilePut(DATASOURCE_CFG, "osgi.jdbc.driver.name", "PostgreSQL JDBC Driver"),
                editConfigurationFilePut(DATASOURCE_CFG, "url", url),
                editConfigurationFilePut(DATASOURCE_CFG, "user", user),
                editConfigurationFilePut(DATASOURCE_CFG, "password", password),
                editConfigurationFilePut(DATASOURCE_CFG, "logServerErrorDetail", "false"),
                editConfigurationFilePut("etc/system.properties", "tandem.it.dbProduct", "PostgreSQL"));
    }
}
