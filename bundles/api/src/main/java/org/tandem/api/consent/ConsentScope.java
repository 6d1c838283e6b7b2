package org.tandem.api.consent;

/** What a consent allows. */
public enum ConsentScope {
    /** Share the person's data with one service provider (a referral). Requires an expiry. */
    SHARE_WITH_PROVIDER,
    /** Contact the person with notifications about the case. */
    NOTIFY,
    /** Share the person's data with a state program (e.g. victim compensation). Requires an expiry. */
    SHARE_WITH_STATE
}
