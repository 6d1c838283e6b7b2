package org.tandem.api.notification;

/** One entry of a notification's history: a send attempt, a receipt, or a rule decision. */
public enum AttemptOutcome {
    /** Accepted by the provider (SMTP server, SMS gateway, print queue). */
    SENT,
    /** Confirmed delivered (delivery receipt, or a channel that knows, such as the print queue). */
    DELIVERED,
    /** Failed but may work later: retried with exponential backoff. */
    TRANSIENT_FAILURE,
    /** Can never work on this channel (bad address, rejected): the next channel of the person is tried. */
    PERMANENT_FAILURE,
    /** A delivery receipt reported that a sent message was not delivered: treated like a permanent failure. */
    DELIVERY_FAILED,
    /** Held back by a rule for now (outside safe hours): the entry says until when. */
    DEFERRED,
    /** Not sent because a rule forbids it (no consent, not safe to contact, no usable channel). */
    WITHHELD,
    /** Gave up: attempts exhausted, or permanent failure with no further channel. */
    GAVE_UP,
    /** An operator asked for another try (console {@code tandem:notification-retry}). */
    RETRY_REQUESTED,
    /** The recipient confirmed receipt (SMS reply code, e-mail link, PIN); the detail says how. */
    CONFIRMED,
    /** A notice that needed confirmation was handed to a person (a follow-up task for the advocate). */
    ESCALATED
}
