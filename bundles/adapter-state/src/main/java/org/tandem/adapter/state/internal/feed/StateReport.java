package org.tandem.adapter.state.internal.feed;

import java.time.Instant;

/**
 * A custody or court report as read: {@code status} is a CustodyStatus or CourtEventType name; {@code offenderId}
 * (the state id) and {@code caseId} (a Tandem case id) say whom it is about, at least one is set.
 */
public record StateReport(Kind kind, String reportId, String offenderId, String caseId, String status,
        Instant occurredAt) {

    public enum Kind {
        CUSTODY("state-custody"), COURT("state-court");

        private final String ledger;

        Kind(String ledger) {
            this.ledger = ledger;
        }

        /** Processor name in the processed-message ledger. */
        public String ledger() {
            return ledger;
        }
    }
}
