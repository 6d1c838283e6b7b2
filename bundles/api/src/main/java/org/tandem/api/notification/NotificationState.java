package org.tandem.api.notification;

/**
 * Life cycle of an outbox record: {@code QUEUED -> SENT -> DELIVERED}, or {@code QUEUED -> FAILED} (a transient
 * failure, retried) {@code -> SENT | DEAD}. {@code DEAD}: no further attempt on this channel (attempts exhausted or
 * permanent failure; a fallback record on the next channel may follow). {@code WITHHELD}: a rule forbade sending
 * (no consent, not safe to contact, no usable channel); the advocate is told.
 */
public enum NotificationState {
    QUEUED, SENT, DELIVERED, FAILED, DEAD, WITHHELD;

    /** True while the dispatcher still works on the record. */
    public boolean pending() {
        return this == QUEUED || this == FAILED;
    }
}
