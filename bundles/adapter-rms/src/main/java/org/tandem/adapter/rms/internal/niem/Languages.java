package org.tandem.adapter.rms.internal.niem;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;

/**
 * NIEM carries ISO 639-3 language codes ({@code spa}); Tandem stores BCP 47 tags, which use the two-letter ISO
 * 639-1 code where one exists ({@code es}) and the three-letter code otherwise ({@code yue}).
 */
final class Languages {

    private static final Map<String, String> THREE_TO_TWO = new HashMap<>();

    static {
        for (String two : Locale.getISOLanguages()) {
            try {
                String three = Locale.forLanguageTag(two).getISO3Language();
                if (!three.isEmpty()) {
                    THREE_TO_TWO.putIfAbsent(three, two);
                }
            } catch (MissingResourceException e) {
                // no three-letter code known for it
            }
        }
    }

    private Languages() {
    }

    static String toBcp47(String iso639_3) {
        if (iso639_3 == null) {
            return null;
        }
        String code = iso639_3.strip().toLowerCase(Locale.ROOT);
        return THREE_TO_TWO.getOrDefault(code, code);
    }
}
