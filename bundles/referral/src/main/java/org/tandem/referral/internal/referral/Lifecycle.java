package org.tandem.referral.internal.referral;

import static org.tandem.api.referral.ReferralSide.PROVIDER;
import static org.tandem.api.referral.ReferralSide.REFERRER;
import static org.tandem.api.referral.ReferralStatus.ACCEPTED;
import static org.tandem.api.referral.ReferralStatus.CLOSED;
import static org.tandem.api.referral.ReferralStatus.COMPLETED;
import static org.tandem.api.referral.ReferralStatus.DECLINED;
import static org.tandem.api.referral.ReferralStatus.DRAFT;
import static org.tandem.api.referral.ReferralStatus.IN_PROGRESS;
import static org.tandem.api.referral.ReferralStatus.SENT;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.tandem.api.referral.IllegalTransitionException;
import org.tandem.api.referral.ReferralSide;
import org.tandem.api.referral.ReferralStatus;

/**
 * The referral state machine and who may drive each step:
 * <pre>
 * DRAFT       -> SENT (referrer), CLOSED (referrer: cancelled)
 * SENT        -> ACCEPTED, DECLINED (provider), CLOSED (referrer: withdrawn)
 * ACCEPTED    -> IN_PROGRESS (provider), CLOSED (either)
 * IN_PROGRESS -> COMPLETED (provider), CLOSED (either)
 * DECLINED, COMPLETED, CLOSED: final
 * </pre>
 * DECLINED and CLOSED need a reason.
 */
public final class Lifecycle {

    private static final Map<ReferralStatus, Map<ReferralStatus, Set<ReferralSide>>> MOVES =
            new EnumMap<>(ReferralStatus.class);

    static {
        for (ReferralStatus s : ReferralStatus.values()) {
            MOVES.put(s, new EnumMap<>(ReferralStatus.class));
        }
        allow(DRAFT, SENT, REFERRER);
        allow(DRAFT, CLOSED, REFERRER);
        allow(SENT, ACCEPTED, PROVIDER);
        allow(SENT, DECLINED, PROVIDER);
        allow(SENT, CLOSED, REFERRER);
        allow(ACCEPTED, IN_PROGRESS, PROVIDER);
        allow(ACCEPTED, CLOSED, REFERRER, PROVIDER);
        allow(IN_PROGRESS, COMPLETED, PROVIDER);
        allow(IN_PROGRESS, CLOSED, REFERRER, PROVIDER);
    }

    private Lifecycle() {
    }

    private static void allow(ReferralStatus from, ReferralStatus to, ReferralSide... sides) {
        MOVES.get(from).put(to, Set.copyOf(EnumSet.of(sides[0], sides)));
    }

    /** Where a referral in {@code from} may go next (empty for final statuses). */
    public static Set<ReferralStatus> next(ReferralStatus from) {
        Set<ReferralStatus> next = MOVES.get(from).keySet();
        return next.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(next));
    }

    /**
     * The sides allowed to make the move.
     *
     * @throws IllegalTransitionException when the lifecycle does not allow it at all
     */
    public static Set<ReferralSide> sidesFor(ReferralStatus from, ReferralStatus to) {
        Set<ReferralSide> sides = MOVES.get(from).get(to);
        if (sides == null) {
            throw new IllegalTransitionException(from, to, next(from));
        }
        return sides;
    }
}
