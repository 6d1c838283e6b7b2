package org.tandem.notification.internal.template;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the template file format agencies edit:
 *
 * <pre>
 * # comment lines (only before the first section)
 * subject: Your case has been opened
 * --- text
 * Dear {{person.givenName}}, ...
 * --- html
 * &lt;p&gt;Dear {{person.givenName}}, ...&lt;/p&gt;
 * --- short
 * {{agency.name}}: your case was opened. ...
 * --- labels
 * RELEASED = released from custody
 * </pre>
 *
 * {@code subject:} and {@code --- text} are required; the other sections are optional.
 */
final class TemplateParser {

    private TemplateParser() {
    }

    /** @throws IllegalArgumentException naming what is missing or unknown */
    static Template parse(String id, String language, String content) {
        String subject = null;
        Map<String, StringBuilder> sections = new LinkedHashMap<>();
        StringBuilder current = null;
        for (String line : content.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
            if (line.startsWith("--- ")) {
                String name = line.substring(4).strip();
                if (!Map.of("text", 1, "html", 1, "short", 1, "labels", 1).containsKey(name)) {
                    throw new IllegalArgumentException("unknown section '--- " + name + "' (text, html, short, labels)");
                }
                current = new StringBuilder();
                sections.put(name, current);
            } else if (current != null) {
                current.append(line).append('\n');
            } else if (line.startsWith("subject:")) {
                subject = line.substring("subject:".length()).strip();
            } else if (!line.isBlank() && !line.startsWith("#")) {
                throw new IllegalArgumentException("before the first section only '#' comments and 'subject:' are allowed");
            }
        }
        if (subject == null || subject.isEmpty()) {
            throw new IllegalArgumentException("'subject:' line missing");
        }
        if (!sections.containsKey("text") || sections.get("text").toString().isBlank()) {
            throw new IllegalArgumentException("'--- text' section missing or empty");
        }
        Map<String, String> labels = new LinkedHashMap<>();
        if (sections.containsKey("labels")) {
            for (String line : sections.get("labels").toString().split("\n")) {
                int eq = line.indexOf('=');
                if (!line.isBlank() && !line.strip().startsWith("#") && eq > 0) {
                    labels.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
                }
            }
        }
        return new Template(id, language, subject, body(sections, "text"), body(sections, "html"),
                body(sections, "short"), labels);
    }

    private static String body(Map<String, StringBuilder> sections, String name) {
        StringBuilder b = sections.get(name);
        if (b == null) {
            return null;
        }
        String s = b.toString().strip();
        return s.isEmpty() ? null : s + (name.equals("short") ? "" : "\n");
    }
}
