package org.tandem.store.internal.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Where the chain starts: the latest purge anchor (V007), or genesis when nothing was purged.
 *
 * @param id the anchor row, 0 for genesis
 * @param throughSeq every record up to this sequence was purged
 * @param lastHash the hash of record {@code throughSeq}: the next record links to it
 */
record Anchor(long id, long throughSeq, String lastHash) {

    static final Anchor GENESIS = new Anchor(0, 0, AuditChain.GENESIS);

    static Anchor latest(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, purged_through_seq, last_hash FROM audit_anchor"
                + " ORDER BY purged_through_seq DESC OFFSET 0 ROWS FETCH NEXT 1 ROWS ONLY");
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? new Anchor(rs.getLong(1), rs.getLong(2), rs.getString(3)) : GENESIS;
        }
    }

    /** For messages: empty at genesis. */
    String describe() {
        return id == 0 ? "" : " (chain checked from purge anchor seq " + throughSeq + ")";
    }
}
