package org.tandem.api.notification;

/** Who receives a notification: the person themself, or the alternate contact they designated. */
public enum RecipientType { PERSON, ALTERNATE_CONTACT }
