package org.tandem.store.internal.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@link Jdbc#query} for statements whose parameters are not all strings (paging, instants, flags). */
public final class TypedQuery {

    private TypedQuery() {
    }

    /** Parameters may be String, Long, Integer, Boolean or Instant (bound through {@link Jdbc#setInstant}). */
    public static <T> List<T> query(Connection c, String sql, List<?> params, Jdbc.RowMapper<T> mapper)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                bind(ps, i + 1, params.get(i));
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

    private static void bind(PreparedStatement ps, int index, Object value) throws SQLException {
        if (value instanceof String s) {
            ps.setString(index, s);
        } else if (value instanceof Long l) {
            ps.setLong(index, l);
        } else if (value instanceof Integer n) {
            ps.setInt(index, n);
        } else if (value instanceof Boolean b) {
            ps.setBoolean(index, b);
        } else if (value instanceof Instant t) {
            Jdbc.setInstant(ps, index, t);
        } else {
            throw new IllegalArgumentException("Unsupported parameter type: " + value);
        }
    }
}
