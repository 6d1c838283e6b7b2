package org.tandem.reports.internal;

import java.util.Map;

/**
 * The VOCA performance measures of one agency for one quarter: counts only.
 *
 * @param victimsServed distinct victims (primary and secondary) on cases open at some time in the quarter
 * @param newVictims of those, victims on cases opened in the quarter
 * @param continuingVictims of those, victims on cases opened before the quarter
 * @param victimizationTypes distinct victims per OVC victimization type (a victim may count under several)
 * @param demographics per dimension (age, language, gender, race/ethnicity), distinct victims per value
 * @param serviceAreas distinct victims who received a service in each OVC service area in the quarter
 * @param services service instances per OVC service (referrals sent, notifications sent) in the quarter
 */
public record VocaReport(String agencyId, String quarter, String periodStart, String periodEnd, long victimsServed,
        long newVictims, long continuingVictims, long primaryVictims, long secondaryVictims,
        Map<String, Long> victimizationTypes, Map<String, Map<String, Long>> demographics,
        Map<String, Long> serviceAreas, Map<String, Long> services) {
}
