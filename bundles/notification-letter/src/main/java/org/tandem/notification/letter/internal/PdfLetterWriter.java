package org.tandem.notification.letter.internal;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.tandem.api.notification.DeliveryResult;
import org.tandem.api.notification.OutgoingMessage;

/**
 * Renders a letter as a US Letter PDF (Helvetica, word-wrapped, as many pages as needed) and drops it into the print
 * queue: written to a hidden temporary file first and moved into place atomically, so the mail room never picks up
 * half a file. The file is named after the notification id: a retry replaces the same letter, it never prints twice.
 * <p>
 * The PDF standard fonts cover Western European text (WinAnsi: English, Spanish, French ...); other characters
 * print as '?'. Letters in other scripts need an embedded font (see docs/notifications.md).
 */
public final class PdfLetterWriter {

    private static final float MARGIN = 72f;
    private static final float SIZE = 11f;
    private static final float LEADING = 15f;

    private final Path queue;
    private final List<String> sender;

    public PdfLetterWriter(Path queue, List<String> sender) {
        this.queue = queue;
        this.sender = List.copyOf(sender);
    }

    public Path queue() {
        return queue;
    }

    public DeliveryResult write(OutgoingMessage m, LocalDate date) {
        String name = m.notificationId() + ".pdf";
        Path target = queue.resolve(name);
        Path tmp = queue.resolve("." + name + ".tmp");
        try {
            Files.createDirectories(queue);
            try (PDDocument doc = new PDDocument()) {
                PDDocumentInformation info = doc.getDocumentInformation();
                info.setTitle(clean(m.subject()));
                info.setSubject("Tandem notification " + m.notificationId());
                info.setCustomMetadataValue("TandemNotification", m.notificationId());
                layout(doc, lines(m, date));
                doc.save(tmp.toFile());
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return DeliveryResult.sent(name, "queued for printing");
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // best effort
            }
            return DeliveryResult.transientFailure("print queue not writable: " + e.getClass().getSimpleName());
        }
    }

    private List<String> lines(OutgoingMessage m, LocalDate date) {
        List<String> lines = new ArrayList<>(sender);
        lines.add("");
        Locale locale = Locale.forLanguageTag(m.language() == null ? "en" : m.language());
        lines.add(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(date));
        lines.add("");
        lines.add(m.recipientName() == null ? "" : m.recipientName());
        lines.add("[address on file - case " + m.caseId() + ", person " + m.personId() + "]");
        lines.add("");
        lines.add(m.subject() == null ? "" : m.subject());
        lines.add("");
        lines.addAll(List.of(m.text().split("\n", -1)));
        lines.add("");
        lines.add("Ref. " + m.notificationId());
        return lines;
    }

    private static void layout(PDDocument doc, List<String> paragraphs) throws IOException {
        PDFont font = PDType1Font.HELVETICA;
        float width = PDRectangle.LETTER.getWidth() - 2 * MARGIN;
        List<String> wrapped = new ArrayList<>();
        for (String p : paragraphs) {
            wrapped.addAll(wrap(font, clean(p), width));
        }
        int perPage = (int) ((PDRectangle.LETTER.getHeight() - 2 * MARGIN) / LEADING);
        for (int start = 0; start < wrapped.size(); start += perPage) {
            PDPage page = new PDPage(PDRectangle.LETTER);
            doc.addPage(page);
            try (PDPageContentStream out = new PDPageContentStream(doc, page)) {
                out.beginText();
                out.setFont(font, SIZE);
                out.setLeading(LEADING);
                out.newLineAtOffset(MARGIN, PDRectangle.LETTER.getHeight() - MARGIN);
                for (String line : wrapped.subList(start, Math.min(wrapped.size(), start + perPage))) {
                    out.showText(line);
                    out.newLine();
                }
                out.endText();
            }
        }
    }

    static List<String> wrap(PDFont font, String paragraph, float width) throws IOException {
        List<String> out = new ArrayList<>();
        if (paragraph.isBlank()) {
            out.add("");
            return out;
        }
        StringBuilder line = new StringBuilder();
        for (String word : paragraph.split(" ")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (font.getStringWidth(candidate) / 1000 * SIZE <= width || line.length() == 0) {
                line.setLength(0);
                line.append(candidate);
            } else {
                out.add(line.toString());
                line.setLength(0);
                line.append(word);
            }
        }
        out.add(line.toString());
        return out;
    }

    /** Keeps what the standard font can encode (WinAnsi); anything else becomes '?', tabs become spaces. */
    static String clean(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.replace('\t', ' ').replace("\r", "").toCharArray()) {
            b.append(encodable(c) ? c : '?');
        }
        return b.toString();
    }

    private static boolean encodable(char c) {
        if (c < 0x20) {
            return false;
        }
        try {
            PDType1Font.HELVETICA.encode(String.valueOf(c));
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
