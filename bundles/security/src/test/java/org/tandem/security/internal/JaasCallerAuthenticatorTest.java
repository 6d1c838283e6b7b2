package org.tandem.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.GroupPrincipal;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.junit.jupiter.api.Test;
import org.tandem.api.Caller;
import org.tandem.api.Role;

class JaasCallerAuthenticatorTest {

    private final JaasCallerAuthenticator authenticator = new JaasCallerAuthenticator();

    /** A realm with a changeable password table (removal = account gone, "locked" = refused) that counts logins. */
    private final Map<String, String> passwords = new ConcurrentHashMap<>(Map.of("officer", "demo"));
    private final Set<String> locked = ConcurrentHashMap.newKeySet();
    private final AtomicInteger logins = new AtomicInteger();
    private final CredentialCacheTest.MutableClock clock = new CredentialCacheTest.MutableClock();
    private final JaasCallerAuthenticator auth = new JaasCallerAuthenticator((realm, mapper, user, password) -> {
        logins.incrementAndGet();
        return !locked.contains(user) && new String(password).equals(passwords.get(user))
                ? Optional.of(new Caller(user, "PD-DEMO", Set.of(Role.OFFICER)))
                : Optional.empty();
    }, clock);

    @Test
    void fiveFailedLoginsLockTheAccountEvenForTheRightPasswordUntilTheLockEnds() {
        auth.activate(config(60));
        for (int i = 0; i < 5; i++) {
            assertThat(auth.authenticate("officer", "guess".toCharArray())).isEmpty();
        }
        int before = logins.get();
        assertThat(auth.authenticate("officer", "demo".toCharArray())).as("locked").isEmpty();
        assertThat(logins.get()).as("a locked account does not reach the realm").isEqualTo(before);
        assertThat(auth.authenticate("supervisor", "x".toCharArray())).isEmpty();

        clock.advance(java.time.Duration.ofMinutes(11));
        assertThat(auth.authenticate("officer", "demo".toCharArray())).as("unlocked after 10 min").isPresent();
    }

    @Test
    void resolvesAConsoleSubjectWithTheRestMapping() {
        authenticator.activate(config("karaf", "agency-"));
        Subject subject = new Subject(true, Set.of(new UserPrincipal("supervisor"), new RolePrincipal("supervisor"),
                new RolePrincipal("ssh"), new GroupPrincipal("agency-PD-DEMO")), Set.of(), Set.of());

        Caller caller = authenticator.resolve(subject).orElseThrow();

        assertThat(caller.user()).isEqualTo("supervisor");
        assertThat(caller.agencyId()).isEqualTo("PD-DEMO");
        assertThat(caller.roles()).containsExactly(Role.SUPERVISOR);
    }

    @Test
    void aSubjectWithoutUserResolvesToNothing() {
        authenticator.activate(config("karaf", "agency-"));

        assertThat(authenticator.resolve(new Subject())).isEmpty();
        assertThat(authenticator.resolve(null)).isEmpty();
    }

    @Test
    void invalidChangeIsRejectedAndThePreviousMappingStays() {
        authenticator.activate(config("karaf", "org-"));
        Subject subject = new Subject(true, Set.of(new UserPrincipal("u"), new RolePrincipal("officer"),
                new GroupPrincipal("org-A"), new GroupPrincipal("agency-B")), Set.of(), Set.of());
        assertThat(authenticator.resolve(subject).orElseThrow().agencyId()).isEqualTo("A");

        authenticator.modified(config("karaf", "  "));
        assertThat(authenticator.resolve(subject).orElseThrow().agencyId()).isEqualTo("A");
        authenticator.modified(config("", "agency-"));
        assertThat(authenticator.resolve(subject).orElseThrow().agencyId()).isEqualTo("A");

        authenticator.modified(config("karaf", "agency-"));
        assertThat(authenticator.resolve(subject).orElseThrow().agencyId()).isEqualTo("B");
    }

    @Test
    void problemsNameTheBadProperty() {
        assertThat(JaasCallerAuthenticator.problems(config(" ", "a b")))
                .containsExactly("realm must not be empty",
                        "agencyGroupPrefix must be a non-empty word without spaces, e.g. agency-");
        assertThat(JaasCallerAuthenticator.problems(config("karaf", "agency-"))).isEmpty();
        assertThat(JaasCallerAuthenticator.problems(config("karaf", "agency-", -1)))
                .containsExactly("credentialCacheSeconds must be between 0 (off) and 300");
        assertThat(JaasCallerAuthenticator.problems(config("karaf", "agency-", 301)))
                .containsExactly("credentialCacheSeconds must be between 0 (off) and 300");
    }

    @Test
    void repeatedRequestsCostOneRealmLoginPerTtl() {
        auth.activate(config(60));
        for (int i = 0; i < 5; i++) {
            assertThat(auth.authenticate("officer", "demo".toCharArray())).isPresent();
        }
        assertThat(logins).hasValue(1);
        clock.advance(Duration.ofSeconds(61));
        assertThat(auth.authenticate("officer", "demo".toCharArray())).isPresent();
        assertThat(logins).hasValue(2);
    }

