package org.tandem.notification.sms.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** How to read a gateway's delivery receipt. */
record ReceiptSettings(String idField, String statusField, Set<String> delivered, Set<String> failed) {

    static ReceiptSettings from(SmsConfig c) {
        return new ReceiptSettings(c.receiptIdField(), c.receiptStatusField(), values(c.deliveredValues()),
                values(c.failedValues()));
    }

    static ReceiptSettings defaults() {
        return new ReceiptSettings("messageId", "status", values("delivered,DELIVRD"),
                values("failed,undelivered,rejected,expired,UNDELIV,REJECTD,EXPIRED"));
    }

    /** @return true = delivered, false = not delivered, empty = an intermediate status (queued, sent ...) */
    Optional<Boolean> outcome(String status) {
        String s = status == null ? "" : status.strip().toLowerCase(Locale.ROOT);
        if (delivered.contains(s)) {
            return Optional.of(true);
        }
        if (failed.contains(s)) {
            return Optional.of(false);
        }
        return Optional.empty();
    }

    private static Set<String> values(String csv) {
        return Arrays.stream(csv.split(",")).map(v -> v.strip().toLowerCase(Locale.ROOT)).filter(v -> !v.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }
}
