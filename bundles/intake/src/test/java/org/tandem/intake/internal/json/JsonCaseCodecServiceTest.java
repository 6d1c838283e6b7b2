package org.tandem.intake.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.tandem.api.FieldError;
import org.tandem.api.ValidationException;
import org.tandem.intake.internal.testing.TestCases;

class JsonCaseCodecServiceTest {

    private final JsonCaseCodecService codec = new JsonCaseCodecService();

    @Test
    void readsTheContractsExampleLikeTheRestResource() {
        assertThat(codec.read(TestCases.EXAMPLE_JSON)).isEqualTo(new CaseJsonCodec().read(TestCases.exampleJson()));
        assertThat(codec.read(TestCases.EXAMPLE_JSON.getBytes(StandardCharsets.UTF_8)).persons()).hasSize(2);
    }

    @Test
    void rejectsWhatTheRestHostRejects() {
        assertBodyError("{\"incident\": {", "malformed JSON");
        assertBodyError("{\"narrative\":\"a\",\"narrative\":\"b\"}", "Duplicate field");
        assertBodyError("{} {}", "unexpected content");
        assertBodyError("", "a JSON object is required");
        assertBodyError("[".repeat(40) + "]".repeat(40), "nesting depth");
    }

    @Test
    void contractErrorsListEveryField() {
        String bad = TestCases.EXAMPLE_JSON.replace("\"PRIMARY_VICTIM\"", "\"VICTIM\"").replace("\"needs\"",
                "\"colour\":\"blue\",\"needs\"");
        assertThatThrownBy(() -> codec.read(bad)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.errors()).extracting(FieldError::field).contains("persons[0].role", "colour"));
    }

    private void assertBodyError(String json, String message) {
        assertThatThrownBy(() -> codec.read(json)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.errors()).singleElement().satisfies(f -> {
                    assertThat(f.field()).isEqualTo("body");
                    assertThat(f.message()).containsIgnoringCase(message);
                }));
    }
}