    @Test
    void aFailedLoginIsNeverCachedAndDropsTheCachedLogin() {
        auth.activate(config(60));
        assertThat(auth.authenticate("officer", "demo".toCharArray())).isPresent();
        assertThat(auth.authenticate("officer", "wrong".toCharArray())).isEmpty();
        assertThat(auth.authenticate("officer", "wrong".toCharArray())).isEmpty();
        assertThat(auth.authenticate("nobody", "x".toCharArray())).isEmpty();
        assertThat(auth.authenticate("nobody", "x".toCharArray())).isEmpty();
        // every failure went to the realm
        assertThat(logins).hasValue(5);
        // the failure dropped the cached login: the right password goes to the realm again
        assertThat(auth.authenticate("officer", "demo".toCharArray())).isPresent();
        assertThat(logins).hasValue(6);
    }

    @Test
    void aPasswordChangeInTheRealmIsSeenWithinTheTtl() {
        auth.activate(config(60));
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
    void aRemovedOrLockedAccountIsRefusedAtTheLatestAfterTheTtl() {
        passwords.put("advocate", "demo");
        auth.activate(config(30));
        assertThat(auth.authenticate("officer", "demo".toCharArray())).isPresent();
        assertThat(auth.authenticate("advocate", "demo".toCharArray())).isPresent();

        passwords.remove("officer");
        locked.add("advocate");
        clock.advance(Duration.ofSeconds(29));
        assertThat(auth.authenticate("officer", "demo".toCharArray())).isPresent();
        clock.advance(Duration.ofSeconds(1));
        assertThat(auth.authenticate("officer", "demo".toCharArray())).isEmpty();
        assertThat(auth.authenticate("advocate", "demo".toCharArray())).isEmpty();
        // and stays refused: nothing was cached by the failures
        assertThat(auth.authenticate("advocate", "demo".toCharArray())).isEmpty();
        assertThat(auth.authenticate("officer", "demo".toCharArray())).isEmpty();
    }

    @Test
    void anOperatorEmptiesTheCacheAtOnceByChangingTheConfiguration() {
        auth.activate(config(60));
        assertThat(auth.authenticate("officer", "demo".toCharArray())).isPresent();
        passwords.remove("officer");
        auth.modified(config(0));
        assertThat(auth.authenticate("officer", "demo".toCharArray())).isEmpty();
    }

    @Test
    void anOutOfRangeCacheTimeIsRejectedAndTheCacheInForceStays() {
        auth.activate(config(60));
        auth.authenticate("officer", "demo".toCharArray());
        auth.modified(config(86_400));
        auth.authenticate("officer", "demo".toCharArray());
        assertThat(logins).hasValue(1);
        clock.advance(Duration.ofSeconds(60));
        auth.authenticate("officer", "demo".toCharArray());
        assertThat(logins).hasValue(2);
    }

    @Test
    void disabledCacheLogsInEveryTime() {
        auth.activate(config(0));
        auth.authenticate("officer", "demo".toCharArray());
        auth.authenticate("officer", "demo".toCharArray());
        assertThat(logins).hasValue(2);
    }

    @Test
    void aConfigurationChangeForgetsEveryLogin() {
        auth.activate(config(60));
        auth.authenticate("officer", "demo".toCharArray());
        auth.modified(config(60));
        auth.authenticate("officer", "demo".toCharArray());
        assertThat(logins).hasValue(2);
    }

    @Test
    void missingCredentialsNeverReachTheRealm() {
        auth.activate(config(60));
        assertThat(auth.authenticate(null, "x".toCharArray())).isEmpty();
        assertThat(auth.authenticate("", "x".toCharArray())).isEmpty();
        assertThat(auth.authenticate("officer", null)).isEmpty();
        assertThat(logins).hasValue(0);
    }

    private static SecurityConfig config(int cacheSeconds) {
        return config("karaf", "agency-", cacheSeconds);
    }

    private static SecurityConfig config(String realm, String prefix) {
        return config(realm, prefix, 60);
    }

    private static SecurityConfig config(String realm, String prefix, int cacheSeconds) {
        return new SecurityConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return SecurityConfig.class;
            }

            @Override
            public String realm() {
                return realm;
            }

            @Override
            public String agencyGroupPrefix() {
                return prefix;
            }

            @Override
            public int consentMaxShareDays() {
                return 365;
            }

            @Override
            public int credentialCacheSeconds() {
                return cacheSeconds;
            }

            @Override
            public int lockoutAttempts() {
                return 5;
            }

            @Override
            public int lockoutWindowMinutes() {
                return 10;
            }

            @Override
            public int lockoutMinutes() {
                return 10;
            }
        };
    }
}
