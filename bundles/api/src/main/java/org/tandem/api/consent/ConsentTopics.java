package org.tandem.api.consent;

/** EventAdmin topics about consents; properties carry ids only. */
public final class ConsentTopics {

    public static final String RECORDED = "org/tandem/consent/RECORDED";
    public static final String REVOKED = "org/tandem/consent/REVOKED";
    public static final String ALL = "org/tandem/consent/*";

    public static final String PROP_CONSENT_ID = "consentId";
    /** {@link ConsentScope} name. */
    public static final String PROP_SCOPE = "scope";
    public static final String PROP_PERSON_ID = "personId";

    private ConsentTopics() {
    }
}
