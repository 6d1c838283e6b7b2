package org.tandem.store.internal.migration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One numbered migration file, e.g. {@code V001__init.sql} (version 1, description "init"). */
record Migration(int version, String description, String fileName, String script, String checksum) {

    private static final Pattern FILE_NAME = Pattern.compile("V(\\d{1,9})__([A-Za-z0-9_]{1,150})\\.sql");

    static boolean isValidName(String fileName) {
        return FILE_NAME.matcher(fileName).matches();
    }

    /** @throws IllegalStateException when the name does not follow {@code V<number>__<description>.sql} */
    static Migration of(String fileName, String script) {
        Matcher m = FILE_NAME.matcher(fileName);
        if (!m.matches()) {
            throw new IllegalStateException("Migration file name '" + fileName
                    + "' does not match V<number>__<description>.sql (description: letters, digits, _)");
        }
        // line endings are normalised so a checkout with CRLF does not count as a changed migration
        String normalised = script.replace("\r\n", "\n").replace('\r', '\n');
        return new Migration(Integer.parseInt(m.group(1)), m.group(2).replace('_', ' '), fileName, normalised,
                sha256(normalised));
    }

    List<String> statements() {
        return SqlScript.statements(script);
    }

    private static String sha256(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
