package org.tandem.security.internal;

import java.security.Principal;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.apache.karaf.jaas.boot.principal.GroupPrincipal;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.tandem.api.Caller;
import org.tandem.api.Role;

/**
 * Turns the principals a JAAS login produced into a {@link Caller}. A user must belong to exactly one
 * agency: zero or several agency groups leave the caller without an agency, which every case
 * operation refuses.
 */
final class PrincipalMapper {

    private final String agencyPrefix;

    PrincipalMapper(String agencyPrefix) {
        this.agencyPrefix = agencyPrefix;
    }

    String agencyPrefix() {
        return agencyPrefix;
    }

    Caller toCaller(String user, Set<Principal> principals) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Set<String> agencies = new TreeSet<>();
        for (Principal p : principals) {
            if (p instanceof RolePrincipal || p instanceof GroupPrincipal) {
                String name = p.getName();
                if (name.startsWith(agencyPrefix) && name.length() > agencyPrefix.length()) {
                    agencies.add(name.substring(agencyPrefix.length()));
                } else if (p instanceof RolePrincipal) {
                    Role.fromId(name).ifPresent(roles::add);
                }
            }
        }
        String agency = agencies.size() == 1 ? agencies.iterator().next() : null;
        return new Caller(user, agency, roles);
    }

    Optional<String> agencyOf(Set<Principal> principals) {
        return Optional.ofNullable(toCaller("-", principals).agencyId());
    }
}
