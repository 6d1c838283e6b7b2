package org.tandem.notification.sms.internal;

import java.net.URI;
import java.time.Duration;

/** The gateway as plain values (from {@link SmsConfig}, or built in tests). */
public record GatewaySettings(URI url, String from, String username, String password, String bearerToken,
        String contentType, String bodyTemplate, String messageIdPointer, Duration timeout, String callbackUrl) {

    public static GatewaySettings from(SmsConfig c) {
        return new GatewaySettings(URI.create(c.url().strip()), c.from(), c.username(), c.password(), c.bearerToken(),
                c.contentType().strip(), c.bodyTemplate(), c.messageIdPointer(),
                Duration.ofMillis(Math.max(100, c.timeoutMillis())), c.callbackUrl());
    }

    public static GatewaySettings json(URI url, Duration timeout) {
        return new GatewaySettings(url, "+15550000000", "", "", "", "application/json",
                "{\"to\":\"${to}\",\"from\":\"${from}\",\"text\":\"${text}\",\"reference\":\"${reference}\"}", "/id",
                timeout, "");
    }

    boolean form() {
        return contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }
}
