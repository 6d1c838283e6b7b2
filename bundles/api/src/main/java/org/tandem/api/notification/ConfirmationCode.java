package org.tandem.api.notification;

import java.time.Instant;

import org.tandem.api.cases.Channel;

/**
 * A code or link token handed out with one message. Only a hash of the secret is stored; an SMS code is matched
 * together with the hash of the number it was sent to, so a six-digit code is only worth guessing from that phone.
 */
public record ConfirmationCode(String id, String secretHash, ConfirmationKind kind, String addressHash,
        String noticeId, String notificationId, Channel channel, Instant createdAt, Instant expiresAt,
        Instant usedAt) {
}
