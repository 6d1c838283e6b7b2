package org.tandem.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");

    @Test
    void fiveFailuresInTenMinutesLockForTenMinutes() {
        LoginThrottle throttle = new LoginThrottle(5, Duration.ofMinutes(10), Duration.ofMinutes(10));
        for (int i = 0; i < 4; i++) {
            assertThat(throttle.failed("officer", T0.plusSeconds(i * 60))).isEqualTo(LoginThrottle.Outcome.COUNTED);
        }
        assertThat(throttle.isLocked("officer", T0.plusSeconds(300))).isFalse();
        assertThat(throttle.failed("OFFICER", T0.plusSeconds(300))).as("case-insensitive")
                .isEqualTo(LoginThrottle.Outcome.LOCKED_NOW);
        assertThat(throttle.isLocked("officer", T0.plusSeconds(301))).isTrue();
        assertThat(throttle.failed("officer", T0.plusSeconds(400))).isEqualTo(LoginThrottle.Outcome.ALREADY_LOCKED);
        assertThat(throttle.isLocked("supervisor", T0.plusSeconds(301))).as("other users unaffected").isFalse();
        assertThat(throttle.isLocked("officer", T0.plusSeconds(300 + 600))).as("unlocked after 10 min").isFalse();
    }

    @Test
    void failuresOutsideTheWindowOrBeforeASuccessDoNotCount() {
        LoginThrottle throttle = new LoginThrottle(5, Duration.ofMinutes(10), Duration.ofMinutes(10));
        for (int i = 0; i < 4; i++) {
            throttle.failed("officer", T0.plusSeconds(i));
        }
        assertThat(throttle.failed("officer", T0.plus(Duration.ofMinutes(11)))).as("the first four expired")
                .isEqualTo(LoginThrottle.Outcome.COUNTED);
        for (int i = 0; i < 3; i++) {
            throttle.failed("advocate", T0.plusSeconds(i));
        }
        throttle.succeeded("advocate");
        assertThat(throttle.failed("advocate", T0.plusSeconds(10))).isEqualTo(LoginThrottle.Outcome.COUNTED);
        assertThat(throttle.failed("advocate", T0.plusSeconds(11))).isEqualTo(LoginThrottle.Outcome.COUNTED);
        throttle.forgetOlderThan(T0.plus(Duration.ofHours(1)));
        assertThat(throttle.failed("advocate", T0.plus(Duration.ofHours(1)))).isEqualTo(LoginThrottle.Outcome.COUNTED);
    }
}
