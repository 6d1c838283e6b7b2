package org.tandem.api.consent;

/** Where a consent stands at a given instant (see {@link Consent#stateAt}). */
public enum ConsentState { PENDING, ACTIVE, EXPIRED, REVOKED }
