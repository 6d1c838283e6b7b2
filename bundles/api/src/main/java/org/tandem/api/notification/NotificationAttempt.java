package org.tandem.api.notification;

import java.time.Instant;

import org.tandem.api.cases.Channel;

/**
 * One history entry of a notification (delivery evidence): when, on which channel, what happened.
 *
 * @param seq 1, 2, ... in order
 * @param contentHash SHA-256 of what was sent (subject, text, HTML, short text), for send attempts
 */
public record NotificationAttempt(int seq, Instant at, Channel channel, AttemptOutcome outcome,
        String providerMessageId, String detail, String contentHash) {
}
