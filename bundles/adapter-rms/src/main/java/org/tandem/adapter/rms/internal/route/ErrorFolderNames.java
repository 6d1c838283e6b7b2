package org.tandem.adapter.rms.internal.route;

/**
 * Names for the error folder's copies and {@code .reason} files, made from the name a sender chose for its file. A
 * file name is input like any other: it may be as long as the file system allows (the time stamp prefix and the
 * {@code .reason} suffix would then make a name too long to write, and the rejected file would be retried for ever),
 * contain line breaks (which would forge lines of the reason file), bidirectional overrides or shell metacharacters.
 */
final class ErrorFolderNames {

    /** Longest name kept: with the time stamp, ".reason" and the temporary prefix/suffix it stays far below 255 bytes. */
    static final int MAX_NAME = 120;

    private ErrorFolderNames() {
    }

    /** Letters, digits, '.', '-' and '_' kept; anything else becomes '_'; long names keep their start and their end. */
    static String safe(String name) {
        if (name == null || name.isEmpty()) {
            return "unnamed";
        }
        StringBuilder out = new StringBuilder(Math.min(name.length(), MAX_NAME + 1));
        name.codePoints().forEach(c -> out.append(c < 0x80 && (Character.isLetterOrDigit(c) || c == '.' || c == '-'
                || c == '_') ? (char) c : '_'));
        String safe = out.toString();
        if (safe.length() > MAX_NAME) {
            safe = safe.substring(0, MAX_NAME - 21) + "~" + safe.substring(safe.length() - 20);
        }
        return safe;
    }

    /** The name as it was, for the reason text: control and format characters escaped, one line, bounded. */
    static String printable(String name) {
        if (name == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        name.codePoints().limit(300).forEach(c -> {
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT || c == '\\') {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        if (name.codePointCount(0, name.length()) > 300) {
            out.append("...");
        }
        return out.toString();
    }
}
