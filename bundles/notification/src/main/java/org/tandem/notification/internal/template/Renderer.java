package org.tandem.notification.internal.template;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills {@code {{name}}} placeholders from a model; {@code {{label:name}}} shows the template's label for the value
 * (e.g. a custody status code in words), or the value itself without a label. Values are HTML-escaped in the HTML
 * part. Unknown names render as nothing. No logic, no code: a template file cannot execute anything.
 */
public final class Renderer {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(label:)?([A-Za-z0-9_.]+)\\s*}}");

    private Renderer() {
    }

    public static Rendered render(TemplateStore.Found found, Map<String, String> model) {
        Template t = found.template();
        String subject = fill(t.subject(), t, model, false).replaceAll("[\\r\\n]+", " ").strip();
        String text = fill(t.text(), t, model, false);
        String html = t.html() == null ? null : fill(t.html(), t, model, true);
        String shortText = t.shortText() == null ? null : fill(t.shortText(), t, model, false).strip();
        return new Rendered(subject, text, html, shortText, t.language(), found.fallback(),
                hash(subject, text, html, shortText));
    }

    static String fill(String source, Template t, Map<String, String> model, boolean html) {
        Matcher m = PLACEHOLDER.matcher(source);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = model.getOrDefault(m.group(2), "");
            if (m.group(1) != null) {
                value = t.labels().getOrDefault(value, value);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(html ? escape(value) : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    static String hash(String... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String p : parts) {
                digest.update((p == null ? "" : p).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
