/**
 * Consent of a person on a case to disclose their data or contact them (VAWA: informed, written,
 * time-limited). Every disclosure and every notification asks {@link org.tandem.api.consent.ConsentService}.
 */
@Version("1.2.0")
package org.tandem.api.consent;

import org.osgi.annotation.versioning.Version;
