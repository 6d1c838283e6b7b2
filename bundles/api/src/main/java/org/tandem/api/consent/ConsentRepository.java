package org.tandem.api.consent;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Persistence of consents (implemented by the store bundle). Consents are never deleted or edited: the only
 * change after insert is the one-time revocation. Tenancy is the caller's job (a consent belongs to a case,
 * the case to an agency); {@link ConsentService} is the only intended user.
 */
public interface ConsentRepository {

    void insert(Consent consent);

    Optional<Consent> find(String consentId);

    /** Every consent of a case, newest grant first. */
    List<Consent> forCase(String caseId);

    /** Every consent of a person, newest grant first. */
    List<Consent> forPerson(String personId);

    /**
     * Revokes the consent if it is not revoked yet; a second revocation changes nothing.
     *
     * @return the consent as stored afterwards, empty when there is no such consent
     */
    Optional<Consent> revoke(String consentId, Instant at, String by, String reason);
}
