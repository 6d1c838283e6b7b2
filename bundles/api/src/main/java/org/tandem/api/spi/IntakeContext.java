package org.tandem.api.spi;

import java.time.Instant;

import org.osgi.annotation.versioning.ProviderType;
import org.tandem.api.Caller;
import org.tandem.api.cases.NewCase;

/**
 * What an intake extension sees of one intake request: a read-only view of the new case (an
 * immutable record) and the caller on whose behalf it is opened. Implemented by the platform; new
 * methods may be added in minor versions.
 */
@ProviderType
public interface IntakeContext {

    /** The authenticated caller opening the case; {@link Caller#agencyId()} is the owning agency. */
    Caller caller();

    /** The case as it stands at this step (after the enrichers that ran before this extension). */
    NewCase newCase();

    /** When the platform received the request (its clock). */
    Instant receivedAt();
}
