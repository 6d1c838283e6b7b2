package org.tandem.notification.internal.template;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the template for a language: the person's language tag (e.g. {@code es-MX}), then its primary language
 * ({@code es}), then English. For each candidate a file {@code <dir>/<template>_<language>.tmpl} wins over the
 * built-in copy in this bundle, so agencies override single files in {@code etc/} without rebuilding; files are
 * re-read when they change.
 */
public final class TemplateStore {

    public static final String FALLBACK_LANGUAGE = "en";
    private static final Logger LOG = LoggerFactory.getLogger(TemplateStore.class);
    private static final Pattern SAFE_NAME = Pattern.compile("[a-z0-9-]{1,64}");
    private static final Pattern SAFE_LANGUAGE = Pattern.compile("[a-z]{2,3}(-[a-z0-9]{2,8})*");

    private final Path dir;
    private final Map<Path, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(FileTime modified, Template template) {
    }

    /** A template found for a request, and whether it is in another language than asked for. */
    public record Found(Template template, boolean fallback) {
    }

    /** @param dir the override folder; null for built-in templates only */
    public TemplateStore(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    public Optional<Found> find(String templateId, String language) {
        if (!SAFE_NAME.matcher(templateId).matches()) {
            throw new IllegalArgumentException("bad template id " + templateId);
        }
        List<String> candidates = candidates(language);
        String wanted = candidates.get(0);
        for (String candidate : candidates) {
            Optional<Template> t = load(templateId, candidate);
            if (t.isPresent()) {
                boolean fallback = !primary(candidate).equals(primary(wanted));
                return Optional.of(new Found(t.get(), fallback));
            }
        }
        return Optional.empty();
    }

    static List<String> candidates(String language) {
        List<String> out = new ArrayList<>();
        String tag = language == null ? "" : language.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        if (SAFE_LANGUAGE.matcher(tag).matches()) {
            out.add(tag);
            if (!primary(tag).equals(tag)) {
                out.add(primary(tag));
            }
        }
        if (!out.contains(FALLBACK_LANGUAGE)) {
            out.add(FALLBACK_LANGUAGE);
        }
        return out;
    }

    private static String primary(String tag) {
        int dash = tag.indexOf('-');
        return dash < 0 ? tag : tag.substring(0, dash);
    }

    private Optional<Template> load(String id, String language) {
        String name = id + "_" + language + ".tmpl";
        if (dir != null) {
            Path file = dir.resolve(name);
            if (Files.isRegularFile(file)) {
                try {
                    FileTime modified = Files.getLastModifiedTime(file);
                    Cached cached = cache.get(file);
                    if (cached == null || !cached.modified().equals(modified)) {
                        cached = new Cached(modified, TemplateParser.parse(id, language,
                                Files.readString(file, StandardCharsets.UTF_8)));
                        cache.put(file, cached);
                    }
                    return Optional.of(cached.template());
                } catch (IOException | IllegalArgumentException e) {
                    // a broken override must not silence the person: use the built-in copy
                    LOG.error("Template file {} is not usable ({}); using the built-in template", file, e.getMessage());
                }
            }
        }
        try (InputStream in = TemplateStore.class.getResourceAsStream("/templates/" + name)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(TemplateParser.parse(id, language, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IllegalStateException("built-in template " + name + " unreadable", e);
        }
    }
}
