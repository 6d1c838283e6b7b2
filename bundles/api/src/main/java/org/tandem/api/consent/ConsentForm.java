package org.tandem.api.consent;

/** How consent was given. */
public enum ConsentForm { WRITTEN, ELECTRONIC, VERBAL_RECORDED }
