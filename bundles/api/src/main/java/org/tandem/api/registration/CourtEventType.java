package org.tandem.api.registration;

/** Court events a state court feed reports. */
public enum CourtEventType { HEARING_SCHEDULED, CONTINUED, SENTENCED }
