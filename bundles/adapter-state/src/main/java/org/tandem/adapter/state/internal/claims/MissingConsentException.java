package org.tandem.adapter.state.internal.claims;

/** The person's SHARE_WITH_STATE consent is not (or no longer) active: the claim must not be sent. */
public class MissingConsentException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MissingConsentException(String message) {
        super(message);
    }
}
