package org.tandem.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.Principal;
import java.util.Set;

import org.apache.karaf.jaas.boot.principal.GroupPrincipal;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.junit.jupiter.api.Test;
import org.tandem.api.Caller;
import org.tandem.api.Role;

class PrincipalMapperTest {

    private final PrincipalMapper mapper = new PrincipalMapper("agency-");

    @Test
    void mapsRolesAndAgencyGroup() {
        Set<Principal> principals = Set.of(new UserPrincipal("officer"), new RolePrincipal("officer"),
                new RolePrincipal("ssh"), new GroupPrincipal("agency-PD-DEMO"));
        Caller caller = mapper.toCaller("officer", principals);
        assertThat(caller.agencyId()).isEqualTo("PD-DEMO");
        assertThat(caller.roles()).containsExactly(Role.OFFICER);
    }

    @Test
    void agencyMayAlsoComeAsRole() {
        Caller caller = mapper.toCaller("a", Set.of(new RolePrincipal("agency-VSP-DEMO"), new RolePrincipal("advocate")));
        assertThat(caller.agencyId()).isEqualTo("VSP-DEMO");
        assertThat(caller.roles()).containsExactly(Role.ADVOCATE);
    }

    @Test
    void ambiguousOrMissingAgencyLeavesCallerWithoutAgency() {
        assertThat(mapper.toCaller("x", Set.of(new GroupPrincipal("agency-A"), new GroupPrincipal("agency-B"))).hasAgency())
                .isFalse();
        assertThat(mapper.toCaller("x", Set.of(new RolePrincipal("officer"))).hasAgency()).isFalse();
    }

    @Test
    void unknownRolesAreIgnored() {
        Caller caller = mapper.toCaller("x", Set.of(new RolePrincipal("superuser"), new GroupPrincipal("admingroup")));
        assertThat(caller.roles()).isEmpty();
    }
}
