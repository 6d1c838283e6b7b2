package org.tandem.api.notification;

/** What became of a confirmation try. Only CONFIRMED and ALREADY_CONFIRMED are successes. */
public enum ConfirmationResult {
    /** The notice is now confirmed. */
    CONFIRMED,
    /** A valid code for a notice that was confirmed before (another code, another channel). */
    ALREADY_CONFIRMED,
    /** No such code, or a wrong PIN. */
    INVALID,
    /** The code was valid once but has expired. */
    EXPIRED,
    /** The code was used before (codes are single-use). */
    USED,
    /** Too many failed tries from this sender or for this notice: refused without looking at the code. */
    RATE_LIMITED;

    public boolean succeeded() {
        return this == CONFIRMED || this == ALREADY_CONFIRMED;
    }
}
