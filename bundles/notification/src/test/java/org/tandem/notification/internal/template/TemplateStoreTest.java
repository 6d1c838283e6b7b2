package org.tandem.notification.internal.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateStoreTest {

    @TempDir
    Path dir;

    private static final Map<String, String> MODEL = Map.of("person.givenName", "María <b>", "agency.name", "PD",
            "agency.contact", "555", "case.reference", "2026-1", "status", "ACCEPTED", "custodyStatus", "RELEASED",
            "courtEventType", "TRIAL", "scheduledAt.local", "lunes", "subject", "S", "text", "T");

    @Test
    void everyBuiltInTemplateExistsInEnglishAndSpanishAndRendersEveryPart() {
        TemplateStore store = new TemplateStore(null);
        for (String id : new String[] {"case-opened", "referral-status-changed", "custody-status-changed",
                "court-event-scheduled", "manual", "alternate-contact"}) {
            for (String language : new String[] {"en", "es"}) {
                TemplateStore.Found found = store.find(id, language).orElseThrow();
                assertThat(found.fallback()).as(id + "_" + language).isFalse();
                Rendered r = Renderer.render(found, MODEL);
                assertThat(r.subject()).as(id).isNotBlank().doesNotContain("{{");
                assertThat(r.text()).as(id).contains("María <b>").doesNotContain("{{");
                assertThat(r.shortText()).as(id).isNotBlank().doesNotContain("{{");
                if (r.html() != null) {
                    assertThat(r.html()).as(id).contains("María &lt;b&gt;").doesNotContain("María <b>");
                }
                assertThat(r.contentHash()).matches("[0-9a-f]{64}");
            }
        }
    }

    @Test
    void labelsTranslateCodes() {
        TemplateStore store = new TemplateStore(null);
        assertThat(Renderer.render(store.find("custody-status-changed", "es").orElseThrow(), MODEL).text())
                .contains("puesto en libertad");
        assertThat(Renderer.render(store.find("referral-status-changed", "en").orElseThrow(), MODEL).text())
                .contains("accepted by the provider");
    }

    @Test
    void regionalTagsUseThePrimaryLanguageAndUnknownLanguagesFallBackToEnglish() {
        TemplateStore store = new TemplateStore(null);

        assertThat(store.find("case-opened", "es-MX").orElseThrow()).satisfies(f -> {
            assertThat(f.template().language()).isEqualTo("es");
            assertThat(f.fallback()).isFalse();
        });
        assertThat(store.find("case-opened", "vi").orElseThrow()).satisfies(f -> {
            assertThat(f.template().language()).isEqualTo("en");
            assertThat(f.fallback()).isTrue();
        });
        assertThat(store.find("case-opened", null).orElseThrow().template().language()).isEqualTo("en");
        assertThat(store.find("no-such-template", "en")).isEmpty();
        assertThatThrownBy(() -> store.find("../etc/passwd", "en")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anAgencyFileOverridesTheBuiltInOneAndEditsApplyWithoutRestart() throws Exception {
        TemplateStore store = new TemplateStore(dir);
        Path file = dir.resolve("case-opened_es.tmpl");
        Files.writeString(file, "subject: Hola {{person.givenName}}\n--- text\nPrimera versión\n", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
        assertThat(Renderer.render(store.find("case-opened", "es").orElseThrow(), MODEL).text())
                .isEqualTo("Primera versión\n");

        Files.writeString(file, "subject: Hola\n--- text\nSegunda versión\n", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-01-02T00:00:00Z")));
        assertThat(Renderer.render(store.find("case-opened", "es").orElseThrow(), MODEL).text())
                .isEqualTo("Segunda versión\n");
        // English still comes from the bundle
        assertThat(store.find("case-opened", "en").orElseThrow().template().text()).contains("Your rights");
    }

    @Test
    void aBrokenOverrideFallsBackToTheBuiltInTemplate() throws Exception {
        Files.writeString(dir.resolve("case-opened_en.tmpl"), "no subject here\n", StandardCharsets.UTF_8);

        assertThat(new TemplateStore(dir).find("case-opened", "en").orElseThrow().template().text())
                .contains("Your rights");
    }

    @Test
    void parserRejectsFilesWithoutSubjectOrTextAndUnknownSections() {
        assertThatThrownBy(() -> TemplateParser.parse("x", "en", "--- text\nhi\n")).hasMessageContaining("subject");
        assertThatThrownBy(() -> TemplateParser.parse("x", "en", "subject: s\n")).hasMessageContaining("text");
        assertThatThrownBy(() -> TemplateParser.parse("x", "en", "subject: s\n--- text\nt\n--- script\nx"))
                .hasMessageContaining("unknown section");
    }
}
