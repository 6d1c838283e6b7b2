package org.tandem.api.referral;

/**
 * Where a referral stands: DRAFT -> SENT -> ACCEPTED | DECLINED -> IN_PROGRESS -> COMPLETED | CLOSED.
 * DECLINED and CLOSED need a reason; DECLINED, COMPLETED and CLOSED are final.
 */
public enum ReferralStatus {
    DRAFT, SENT, ACCEPTED, DECLINED, IN_PROGRESS, COMPLETED, CLOSED;

    public boolean isFinal() {
        return this == DECLINED || this == COMPLETED || this == CLOSED;
    }

    public boolean needsReason() {
        return this == DECLINED || this == CLOSED;
    }
}
