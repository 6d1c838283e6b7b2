package org.tandem.example.agency;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The agency's texts, from {@code example-agency.properties} in this bundle. */
final class Messages {

    private static final Properties TEXTS = load();

    private Messages() {
    }

    static String get(String key) {
        return TEXTS.getProperty(key, key);
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = Messages.class.getResourceAsStream("/example-agency.properties")) {
            if (in != null) {
                p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
