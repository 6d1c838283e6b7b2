package org.tandem.api.referral;

import java.util.Set;

/** A status change the lifecycle does not allow from the referral's current status (HTTP 409). */
public class IllegalTransitionException extends ReferralConflictException {

    private static final long serialVersionUID = 1L;

    private final ReferralStatus from;
    private final ReferralStatus to;
    private final transient Set<ReferralStatus> allowed;

    public IllegalTransitionException(ReferralStatus from, ReferralStatus to, Set<ReferralStatus> allowed) {
        super("A referral in status " + from + " cannot move to " + to
                + (allowed.isEmpty() ? " (" + from + " is final)" : "; allowed: " + allowed));
        this.from = from;
        this.to = to;
        this.allowed = Set.copyOf(allowed);
    }

    public ReferralStatus from() {
        return from;
    }

    public ReferralStatus to() {
        return to;
    }

    public Set<ReferralStatus> allowed() {
        return allowed;
    }
}
