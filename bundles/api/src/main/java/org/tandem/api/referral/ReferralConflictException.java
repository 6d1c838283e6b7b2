package org.tandem.api.referral;

/** The request conflicts with the current state (HTTP 409). */
public class ReferralConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ReferralConflictException(String message) {
        super(message);
    }
}
