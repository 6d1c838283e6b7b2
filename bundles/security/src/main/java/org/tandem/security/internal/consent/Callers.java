package org.tandem.security.internal.consent;

import org.tandem.api.AccessDeniedException;
import org.tandem.api.Caller;
import org.tandem.api.Role;

/** Role and agency checks shared by the consent operations. */
final class Callers {

    private Callers() {
    }

    static void require(Caller caller, String action, Role... roles) {
        if (caller == null) {
            throw new AccessDeniedException("not authenticated");
        }
        if (!caller.hasAnyRole(roles)) {
            StringBuilder names = new StringBuilder();
            for (int i = 0; i < roles.length; i++) {
                if (i > 0) {
                    names.append(i == roles.length - 1 ? " or " : ", ");
                }
                names.append(roles[i].id());
            }
            throw new AccessDeniedException("role " + names + " required to " + action);
        }
        if (!caller.hasAgency()) {
            throw new AccessDeniedException("account has no agency");
        }
    }
}
