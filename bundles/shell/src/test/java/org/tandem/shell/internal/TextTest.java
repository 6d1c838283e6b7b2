package org.tandem.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void tablesGetOneLineCutTexts() {
        assertThat(Text.cut("Assault.\nNeighbor called 911.", 100)).isEqualTo("Assault. Neighbor called 911.");
        assertThat(Text.cut("x".repeat(10), 5)).isEqualTo("xxxx…");
        assertThat(Text.cut(null, 5)).isEqualTo("-");
    }

    @Test
    void emptyValuesShowADash() {
        assertThat(Text.or(null)).isEqualTo("-");
        assertThat(Text.or("")).isEqualTo("-");
        assertThat(Text.join(List.of())).isEqualTo("-");
        assertThat(Text.join(List.of("SMS", "EMAIL"))).isEqualTo("SMS,EMAIL");
        assertThat(Text.time(null)).isEqualTo("-");
        assertThat(Text.time(Instant.parse("2026-11-25T12:34:56Z"))).isEqualTo("2026-11-25 12:34Z");
    }

    @Test
    void serviceTopicsAreReadInEveryShape() {
        assertThat(ExtensionListCommand.strings("org/tandem/case/OPENED")).containsExactly("org/tandem/case/OPENED");
        assertThat(ExtensionListCommand.strings(new String[] { "a", "b" })).containsExactly("a", "b");
        assertThat(ExtensionListCommand.strings(List.of("c"))).containsExactly("c");
        assertThat(ExtensionListCommand.strings(42)).isEmpty();
    }
}
