package org.tandem.api.notification;

/** A notice that needs confirmation: AWAITING until the recipient confirms (CONFIRMED) or reminders end (EXPIRED). */
public enum NoticeState { AWAITING, CONFIRMED, EXPIRED }
