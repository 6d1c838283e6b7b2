package org.tandem.api.cases;

public enum PersonRole { PRIMARY_VICTIM, SECONDARY_VICTIM, WITNESS }
