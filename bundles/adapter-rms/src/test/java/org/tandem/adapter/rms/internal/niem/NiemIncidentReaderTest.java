package org.tandem.adapter.rms.internal.niem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tandem.api.FieldError;
import org.tandem.api.ValidationException;
import org.tandem.api.cases.Channel;
import org.tandem.api.cases.ContactPreferences;
import org.tandem.api.cases.NewCase;
import org.tandem.api.cases.Person;
import org.tandem.api.cases.PersonRole;

/** The shipped sample reports (examples/rms) through the reader. */
class NiemIncidentReaderTest {

    static final Path EXAMPLES = Path.of("../../examples/rms");

    private final NiemIncidentReader reader = new NiemIncidentReader(ZoneId.of("America/Chicago"));

    static byte[] example(String name) throws Exception {
        return Files.readAllBytes(EXAMPLES.resolve(name));
    }

    @Test
    void readsTheFullSampleReport() throws Exception {
        IncidentReport report = reader.read(example("incident-2026-000200-1.xml"));

        assertThat(report.key()).isEqualTo("IL0160000|2026-000200|SPD-RMS-2026-000200-001");
        NewCase c = report.newCase();
        assertThat(c.incident().number()).isEqualTo("2026-000200");
        assertThat(c.incident().ori()).isEqualTo("IL0160000");
        assertThat(c.incident().occurredAt()).isEqualTo(Instant.parse("2026-11-21T04:15:00Z"));
        assertThat(c.incident().offenses()).containsExactly("13A", "90J");
        assertThat(c.incident().location()).isEqualTo("400 Main St, Springfield");
        assertThat(c.narrative()).startsWith("Aggravated assault");
        assertThat(c.persons()).hasSize(2);
        Person maria = c.persons().get(0);
        assertThat(maria.role()).isEqualTo(PersonRole.PRIMARY_VICTIM);
        assertThat(maria.givenName()).isEqualTo("Maria");
        assertThat(maria.familyName()).isEqualTo("Lopez");
        assertThat(maria.birthDate()).isEqualTo(LocalDate.of(1990, 4, 2));
        assertThat(maria.language()).as("ISO 639-3 spa as BCP 47").isEqualTo("es");
        assertThat(maria.contact()).isEqualTo(new ContactPreferences("maria@example.org", "+12175550123",
                List.of(Channel.SMS, Channel.EMAIL), null, true, true, null));
        Person ana = c.persons().get(1);
        assertThat(ana.role()).isEqualTo(PersonRole.SECONDARY_VICTIM);
        assertThat(ana.relationship()).isEqualTo("MOTHER");
        assertThat(ana.contact().channels()).containsExactly(Channel.VOICE);
        assertThat(c.needs()).isEmpty();
    }

    @Test
    void localTimesUseTheConfiguredZoneAndWitnessesAreRead() throws Exception {
        IncidentReport burglary = reader.read(example("incident-2026-000231.xml"));
        assertThat(burglary.newCase().incident().occurredAt()).isEqualTo(Instant.parse("2026-11-22T09:40:00Z"));
        assertThat(new NiemIncidentReader(ZoneId.of("UTC")).read(example("incident-2026-000231.xml")).newCase()
                .incident().occurredAt()).isEqualTo(Instant.parse("2026-11-22T03:40:00Z"));

        IncidentReport supplement = reader.read(example("incident-2026-000200-2.xml"));
        assertThat(supplement.key()).isEqualTo("IL0160000|2026-000200|SPD-RMS-2026-000200-002");
        assertThat(supplement.newCase().persons()).extracting(Person::role)
                .containsExactly(PersonRole.PRIMARY_VICTIM, PersonRole.WITNESS);
        assertThat(supplement.newCase().persons().get(1).language()).isEqualTo("en");
        assertThat(supplement.newCase().persons().get(0).contact()).isEqualTo(ContactPreferences.none());
    }

    @Test
    void externalEntitiesAndEntityBombsAreRejectedBeforeAnythingIsResolved() throws Exception {
        for (String bad : List.of("bad/xxe.xml", "bad/billion-laughs.xml")) {
            assertThatThrownBy(() -> reader.read(example(bad))).as(bad)
                    .isInstanceOfSatisfying(RejectedDocumentException.class, e -> {
                        assertThat(e.kind()).isEqualTo(RejectedDocumentException.Kind.FORBIDDEN_CONSTRUCT);
                        assertThat(e.getMessage()).contains("DOCTYPE").doesNotContain("root:");
                    });
        }
        String parameterEntity = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY % p SYSTEM \"http://localhost:1/evil.dtd\"> %p;]><x/>";
        assertThatThrownBy(() -> reader.read(parameterEntity.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(RejectedDocumentException.class);
    }

    @Test
    void schemaHintsInTheDocumentAreNotFetched() throws Exception {
        String hinted = new String(example("incident-2026-000231.xml"), StandardCharsets.UTF_8).replace(
                "xmlns:s=\"http://release.niem.gov/niem/structures/5.0/\">",
                "xmlns:s=\"http://release.niem.gov/niem/structures/5.0/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                        + " xsi:schemaLocation=\"urn:tandem:niem:incident-report:1.0 http://localhost:1/evil.xsd\">");
        assertThat(reader.read(hinted.getBytes(StandardCharsets.UTF_8)).ori()).isEqualTo("IL0160000");
    }

    @Test
    void malformedDocumentsAreRejected() throws Exception {
        assertThatThrownBy(() -> reader.read(example("bad/not-well-formed.xml")))
                .isInstanceOfSatisfying(RejectedDocumentException.class, e -> {
                    assertThat(e.kind()).isEqualTo(RejectedDocumentException.Kind.NOT_WELL_FORMED);
                    assertThat(e.getMessage()).contains("line");
                });
        assertThatThrownBy(() -> reader.read("plain text".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(RejectedDocumentException.class);
    }

    @Test
    void schemaViolationsAreListedWithTheirPosition() throws Exception {
        assertThatThrownBy(() -> reader.read(example("bad/schema-invalid.xml")))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.errors()).extracting(FieldError::field).containsOnly("document");
                    assertThat(e.errors()).extracting(FieldError::message)
                            .anySatisfy(m -> assertThat(m).contains("ASSAULT"))
                            .anySatisfy(m -> assertThat(m).contains("ShoeSize"))
                            .allSatisfy(m -> assertThat(m).startsWith("line "));
                });
        assertThatThrownBy(() -> reader.read("<other xmlns=\"urn:x\"/>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void brokenReferencesAreReported() throws Exception {
        String wrongRef = new String(example("incident-2026-000231.xml"), StandardCharsets.UTF_8)
                .replace("<j:Victim><nc:RoleOfPerson s:ref=\"P1\"/>", "<j:Victim><nc:RoleOfPerson s:ref=\"C1\"/>");
        assertThatThrownBy(() -> reader.read(wrongRef.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors().get(0).message())
                        .contains("must refer to an nc:Person"));
        String dangling = new String(example("incident-2026-000231.xml"), StandardCharsets.UTF_8)
                .replace("<j:Victim><nc:RoleOfPerson s:ref=\"P1\"/>", "<j:Victim><nc:RoleOfPerson s:ref=\"P9\"/>");
        assertThatThrownBy(() -> reader.read(dangling.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("P9");
    }
}
