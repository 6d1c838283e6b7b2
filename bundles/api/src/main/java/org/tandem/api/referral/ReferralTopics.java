package org.tandem.api.referral;

/**
 * EventAdmin topics of referrals, posted after the change is committed. Properties carry ids and statuses,
 * never personal data or free text.
 */
public final class ReferralTopics {

    /** Every status change, including creation (then without {@link #PROP_FROM}). */
    public static final String STATUS_CHANGED = "org/tandem/referral/STATUS_CHANGED";
    public static final String ALL = "org/tandem/referral/*";

    public static final String PROP_REFERRAL_ID = "referralId";
    /** Same key as {@link org.tandem.api.TandemTopics#PROP_CASE_ID}. */
    public static final String PROP_CASE_ID = "caseId";
    /** The referring agency (owner of the case); same key as {@link org.tandem.api.TandemTopics#PROP_AGENCY_ID}. */
    public static final String PROP_AGENCY_ID = "agencyId";
    public static final String PROP_PERSON_ID = "personId";
    public static final String PROP_PROVIDER_ID = "providerId";
    /** The agency linked to the provider, when there is one. */
    public static final String PROP_PROVIDER_AGENCY_ID = "providerAgencyId";
    public static final String PROP_FROM = "from";
    public static final String PROP_TO = "to";
    public static final String PROP_USER = "user";
    public static final String PROP_TIMESTAMP = "timestamp";

    private ReferralTopics() {
    }
}
