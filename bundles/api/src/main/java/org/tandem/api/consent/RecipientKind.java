package org.tandem.api.consent;

/** Who may receive what a consent covers: a provider, an agency, or anyone (only for NOTIFY). */
public enum RecipientKind { PROVIDER, AGENCY, ANY }
