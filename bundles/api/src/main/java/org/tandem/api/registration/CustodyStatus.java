package org.tandem.api.registration;

/** Custody status changes a state custody feed reports about an offender. */
public enum CustodyStatus { BOOKED, RELEASED, TRANSFERRED, ESCAPED, DIED }
