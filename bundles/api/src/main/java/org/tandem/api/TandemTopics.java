package org.tandem.api;

/**
 * OSGi EventAdmin topics posted by Tandem and the property keys they carry. Events carry ids,
 * never personally identifying information: listeners load what they may see through the services.
 */
public final class TandemTopics {

    public static final String CASE_OPENED = "org/tandem/case/OPENED";
    public static final String CASE_UPDATED = "org/tandem/case/UPDATED";
    /** Wildcard for every case event. */
    public static final String CASE_ALL = "org/tandem/case/*";

    public static final String PROP_CASE_ID = "caseId";
    public static final String PROP_AGENCY_ID = "agencyId";
    public static final String PROP_INCIDENT_NUMBER = "incidentNumber";
    public static final String PROP_ORI = "ori";
    public static final String PROP_USER = "user";
    public static final String PROP_TIMESTAMP = "timestamp";

    private TandemTopics() {
    }
}
