package org.tandem.referral.internal.exchange;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV: fields separated by commas, records by CRLF or LF; a field in double quotes may hold commas,
 * quotes (doubled) and line breaks. A leading byte order mark is skipped, blank lines are ignored. Malformed
 * quoting is reported with its line, not guessed around.
 */
public final class Csv {

    /** A record and the line of the file it starts on. */
    public record Record(int line, List<String> fields) {
    }

    /** The file cannot be read as CSV at {@code line}. */
    public static final class MalformedCsvException extends RuntimeException {

        private static final long serialVersionUID = 1L;
        private final int line;

        MalformedCsvException(int line, String message) {
            super("line " + line + ": " + message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    private Csv() {
    }

    public static List<Record> parse(String text) {
        String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<Record> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean closedQuote = false;
        int line = 1;
        int recordLine = 1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                        closedQuote = true;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                closedQuote = false;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                add(records, recordLine, fields);
                fields = new ArrayList<>();
                field.setLength(0);
                closedQuote = false;
                line++;
                recordLine = line;
            } else if (c == '"') {
                if (field.length() > 0 || closedQuote) {
                    throw new MalformedCsvException(line, "a quote inside an unquoted field (quote the whole field"
                            + " and double the quote)");
                }
                quoted = true;
            } else {
                if (closedQuote) {
                    throw new MalformedCsvException(line, "text after a closing quote");
                }
                field.append(c);
            }
        }
        if (quoted) {
            throw new MalformedCsvException(recordLine, "a quoted field is never closed");
        }
        if (field.length() > 0 || !fields.isEmpty() || closedQuote) {
            fields.add(field.toString());
            add(records, recordLine, fields);
        }
        return records;
    }

    private static void add(List<Record> records, int line, List<String> fields) {
        if (fields.size() == 1 && fields.get(0).isEmpty()) {
            return; // blank line
        }
        records.add(new Record(line, List.copyOf(fields)));
    }

    /** One record, quoting fields that need it, ending with CRLF. */
    public static String line(List<String> fields) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String f = fields.get(i) == null ? "" : fields.get(i);
            if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0
                    || (!f.isEmpty() && (Character.isWhitespace(f.charAt(0))
                            || Character.isWhitespace(f.charAt(f.length() - 1))))) {
                out.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                out.append(f);
            }
        }
        return out.append("\r\n").toString();
    }
}
