package org.tandem.api;

import java.security.Principal;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The authenticated user on whose behalf a request runs: every read and write is scoped to
 * {@link #agencyId()} and checked against {@link #roles()}.
 */
public record Caller(String user, String agencyId, Set<Role> roles) implements Principal {

    public Caller {
        Objects.requireNonNull(user, "user");
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    @Override
    public String getName() {
        return user;
    }

    public boolean hasAnyRole(Role... wanted) {
        return Arrays.stream(wanted).anyMatch(roles::contains);
    }

    public boolean hasAgency() {
        return agencyId != null && !agencyId.isBlank();
    }
}
