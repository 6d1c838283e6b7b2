package org.tandem.store.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.tandem.api.store.StoreInfo;

/**
 * Readiness facts about the store. The schema version and product are captured when the store starts
 * (this bundle's code matches that schema, and health checks must not fail on a slow metadata call);
 * {@link #ping()} is a live round trip.
 */
final class JdbcStoreInfo implements StoreInfo {

    private static final int PING_TIMEOUT_SECONDS = 2;

    private final DataSource dataSource;
    private final int schemaVersion;
    private final String databaseProduct;

    JdbcStoreInfo(DataSource dataSource, int schemaVersion, String databaseProduct) {
        this.dataSource = dataSource;
        this.schemaVersion = schemaVersion;
        this.databaseProduct = databaseProduct;
    }

    /** "Apache Derby 10.16.1.1 - (1901046)", "PostgreSQL 15.8": read once from the driver's metadata. */
    static String databaseProduct(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData md = c.getMetaData();
            return md.getDatabaseProductName() + " " + md.getDatabaseProductVersion();
        }
    }

    @Override
    public int schemaVersion() {
        return schemaVersion;
    }

    @Override
    public String databaseProduct() {
        return databaseProduct;
    }

    @Override
    public boolean ping() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(PING_TIMEOUT_SECONDS);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }
}
