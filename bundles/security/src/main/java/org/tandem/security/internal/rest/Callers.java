package org.tandem.security.internal.rest;

import java.security.Principal;

import javax.ws.rs.NotAuthorizedException;
import javax.ws.rs.core.SecurityContext;

import org.tandem.api.Caller;

final class Callers {

    private Callers() {
    }

    static Caller of(SecurityContext security) {
        Principal principal = security == null ? null : security.getUserPrincipal();
        if (principal instanceof Caller caller) {
            return caller;
        }
        // the host authenticates every request; reaching this means the request bypassed it
        throw new NotAuthorizedException("authentication required", "Basic realm=\"Tandem\"");
    }
}
