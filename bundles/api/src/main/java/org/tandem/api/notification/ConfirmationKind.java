package org.tandem.api.notification;

/**
 * How a recipient confirms, safe for the channel: a short one-time code replied by SMS, a single-use link in an
 * e-mail (the page behind it reveals nothing about the case), or the PIN the person chose at registration, entered
 * on a VOICE/IVR gateway.
 */
public enum ConfirmationKind { SMS_CODE, LINK, PIN }
