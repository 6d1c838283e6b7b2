package org.tandem.store.internal.migration;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a migration file into statements with one deliberately simple rule, so no SQL parser is needed:
 * <ul>
 * <li>a statement ends with a {@code ;} at the end of a line (trailing blanks allowed);</li>
 * <li>therefore no semicolon may end a line inside a statement (string literals, procedures);</li>
 * <li>lines whose first non-blank characters are {@code --} are comments and dropped.</li>
 * </ul>
 * Text after the last semicolon, if not blank, is a final statement.
 */
final class SqlScript {

    private SqlScript() {
    }

    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--")) {
                continue;
            }
            if (trimmed.endsWith(";")) {
                current.append(trimmed, 0, trimmed.length() - 1);
                add(statements, current);
            } else {
                current.append(line.stripTrailing()).append('\n');
            }
        }
        add(statements, current);
        return statements;
    }

    private static void add(List<String> statements, StringBuilder current) {
        String sql = current.toString().strip();
        if (!sql.isEmpty()) {
            statements.add(sql);
        }
        current.setLength(0);
    }
}
