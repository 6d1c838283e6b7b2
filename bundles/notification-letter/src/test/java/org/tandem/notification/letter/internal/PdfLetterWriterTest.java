package org.tandem.notification.letter.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.api.cases.Channel;
import org.tandem.api.notification.AttemptOutcome;
import org.tandem.api.notification.DeliveryResult;
import org.tandem.api.notification.OutgoingMessage;

class PdfLetterWriterTest {

    @TempDir
    Path dir;

    private static OutgoingMessage letter(String text) {
        return new OutgoingMessage("notifletter0000000000000", Channel.LETTER, null, "María López", "es",
                "Se ha abierto su caso 2026-000123", text, null, null, true, "case123", "person456");
    }

    @Test
    void writesAReadablePdfLetterIntoThePrintQueue() throws Exception {
        PdfLetterWriter writer = new PdfLetterWriter(dir.resolve("queue"), List.of("Victim Services", "Springfield PD"));
        String body = "Estimado/a María:\n\n" + "Usted tiene derecho a ser informada de los procesos judiciales. ".repeat(80)
                + "\nContacto: +1 217 555 0110 — 你好";

        DeliveryResult r = writer.write(letter(body), LocalDate.of(2026, 11, 25));

        assertThat(r.outcome()).isEqualTo(AttemptOutcome.SENT);
        assertThat(r.providerMessageId()).isEqualTo("notifletter0000000000000.pdf");
        Path pdf = dir.resolve("queue").resolve(r.providerMessageId());
        try (PDDocument doc = PDDocument.load(pdf.toFile())) {
            assertThat(doc.getNumberOfPages()).isGreaterThan(1);
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Springfield PD").contains("25 de noviembre de 2026").contains("María López")
                    .contains("case123").contains("Estimado/a María:").contains("Ref. notifletter0000000000000")
                    .contains("Contacto: +1 217 555 0110 — ??");
            assertThat(doc.getDocumentInformation().getCustomMetadataValue("TandemNotification"))
                    .isEqualTo("notifletter0000000000000");
        }
        try (var files = Files.list(dir.resolve("queue"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("notifletter0000000000000.pdf");
        }
    }

    @Test
    void aRetryReplacesTheSameLetterInsteadOfPrintingTwice() throws Exception {
        PdfLetterWriter writer = new PdfLetterWriter(dir, List.of("VS"));

        writer.write(letter("first"), LocalDate.of(2026, 11, 25));
        writer.write(letter("second"), LocalDate.of(2026, 11, 26));

        try (var files = Files.list(dir)) {
            assertThat(files).hasSize(1);
        }
        try (PDDocument doc = PDDocument.load(dir.resolve("notifletter0000000000000.pdf").toFile())) {
            assertThat(new PDFTextStripper().getText(doc)).contains("second").doesNotContain("first");
        }
    }

    @Test
    void anUnwritableQueueIsATransientFailure() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");

        assertThat(new PdfLetterWriter(file, List.of("VS")).write(letter("t"), LocalDate.of(2026, 11, 25)).outcome())
                .isEqualTo(AttemptOutcome.TRANSIENT_FAILURE);
    }
}
