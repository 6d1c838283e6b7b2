package org.tandem.api.audit;

import java.time.Instant;

/**
 * A stored audit event: its place in the chain, when it was recorded, and the hashes that make tampering visible
 * ({@code hash = SHA-256(previousHash + canonical form of the record)}, hex).
 */
public record AuditRecord(long sequence, Instant recordedAt, AuditEvent event, String previousHash, String hash) {
}
