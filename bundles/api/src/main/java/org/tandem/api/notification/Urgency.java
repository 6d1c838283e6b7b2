package org.tandem.api.notification;

/**
 * How urgent a notice is. ROUTINE notices wait for the person's safe hours; URGENT ones (an offender's release or
 * escape) may go out at any hour, but outside the safe hours only on the channels the person marked as safe for
 * urgent alerts ({@code ContactPreferences.urgentChannels}).
 */
public enum Urgency { ROUTINE, URGENT }
