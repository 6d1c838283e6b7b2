package org.tandem.api.cases;

/** Filters for listing an agency's cases; null filters match everything. */
public record CaseQuery(String agencyId, CaseStatus status, String incidentNumber, int page, int size) {
}
