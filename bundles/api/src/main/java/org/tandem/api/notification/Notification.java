package org.tandem.api.notification;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.tandem.api.cases.Channel;

/**
 * One outbox record: a message about one event to one recipient on one channel, with its history. The
 * {@code idempotencyKey} (event, recipient, channel) is unique: the same event delivered twice, or replayed after a
 * restart, never creates a second record.
 *
 * @param eventType what triggered it, see {@link NotificationEvents}
 * @param eventId the triggering event's identity (e.g. the case id for a case opening)
 * @param channel null only for a WITHHELD record that never had a usable channel
 * @param language the recipient's language (as recorded on the person)
 * @param template template id, e.g. {@code case-opened}
 * @param templateLanguage the language of the template actually used; differs from {@code language} when the
 *        template fell back to English ({@code languageFallback} true)
 * @param contentHash SHA-256 of the last rendered content sent
 * @param attemptCount send attempts made so far
 * @param reason why it waits, was withheld or failed (PII-free)
 * @param fallbackOf the record on the previous channel this one replaces after its permanent failure
 * @param params event data needed to render the message (ids, statuses, dates; the text of a manual message)
 * @param history every attempt, receipt and rule decision, oldest first (empty when not loaded)
 */
public record Notification(String id, String idempotencyKey, String agencyId, String caseId, String personId,
        RecipientType recipientType, String eventType, String eventId, Channel channel, String language,
        String template, String templateLanguage, boolean languageFallback, String contentHash,
        NotificationState state, int attemptCount, Instant nextAttemptAt, String providerMessageId, String reason,
        String fallbackOf, String createdBy, Instant createdAt, Instant updatedAt, Instant sentAt,
        Instant deliveredAt, Map<String, String> params, List<NotificationAttempt> history) {

    public Notification {
        params = params == null ? Map.of() : Map.copyOf(params);
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** A copy with a new state, reason and time of next attempt. */
    public Notification withState(NotificationState newState, String newReason, Instant newNextAttemptAt,
            Instant now) {
        return new Notification(id, idempotencyKey, agencyId, caseId, personId, recipientType, eventType, eventId,
                channel, language, template, templateLanguage, languageFallback, contentHash, newState, attemptCount,
                newNextAttemptAt, providerMessageId, newReason, fallbackOf, createdBy, createdAt, now, sentAt,
                deliveredAt, params, history);
    }

    public Notification withContent(String newTemplateLanguage, boolean newLanguageFallback, String newContentHash) {
        return new Notification(id, idempotencyKey, agencyId, caseId, personId, recipientType, eventType, eventId,
                channel, language, template, newTemplateLanguage, newLanguageFallback, newContentHash, state,
                attemptCount, nextAttemptAt, providerMessageId, reason, fallbackOf, createdBy, createdAt, updatedAt,
                sentAt, deliveredAt, params, history);
    }

    public Notification withAttempt(int newAttemptCount, String newProviderMessageId, Instant newSentAt,
            Instant newDeliveredAt) {
        return new Notification(id, idempotencyKey, agencyId, caseId, personId, recipientType, eventType, eventId,
                channel, language, template, templateLanguage, languageFallback, contentHash, state, newAttemptCount,
                nextAttemptAt, newProviderMessageId, reason, fallbackOf, createdBy, createdAt, updatedAt, newSentAt,
                newDeliveredAt, params, history);
    }

    public Notification withHistory(List<NotificationAttempt> newHistory) {
        return new Notification(id, idempotencyKey, agencyId, caseId, personId, recipientType, eventType, eventId,
                channel, language, template, templateLanguage, languageFallback, contentHash, state, attemptCount,
                nextAttemptAt, providerMessageId, reason, fallbackOf, createdBy, createdAt, updatedAt, sentAt,
                deliveredAt, params, newHistory);
    }
}
