package org.tandem.store.internal.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

import org.tandem.api.audit.AuditEvent;
import org.tandem.api.audit.AuditRecord;

/** The chain's hash function, shared by the writer and the verifier so both compute exactly the same text. */
final class AuditChain {

    static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    static String hash(String previousHash, long seq, Instant recordedAt, AuditEvent e) {
        StringBuilder canonical = new StringBuilder(256).append(previousHash).append('|').append(seq).append('|')
                .append(recordedAt.toEpochMilli());
        for (String field : new String[] {e.user(), e.agencyId(), e.roles(), e.action(), e.objectType(),
            e.objectId(), e.caseId(), e.fields(), e.clientAddress(), e.outcome()}) {
            // length-prefixed: no choice of field values can make two different records read the same
            canonical.append('|');
            if (field == null) {
                canonical.append('-');
            } else {
                canonical.append(field.length()).append(':').append(field);
            }
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e1) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e1);
        }
    }

    /**
     * Checks one record against what the chain expects at its place.
     *
     * @return null when it fits, else what does not match
     */
    static String mismatch(AuditRecord r, long expectedSeq, String expectedPrevious) {
        if (r.sequence() != expectedSeq) {
            return "record " + expectedSeq + " is missing (next is " + r.sequence() + ")";
        }
        if (!r.previousHash().equals(expectedPrevious)) {
            return "record " + r.sequence() + " does not link to the record before it";
        }
        if (!hash(r.previousHash(), r.sequence(), r.recordedAt(), r.event()).equals(r.hash())) {
            return "record " + r.sequence() + " was changed after it was written";
        }
        return null;
    }

    /** Values longer than their column are cut (the audit record must be written whatever the input). */
    static String fit(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
