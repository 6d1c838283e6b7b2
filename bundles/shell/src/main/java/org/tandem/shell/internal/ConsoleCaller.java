package org.tandem.shell.internal;

import java.security.AccessController;

import javax.security.auth.Subject;

import org.tandem.api.AccessDeniedException;
import org.tandem.api.Caller;
import org.tandem.api.CallerResolver;

/**
 * The console user as a {@link Caller}: the JAAS subject Karaf runs the session under (SSH login,
 * bin/client, the local console's user), mapped by the security bundle exactly as REST maps an HTTP
 * login. The services then apply the same role and agency rules as for REST.
 */
final class ConsoleCaller {

    private ConsoleCaller() {
    }

    @SuppressWarnings("removal") // Karaf 4.4 itself runs sessions with Subject.doAs on Java 17
    static Caller current(CallerResolver resolver) {
        Subject subject = Subject.getSubject(AccessController.getContext());
        return resolver.resolve(subject)
                .orElseThrow(() -> new AccessDeniedException("no authenticated user in this console session"));
    }
}
