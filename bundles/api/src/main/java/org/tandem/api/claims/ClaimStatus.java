package org.tandem.api.claims;

/**
 * QUEUED (accepted, waiting to be sent) -> SENDING (a send is in progress; redelivered with backoff) ->
 * DELIVERED (the state acknowledged it) | DEAD (redeliveries exhausted or the consent is gone; see the
 * dead-letter store; an admin may resubmit, which makes it QUEUED again).
 */
public enum ClaimStatus { QUEUED, SENDING, DELIVERED, DEAD }
