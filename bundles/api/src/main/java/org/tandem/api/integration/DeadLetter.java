package org.tandem.api.integration;

import java.time.Instant;

/**
 * A message an integration route gave up on: which route, a reference to the message (file name, claim id,
 * report id; never its content), why, and when it was resolved (resubmitted or dismissed), if ever.
 */
public record DeadLetter(String id, String source, String reference, String reason, Instant failedAt,
        Instant resolvedAt) {
}
