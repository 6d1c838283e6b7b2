package org.tandem.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tandem.api.Caller;
import org.tandem.api.Role;

class CredentialCacheTest {

    private final MutableClock clock = new MutableClock();
    private final Caller officer = new Caller("officer", "PD-DEMO", Set.of(Role.OFFICER));

    @Test
    void remembersExactlyTheAcceptedPasswordUntilTheTtl() {
        CredentialCache cache = new CredentialCache(clock, 60_000, 100);
        assertThat(cache.get("officer", "demo".toCharArray())).isEmpty();
        cache.put("officer", "demo".toCharArray(), officer);
        assertThat(cache.get("officer", "demo".toCharArray())).contains(officer);
        assertThat(cache.get("officer", "dem0".toCharArray())).isEmpty();
        assertThat(cache.get("officer", "".toCharArray())).isEmpty();
        assertThat(cache.get("officer2", "demo".toCharArray())).isEmpty();
        clock.advance(Duration.ofSeconds(59));
        assertThat(cache.get("officer", "demo".toCharArray())).contains(officer);
        clock.advance(Duration.ofSeconds(1));
        assertThat(cache.get("officer", "demo".toCharArray())).isEmpty();
        assertThat(cache.size()).isZero();
    }

    @Test
    void invalidateForgetsTheUser() {
        CredentialCache cache = new CredentialCache(clock, 60_000, 100);
        cache.put("officer", "demo".toCharArray(), officer);
        cache.invalidate("officer");
        assertThat(cache.get("officer", "demo".toCharArray())).isEmpty();
    }

    @Test
    void zeroTtlCachesNothing() {
        CredentialCache cache = new CredentialCache(clock, 0, 100);
        cache.put("officer", "demo".toCharArray(), officer);
        assertThat(cache.enabled()).isFalse();
        assertThat(cache.get("officer", "demo".toCharArray())).isEmpty();
        assertThat(cache.size()).isZero();
    }

    @Test
    void staysBounded() {
        CredentialCache cache = new CredentialCache(clock, 60_000, 3);
        for (int i = 0; i < 10; i++) {
            cache.put("user" + i, "pw".toCharArray(), new Caller("user" + i, "A", Set.of(Role.OFFICER)));
            assertThat(cache.size()).isLessThanOrEqualTo(3);
        }
        assertThat(cache.get("user9", "pw".toCharArray())).isPresent();
    }

    @Test
    void twoCachesDoNotShareVerifiers() {
        // the key is random per cache: a verifier is useless outside the object that made it
        CredentialCache a = new CredentialCache(clock, 60_000, 10);
        CredentialCache b = new CredentialCache(clock, 60_000, 10);
        a.put("officer", "demo".toCharArray(), officer);
        assertThat(b.get("officer", "demo".toCharArray())).isEmpty();
    }

    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-25T12:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
