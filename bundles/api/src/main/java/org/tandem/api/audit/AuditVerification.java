package org.tandem.api.audit;

/**
 * The outcome of re-computing the chain.
 *
 * @param checked records checked
 * @param firstBroken sequence of the first record whose hash or link does not match, -1 when intact
 * @param detail what does not match, or a summary
 */
public record AuditVerification(boolean intact, long checked, long firstBroken, String detail) {
}
