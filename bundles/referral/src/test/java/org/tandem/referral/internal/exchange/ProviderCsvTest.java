package org.tandem.referral.internal.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.tandem.api.ValidationException;

class ProviderCsvTest {

    /** A 2 MB header of a million unknown columns ran the server out of memory (a million errors). */
    @Test
    void aHeaderOfAMillionColumnsIsOneError() {
        String header = "x,".repeat(1_000_000);
        assertThatThrownBy(() -> ProviderCsv.read(header + "\r\n")).isInstanceOfSatisfying(ValidationException.class,
                e -> {
                    assertThat(e.errors()).singleElement().satisfies(f -> {
                        assertThat(f.field()).isEqualTo("header");
                        assertThat(f.message()).startsWith("has 1000001 columns; at most " + ProviderCsv.MAX_COLUMNS);
                    });
                });
    }

    @Test
    void unknownAndRepeatedColumnsAreStillEachReported() {
        assertThatThrownBy(() -> ProviderCsv.read("id,name,name,services,colour\r\n")).isInstanceOfSatisfying(
                ValidationException.class, e -> assertThat(e.errors()).hasSize(2));
    }
}
