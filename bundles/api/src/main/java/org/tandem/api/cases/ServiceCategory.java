package org.tandem.api.cases;

/**
 * Service needs and provider service categories. The first five are the OVC/VOCA service areas;
 * the rest are common specific services.
 */
public enum ServiceCategory {
    INFORMATION_AND_REFERRAL,
    PERSONAL_ADVOCACY,
    EMOTIONAL_SUPPORT_AND_SAFETY,
    SHELTER_AND_HOUSING,
    CRIMINAL_CIVIL_JUSTICE_ASSISTANCE,
    COUNSELING,
    SHELTER,
    MEDICAL,
    LEGAL_ADVOCACY,
    COMPENSATION_ASSISTANCE,
    CRISIS_INTERVENTION,
    INTERPRETATION,
    TRANSPORTATION,
    FINANCIAL_ASSISTANCE
}
