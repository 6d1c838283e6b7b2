package org.tandem.api.store;

public enum AgencyKind { LAW_ENFORCEMENT, VICTIM_SERVICES, PROSECUTOR, STATE }
