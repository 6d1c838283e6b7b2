package org.tandem.referral.internal.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tandem.api.referral.ReferralSide.PROVIDER;
import static org.tandem.api.referral.ReferralSide.REFERRER;
import static org.tandem.api.referral.ReferralStatus.ACCEPTED;
import static org.tandem.api.referral.ReferralStatus.CLOSED;
import static org.tandem.api.referral.ReferralStatus.COMPLETED;
import static org.tandem.api.referral.ReferralStatus.DECLINED;
import static org.tandem.api.referral.ReferralStatus.DRAFT;
import static org.tandem.api.referral.ReferralStatus.IN_PROGRESS;
import static org.tandem.api.referral.ReferralStatus.SENT;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tandem.api.referral.IllegalTransitionException;
import org.tandem.api.referral.ReferralSide;
import org.tandem.api.referral.ReferralStatus;

class LifecycleTest {

    /** The whole table: every pair not listed here must be refused. */
    private static final Map<ReferralStatus, Map<ReferralStatus, Set<ReferralSide>>> EXPECTED = Map.of(
            DRAFT, Map.of(SENT, Set.of(REFERRER), CLOSED, Set.of(REFERRER)),
            SENT, Map.of(ACCEPTED, Set.of(PROVIDER), DECLINED, Set.of(PROVIDER), CLOSED, Set.of(REFERRER)),
            ACCEPTED, Map.of(IN_PROGRESS, Set.of(PROVIDER), CLOSED, Set.of(REFERRER, PROVIDER)),
            IN_PROGRESS, Map.of(COMPLETED, Set.of(PROVIDER), CLOSED, Set.of(REFERRER, PROVIDER)),
            DECLINED, Map.of(),
            COMPLETED, Map.of(),
            CLOSED, Map.of());

    @Test
    void everyPairIsAllowedExactlyAsSpecified() {
        int allowed = 0;
        for (ReferralStatus from : ReferralStatus.values()) {
            assertThat(Lifecycle.next(from)).as("next of " + from).isEqualTo(EXPECTED.get(from).keySet());
            for (ReferralStatus to : ReferralStatus.values()) {
                Set<ReferralSide> sides = EXPECTED.get(from).get(to);
                if (sides != null) {
                    assertThat(Lifecycle.sidesFor(from, to)).as(from + " -> " + to).isEqualTo(sides);
                    allowed++;
                } else {
                    assertThatThrownBy(() -> Lifecycle.sidesFor(from, to)).as(from + " -> " + to)
                            .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                                assertThat(e.from()).isEqualTo(from);
                                assertThat(e.to()).isEqualTo(to);
                                assertThat(e.allowed()).isEqualTo(EXPECTED.get(from).keySet());
                            });
                }
            }
        }
        assertThat(allowed).isEqualTo(9);
    }

    @Test
    void finalStatusesAndReasons() {
        assertThat(Lifecycle.next(COMPLETED)).isEmpty();
        assertThatThrownBy(() -> Lifecycle.sidesFor(COMPLETED, CLOSED)).hasMessageContaining("COMPLETED is final");
        assertThatThrownBy(() -> Lifecycle.sidesFor(SENT, COMPLETED)).hasMessageContaining("allowed");
        assertThat(DECLINED.needsReason()).isTrue();
        assertThat(CLOSED.needsReason()).isTrue();
        assertThat(ACCEPTED.needsReason()).isFalse();
        assertThat(Set.of(DECLINED, COMPLETED, CLOSED)).allMatch(ReferralStatus::isFinal);
        assertThat(Set.of(DRAFT, SENT, ACCEPTED, IN_PROGRESS)).noneMatch(ReferralStatus::isFinal);
    }
}
