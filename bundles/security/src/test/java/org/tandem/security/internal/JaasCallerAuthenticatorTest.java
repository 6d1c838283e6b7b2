package org.tandem.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.tandem.api.Caller;
import org.tandem.api.Role;

class JaasCallerAuthenticatorTest {

    /** A realm with a changeable password table that counts logins. */
    private final Map<String, String> passwords = new ConcurrentHashMap<>(Map.of("officer", "demo"));
    private final AtomicInteger logins = new AtomicInteger();
    private final CredentialCacheTest.MutableClock clock = new CredentialCacheTest.MutableClock();
    private final JaasCallerAuthenticator auth = new JaasCallerAuthenticator((realm, mapper, user, password) -> {
        logins.incrementAndGet();
        return new String(password).equals(passwords.get(user))
                ? Optional.of(new Caller(user, "PD-DEMO", Set.of(Role.OFFICER)))
                : Optional.empty();
    }, clock);

    @Test
    void repeatedRequestsCostOneRealmLoginPerTtl() {
        auth.configure(config(60));
        for (int i = 0; i < 5; i++) {
            assertThat(auth.authenticate("officer", "demo".toCharArray())).isPresent();
        }
        assertThat(logins).hasValue(1);
        clock.advance(Duration.ofSeconds(61));
        assertThat(auth.authenticate("officer", "demo".toCharArray())).isPresent();
        assertThat(logins).hasValue(2);
    }

    @Test
    void aWrongPasswordAlwaysGoesToTheRealmAndDropsTheCachedLogin() {
        auth.configure(config(60));
        assertThat(auth.authenticate("officer", "demo".toCharArray())).isPresent();
        assertThat(auth.authenticate("officer", "wrong".toCharArray())).isEmpty();
        assertThat(auth.authenticate("officer", "wrong".toCharArray())).isEmpty();
        assertThat(logins).hasValue(3);
        // the failure dropped the cached login: the right password goes to the realm again
        assertThat(auth.authenticate("officer", "demo".toCharArray())).isPresent();
        assertThat(logins).hasValue(4);
    }

    @Test
    void aPasswordChangeInTheRealmIsSeenWithinTheTtl() {
        auth.configure(config(60));
        assertThat(auth.authenticate("officer", "demo".toCharArray())).isPresent();
        passwords.put("officer", "new");
        // the new password is not in the cache: checked by the realm at once
        assertThat(auth.authenticate("officer", "new".toCharArray())).isPresent();
        // it replaced the old entry, so the old password is refused at once as well
        assertThat(auth.authenticate("officer", "demo".toCharArray())).isEmpty();
        assertThat(auth.authenticate("officer", "new".toCharArray())).isPresent();
        int before = logins.get();

        passwords.put("officer", "newer");
        clock.advance(Duration.ofSeconds(59));
        // documented window: within the TTL a cached (now outdated) password still passes ...
        assertThat(auth.authenticate("officer", "new".toCharArray())).isPresent();
        assertThat(logins).hasValue(before);
        clock.advance(Duration.ofSeconds(1));
        // ... and no longer once it has expired
        assertThat(auth.authenticate("officer", "new".toCharArray())).isEmpty();
    }

    @Test
    void disabledCacheLogsInEveryTime() {
        auth.configure(config(0));
        auth.authenticate("officer", "demo".toCharArray());
        auth.authenticate("officer", "demo".toCharArray());
        assertThat(logins).hasValue(2);
    }

    @Test
    void aConfigurationChangeForgetsEveryLogin() {
        auth.configure(config(60));
        auth.authenticate("officer", "demo".toCharArray());
        auth.configure(config(60));
        auth.authenticate("officer", "demo".toCharArray());
        assertThat(logins).hasValue(2);
    }

    @Test
    void missingCredentialsNeverReachTheRealm() {
        auth.configure(config(60));
        assertThat(auth.authenticate(null, "x".toCharArray())).isEmpty();
        assertThat(auth.authenticate("", "x".toCharArray())).isEmpty();
        assertThat(auth.authenticate("officer", null)).isEmpty();
        assertThat(logins).hasValue(0);
    }

    private static SecurityConfig config(int cacheSeconds) {
        return new SecurityConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return SecurityConfig.class;
            }

            @Override
            public String realm() {
                return "karaf";
            }

            @Override
            public String agencyGroupPrefix() {
                return "agency-";
            }

            @Override
            public int credentialCacheSeconds() {
                return cacheSeconds;
            }
        };
    }
}
