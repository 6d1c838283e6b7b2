package org.tandem.reports.internal;

import java.time.LocalDate;
import java.time.Period;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.tandem.api.cases.ServiceCategory;
import org.tandem.api.notification.NotificationEvents;

/**
 * The mappings from Tandem's data to the OVC Performance Measurement Tool's categories. Kept in one class so an
 * agency's grants manager can read (and a test can check) how every count is derived.
 */
final class VocaCategories {

    static final String ADULT_PHYSICAL_ASSAULT = "Adult physical assault (includes aggravated and simple assault)";
    static final String ADULT_SEXUAL_ASSAULT = "Adult sexual assault";
    static final String CHILD_PHYSICAL_ABUSE = "Child physical abuse or neglect";
    static final String CHILD_SEXUAL_ABUSE = "Child sexual abuse/assault";
    static final String HOMICIDE_SURVIVORS = "Survivors of homicide victims";
    static final String ROBBERY = "Robbery";
    static final String BURGLARY = "Burglary";
    static final String KIDNAPPING = "Kidnapping (non-custodial)";
    static final String STALKING = "Stalking/harassment";
    static final String TRAFFICKING_SEX = "Human trafficking: sex";
    static final String TRAFFICKING_LABOR = "Human trafficking: labor";
    static final String FINANCIAL = "Identity theft/fraud/financial crime";
    static final String ARSON = "Arson";
    static final String DUI = "DUI/DWI incidents";
    static final String OTHER = "Other";

    static final String AREA_A = "A. Information and referral";
    static final String AREA_B = "B. Personal advocacy/accompaniment";
    static final String AREA_C = "C. Emotional support or safety services";
    static final String AREA_D = "D. Shelter/housing services";
    static final String AREA_E = "E. Criminal/civil justice system assistance";
    static final List<String> AREAS = List.of(AREA_A, AREA_B, AREA_C, AREA_D, AREA_E);

    static final String SERVICE_RIGHTS_INFO = "A2. Information about victim rights (welcome notification)";
    static final String SERVICE_REFERRAL = "A3/A4. Referral to other victim service programs or services";
    static final String SERVICE_INFO_MESSAGE = "A1. Information about the criminal justice process (advocate message)";
    static final String SERVICE_CJ_NOTIFICATION = "E1. Notification of criminal justice events (custody, court)";

    static final List<String> AGE_GROUPS = List.of("0-12", "13-17", "18-24", "25-59", "60 and older", "Not reported");

    private VocaCategories() {
    }

    /** The victimization types of one victim: from the incident's NIBRS codes and the victim's age at the incident. */
    static Set<String> victimizations(List<String> nibrsCodes, boolean minor) {
        Set<String> out = new LinkedHashSet<>();
        for (String raw : nibrsCodes) {
            String code = raw == null ? "" : raw.strip().toUpperCase(java.util.Locale.ROOT);
            out.add(switch (code) {
                case "13A", "13B" -> minor ? CHILD_PHYSICAL_ABUSE : ADULT_PHYSICAL_ASSAULT;
                case "13C" -> STALKING;
                case "11A", "11B", "11C", "11D", "36A", "36B" -> minor ? CHILD_SEXUAL_ABUSE : ADULT_SEXUAL_ASSAULT;
                case "09A", "09B", "09C" -> HOMICIDE_SURVIVORS;
                case "120" -> ROBBERY;
                case "220" -> BURGLARY;
                case "100" -> KIDNAPPING;
                case "64A" -> TRAFFICKING_SEX;
                case "64B" -> TRAFFICKING_LABOR;
                case "26A", "26B", "26C", "26D", "26E", "26F", "26G", "26H", "250", "270" -> FINANCIAL;
                case "200" -> ARSON;
                case "90D" -> DUI;
                default -> OTHER;
            });
        }
        if (out.isEmpty()) {
            out.add(OTHER);
        }
        return out;
    }

    /** The OVC service area a referred service belongs to. */
    static String area(ServiceCategory s) {
        return switch (s) {
            case INFORMATION_AND_REFERRAL -> AREA_A;
            case PERSONAL_ADVOCACY, LEGAL_ADVOCACY, INTERPRETATION, TRANSPORTATION, MEDICAL -> AREA_B;
            case EMOTIONAL_SUPPORT_AND_SAFETY, COUNSELING, CRISIS_INTERVENTION, FINANCIAL_ASSISTANCE -> AREA_C;
            case SHELTER_AND_HOUSING, SHELTER -> AREA_D;
            case CRIMINAL_CIVIL_JUSTICE_ASSISTANCE, COMPENSATION_ASSISTANCE -> AREA_E;
        };
    }

    /** The service a sent notification counts as, by its event type; null when it is none. */
    static String notificationService(String eventType) {
        if (eventType == null) {
            return null;
        }
        return switch (eventType) {
            case NotificationEvents.TYPE_CASE_OPENED -> SERVICE_RIGHTS_INFO;
            case NotificationEvents.TYPE_MANUAL -> SERVICE_INFO_MESSAGE;
            case NotificationEvents.TYPE_CUSTODY_STATUS_CHANGED, NotificationEvents.TYPE_COURT_EVENT_SCHEDULED ->
                SERVICE_CJ_NOTIFICATION;
            default -> null;
        };
    }

    static String areaOfService(String service) {
        return service.startsWith("E") ? AREA_E : AREA_A;
    }

    static String ageGroup(LocalDate birthDate, LocalDate at) {
        if (birthDate == null || at == null || birthDate.isAfter(at)) {
            return "Not reported";
        }
        int years = Period.between(birthDate, at).getYears();
        if (years <= 12) {
            return "0-12";
        }
        if (years <= 17) {
            return "13-17";
        }
        if (years <= 24) {
            return "18-24";
        }
        return years <= 59 ? "25-59" : "60 and older";
    }
}
