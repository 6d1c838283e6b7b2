package org.tandem.api;

import java.util.Optional;

import javax.security.auth.Subject;

/**
 * Resolves the {@link Caller} of an already authenticated JAAS subject (e.g. a Karaf console
 * session) with the same rules the REST API applies: user principal, Tandem roles and the one
 * agency group. Implemented by the security bundle.
 */
public interface CallerResolver {

    /** @return the caller, or empty when the subject carries no user principal */
    Optional<Caller> resolve(Subject subject);
}
