package org.tandem.notification.internal.template;

import java.util.Map;

/**
 * One parsed template file {@code <template>_<language>.tmpl}.
 *
 * @param language the language the file is written in
 * @param html null when the file has no {@code --- html} section
 * @param shortText null when the file has no {@code --- short} section (SMS and VOICE then use the text)
 * @param labels display values for codes ({@code --- labels} section, {@code CODE = words}), used by
 *        {@code {{label:name}}}
 */
public record Template(String id, String language, String subject, String text, String html, String shortText,
        Map<String, String> labels) {

    public Template {
        labels = Map.copyOf(labels);
    }
}
