package org.tandem.store.internal.jdbc;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Collections;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The little JDBC plumbing the repositories share: connection/transaction scopes and typed,
 * null-safe parameter binding. Temporal values always go through a UTC calendar so the JVM default
 * time zone (and its DST gaps) can never shift what is stored or read, on Derby or PostgreSQL.
 */
public final class Jdbc {

    private static final Logger LOG = LoggerFactory.getLogger(Jdbc.class);
    private static final TimeZone UTC = TimeZone.getTimeZone(ZoneOffset.UTC);

    /** Work done with an open connection. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T apply(Connection connection) throws SQLException;
    }

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** Binds one list element (at its zero-based {@code position}) to an insert statement. */
    @FunctionalInterface
    public interface Binder<T> {
        void bind(PreparedStatement ps, int position, T item) throws SQLException;
    }

    private Jdbc() {
    }

    /** Runs {@code work} on a connection in the pool's default (auto-commit) mode, then closes it. */
    public static <T> T withConnection(DataSource dataSource, String action, SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.apply(c);
        } catch (SQLException e) {
            throw new StoreException(action, e);
        }
    }

    /**
     * Runs {@code work} in one transaction: commit on success, rollback on any failure (including
     * runtime exceptions thrown while binding parameters), auto-commit restored before the
     * connection goes back to the pool.
     */
    public static <T> T inTransaction(DataSource dataSource, String action, SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.apply(c);
                c.commit();
                return result;
            } catch (Throwable t) {
                rollback(c, t);
                throw t;
            } finally {
                restoreAutoCommit(c, autoCommit);
            }
        } catch (SQLException e) {
            throw new StoreException(action, e);
        }
    }

    /**
     * Inserts a row unless a row with the same unique key exists: looked up first so the normal duplicate case
     * raises no database error, and a concurrent insert that wins the race (duplicate key) also answers false.
     *
     * @param existsSql a query with one parameter, the key, that returns a row when it exists
     * @return true when {@code insert} ran and committed
     */
    public static boolean insertUnlessExists(DataSource dataSource, String action, String existsSql, String key,
            SqlWork<?> insert) {
        try {
            return inTransaction(dataSource, action, c -> {
                if (!query(c, existsSql, List.of(key), rs -> 1).isEmpty()) {
                    return false;
                }
                insert.apply(c);
                return true;
            });
        } catch (StoreException e) {
            if (e.isDuplicateKey()) {
                return false;
            }
            throw e;
        }
    }

    private static void rollback(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static void restoreAutoCommit(Connection c, boolean autoCommit) {
        try {
            c.setAutoCommit(autoCommit);
        } catch (SQLException e) {
            // the pool validates/resets connections; losing this must not mask the real outcome
            LOG.warn("Could not restore auto-commit on a pooled connection: {}", e.getMessage());
        }
    }

    /** Inserts every item of a list with one batched statement; the list position is passed on for ordering. */
    public static <T> void batch(Connection c, String sql, List<T> items, Binder<T> binder) throws SQLException {
        if (items.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < items.size(); i++) {
                binder.bind(ps, i, items.get(i));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Runs a query whose parameters are all strings and maps every row. */
    public static <T> List<T> query(Connection c, String sql, List<String> params, RowMapper<T> mapper)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                ps.setString(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
                return rows;
            }
        }
    }

    /** "?, ?, ?" for an IN list of {@code n} parameters. */
    public static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    public static void setString(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }

    public static void setEnum(PreparedStatement ps, int index, Enum<?> value) throws SQLException {
        setString(ps, index, value == null ? null : value.name());
    }

    /** Stores the instant as a UTC wall-clock TIMESTAMP with millisecond precision (see {@link #toStored}). */
    public static void setInstant(PreparedStatement ps, int index, Instant value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.TIMESTAMP);
        } else {
            ps.setTimestamp(index, Timestamp.from(toStored(value)), utc());
        }
    }

    public static Instant getInstant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column, utc());
        return ts == null ? null : ts.toInstant();
    }

    /** A DATE is a calendar day: bound as UTC midnight through a UTC calendar, so no zone can move it. */
    public static void setDate(PreparedStatement ps, int index, LocalDate value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.DATE);
        } else {
            ps.setDate(index, new Date(value.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli()), utc());
        }
    }

    public static LocalDate getDate(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column, utc());
        return d == null ? null : Instant.ofEpochMilli(d.getTime()).atZone(ZoneOffset.UTC).toLocalDate();
    }

    /**
     * The precision the store keeps: milliseconds. Derby keeps nanoseconds and PostgreSQL microseconds;
     * truncating on write makes both engines return exactly the same value.
     */
    public static Instant toStored(Instant value) {
        return value == null ? null : value.truncatedTo(ChronoUnit.MILLIS);
    }

    /** A fresh calendar per call: drivers mutate the calendar they are given, so it cannot be shared. */
    private static Calendar utc() {
        return new GregorianCalendar(UTC, Locale.ROOT);
    }
}
