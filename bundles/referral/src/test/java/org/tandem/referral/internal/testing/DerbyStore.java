package org.tandem.referral.internal.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.tandem.store.internal.cases.JdbcCaseRepository;
import org.tandem.store.internal.consent.JdbcConsentRepository;
import org.tandem.store.internal.migration.SchemaMigrator;
import org.tandem.store.internal.provider.JdbcProviderRepository;
import org.tandem.store.internal.referral.JdbcReferralRepository;

/** The real store repositories on a fresh, migrated embedded Derby database in a temp directory. */
public final class DerbyStore implements AutoCloseable {

    private final String name;
    public final DataSource dataSource;
    public final JdbcCaseRepository cases;
    public final JdbcConsentRepository consents;
    public final JdbcProviderRepository providers;
    public final JdbcReferralRepository referrals;

    public DerbyStore(Path dir) {
        name = dir.resolve("db").toString();
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(name);
        ds.setCreateDatabase("create");
        dataSource = ds;
        new SchemaMigrator(ds).migrate();
        cases = new JdbcCaseRepository(ds);
        consents = new JdbcConsentRepository(ds);
        providers = new JdbcProviderRepository(ds);
        referrals = new JdbcReferralRepository(ds);
    }

    public long count(String table) {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        EmbeddedDataSource shutdown = new EmbeddedDataSource();
        shutdown.setDatabaseName(name);
        shutdown.setShutdownDatabase("shutdown");
        try (Connection c = shutdown.getConnection()) {
            throw new IllegalStateException("Derby did not shut down");
        } catch (SQLException expected) {
            // 08006: shut down
        }
    }
}
