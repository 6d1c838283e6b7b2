package org.tandem.api.notification;

import java.util.Objects;

import org.tandem.api.cases.Channel;

/**
 * A rendered message handed to a {@link NotificationChannel}.
 *
 * @param notificationId stable id of the outbox record; the same on every retry (use it as the provider's client
 *        reference or message id)
 * @param channel the channel it is sent on
 * @param address where to: an e-mail address (EMAIL), an E.164 phone number (SMS, VOICE); null for LETTER
 *        (the letter carries {@code recipientName} and the case reference; see docs/notifications.md)
 * @param recipientName how to address the recipient (given and family name, or the alternate contact's text)
 * @param language the language the content is in (after template fallback), a BCP 47 tag
 * @param subject subject line (e-mail subject, letter heading)
 * @param text plain-text body
 * @param html HTML body, or null when the template has none
 * @param shortText a short form for SMS and VOICE (falls back to {@code text} in the template)
 * @param voicemailAllowed false when the person asked for no voicemail: a VOICE channel must not leave messages
 * @param caseId the case, for references printed on letters
 * @param personId the person the message is about (the recipient, or the person an alternate contact stands for)
 */
public record OutgoingMessage(String notificationId, Channel channel, String address, String recipientName,
        String language, String subject, String text, String html, String shortText, boolean voicemailAllowed,
        String caseId, String personId) {

    public OutgoingMessage {
        Objects.requireNonNull(notificationId, "notificationId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(text, "text");
    }

    /** The short form when there is one, else the full text: what SMS and VOICE send. */
    public String shortOrText() {
        return shortText == null || shortText.isBlank() ? text : shortText;
    }
}
