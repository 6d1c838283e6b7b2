package org.tandem.api.notification;

import java.util.Objects;

/**
 * What a channel reports for one send.
 *
 * @param outcome {@link AttemptOutcome#SENT}, {@link AttemptOutcome#DELIVERED} (the channel knows it arrived, e.g.
 *        a letter written to the print queue counts as sent), {@link AttemptOutcome#TRANSIENT_FAILURE} or
 *        {@link AttemptOutcome#PERMANENT_FAILURE}
 * @param providerMessageId the provider's id for the message (SMTP queue id or Message-ID, gateway message id,
 *        file name), used to match delivery receipts; may be null
 * @param detail a short, PII-free explanation (status code, SMTP reply), kept as delivery evidence
 */
public record DeliveryResult(AttemptOutcome outcome, String providerMessageId, String detail) {

    public DeliveryResult {
        Objects.requireNonNull(outcome, "outcome");
        if (outcome != AttemptOutcome.SENT && outcome != AttemptOutcome.DELIVERED
                && outcome != AttemptOutcome.TRANSIENT_FAILURE && outcome != AttemptOutcome.PERMANENT_FAILURE) {
            throw new IllegalArgumentException("a channel reports SENT, DELIVERED, TRANSIENT_FAILURE or PERMANENT_FAILURE");
        }
    }

    public static DeliveryResult sent(String providerMessageId, String detail) {
        return new DeliveryResult(AttemptOutcome.SENT, providerMessageId, detail);
    }

    public static DeliveryResult delivered(String providerMessageId, String detail) {
        return new DeliveryResult(AttemptOutcome.DELIVERED, providerMessageId, detail);
    }

    public static DeliveryResult transientFailure(String detail) {
        return new DeliveryResult(AttemptOutcome.TRANSIENT_FAILURE, null, detail);
    }

    public static DeliveryResult permanentFailure(String detail) {
        return new DeliveryResult(AttemptOutcome.PERMANENT_FAILURE, null, detail);
    }

    public boolean succeeded() {
        return outcome == AttemptOutcome.SENT || outcome == AttemptOutcome.DELIVERED;
    }
}
