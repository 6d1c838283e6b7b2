package org.tandem.notification.internal.template;

/**
 * A message rendered for one recipient.
 *
 * @param language the template's language (after fallback)
 * @param fallback true when the person's language had no template and English was used
 * @param contentHash SHA-256 over subject, text, HTML and short text: the evidence of what was sent
 */
public record Rendered(String subject, String text, String html, String shortText, String language,
        boolean fallback, String contentHash) {
}
