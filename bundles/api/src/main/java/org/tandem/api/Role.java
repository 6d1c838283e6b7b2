package org.tandem.api;

import java.util.Locale;
import java.util.Optional;

/** Roles a Tandem user can hold; the JAAS role names are the lower-case ids. */
public enum Role {
    OFFICER, ADVOCATE, SUPERVISOR, ADMIN, INTEGRATOR;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromId(String id) {
        for (Role r : values()) {
            if (r.id().equals(id)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
