package org.tandem.store.internal.jdbc;

import java.sql.SQLException;

/**
 * A database operation failed. Unchecked so the repository interfaces stay free of JDBC types; carries
 * the SQLState so callers (and logs) can tell a constraint violation from an unreachable database.
 */
public class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** SQLState class 23 = integrity constraint violation; 23505 = unique/primary key (Derby and PostgreSQL). */
    private static final String DUPLICATE_KEY = "23505";

    private final String sqlState;

    public StoreException(String action, SQLException cause) {
        super(action + " failed [SQLState " + cause.getSQLState() + "]: " + describe(cause), cause);
        this.sqlState = cause.getSQLState();
    }

    /** Batches report the statement that failed as the "next" exception (PostgreSQL); include it. */
    private static String describe(SQLException e) {
        SQLException next = e.getNextException();
        return next == null || next == e ? e.getMessage() : e.getMessage() + " / " + next.getMessage();
    }

    public String sqlState() {
        return sqlState;
    }

    public boolean isDuplicateKey() {
        return DUPLICATE_KEY.equals(sqlState);
    }
}
