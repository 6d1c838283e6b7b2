package org.tandem.api.cases;

public enum CaseStatus { OPEN, CLOSED }
