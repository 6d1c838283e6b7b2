package org.tandem.api;

import java.util.Optional;

/** Checks credentials against the platform's realm and resolves the caller's agency and roles. */
public interface CallerAuthenticator {

    /** @return the caller, or empty when the credentials are wrong or the account is unusable */
    Optional<Caller> authenticate(String user, char[] password);
}
