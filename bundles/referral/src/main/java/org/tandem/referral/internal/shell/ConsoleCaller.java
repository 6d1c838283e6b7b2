package org.tandem.referral.internal.shell;

import java.security.AccessController;
import java.security.Principal;
import java.util.EnumSet;

import javax.security.auth.Subject;

import org.tandem.api.Caller;
import org.tandem.api.Role;

/**
 * Console commands run as the platform administrator: who may reach the Karaf console is decided by the
 * console's own authentication and command ACLs. The shell user's name is kept for the record.
 */
final class ConsoleCaller {

    private ConsoleCaller() {
    }

    @SuppressWarnings("removal")
    static Caller admin() {
        String user = "console";
        try {
            Subject subject = Subject.getSubject(AccessController.getContext());
            if (subject != null) {
                for (Principal p : subject.getPrincipals()) {
                    if (p.getClass().getSimpleName().equals("UserPrincipal")) {
                        user = "console:" + p.getName();
                        break;
                    }
                }
            }
        } catch (RuntimeException e) {
            // no subject: keep the generic name
        }
        return new Caller(user, null, EnumSet.of(Role.ADMIN));
    }
}
