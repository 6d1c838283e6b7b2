package org.tandem.store.internal.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SqlScriptTest {

    @Test
    void splitsOnSemicolonsAtLineEndAndDropsCommentLines() {
        String script = "-- header; with a semicolon\n"
                + "CREATE TABLE a (\n  id INT NOT NULL\n);  \n"
                + "\n"
                + "  -- indented comment\n"
                + "INSERT INTO a VALUES (1);\r\n"
                + "INSERT INTO a\nVALUES (2)\n";

        assertThat(SqlScript.statements(Migration.of("V001__x.sql", script).script()))
                .containsExactly("CREATE TABLE a (\n  id INT NOT NULL\n)", "INSERT INTO a VALUES (1)",
                        "INSERT INTO a\nVALUES (2)");
    }

    @Test
    void aSemicolonInsideALineDoesNotSplit() {
        assertThat(SqlScript.statements("INSERT INTO a VALUES ('x;y');\n")).containsExactly(
                "INSERT INTO a VALUES ('x;y')");
    }

    @Test
    void emptyScriptHasNoStatements() {
        assertThat(SqlScript.statements("-- nothing\n\n;\n")).isEmpty();
    }

    @Test
    void fileNameGivesVersionAndDescription() {
        Migration m = Migration.of("V012__add_consent_table.sql", "SELECT 1");
        assertThat(m.version()).isEqualTo(12);
        assertThat(m.description()).isEqualTo("add consent table");
        assertThat(m.checksum()).hasSize(64);
    }

    @Test
    void lineEndingsDoNotChangeTheChecksum() {
        assertThat(Migration.of("V001__a.sql", "A;\r\nB;\r\n").checksum())
                .isEqualTo(Migration.of("V001__a.sql", "A;\nB;\n").checksum());
    }

    @Test
    void badFileNameIsRejected() {
        assertThatThrownBy(() -> Migration.of("001_init.sql", "")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("001_init.sql");
    }
}
