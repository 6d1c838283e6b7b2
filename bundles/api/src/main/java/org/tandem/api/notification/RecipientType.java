package org.tandem.api.notification;

/**
 * Who receives a notification: the person themself, the alternate contact they designated, or a member of staff
 * (the case's advocate, told about an escalation; no consent or safe-hours rules apply to staff).
 */
public enum RecipientType { PERSON, ALTERNATE_CONTACT, STAFF }
