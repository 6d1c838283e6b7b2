package org.tandem.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.util.Set;

import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.GroupPrincipal;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.junit.jupiter.api.Test;
import org.tandem.api.Caller;
import org.tandem.api.Role;

class JaasCallerAuthenticatorTest {

    private final JaasCallerAuthenticator authenticator = new JaasCallerAuthenticator();

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
    }

    private static SecurityConfig config(String realm, String prefix) {
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
        };
    }
}
