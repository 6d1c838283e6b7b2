package org.tandem.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;

import org.junit.jupiter.api.Test;
import org.tandem.api.cases.Channel;
import org.tandem.api.cases.Person;
import org.tandem.api.cases.PersonRole;
import org.tandem.api.cases.VictimCase;
import org.tandem.api.notification.AttemptOutcome;
import org.tandem.api.notification.Notification;
import org.tandem.api.notification.NotificationState;
import org.tandem.notification.email.internal.SmtpSender;

/** Case opened -> e-mail in the victim's language through a real SMTP server. */
class EmailNotificationTest extends EngineTestBase {

    @Test
    void spanishSpeakingVictimReceivesTheSpanishEmailWithTextAndHtml() throws Exception {
        Person maria = person(PersonRole.PRIMARY_VICTIM, "María", "es",
                contact("maria@example.org", null, List.of(Channel.EMAIL)));
        VictimCase c = openCase(maria);
        consent.grantNotify(c.id(), maria.id());

        List<Notification> queued = caseOpened(c);
        int processed = dispatcher.dispatchDue();

        assertThat(processed).isEqualTo(1);
        MimeMessage[] mails = received();
        assertThat(mails).hasSize(1);
        MimeMessage mail = mails[0];
        assertThat(mail.getAllRecipients()[0].toString()).contains("maria@example.org");
        assertThat(mail.getSubject()).isEqualTo("Springfield Police Department: se ha abierto su caso 2026-000123");
        assertThat(mail.getHeader("Content-Language")[0]).isEqualTo("es");
        assertThat(mail.getHeader(SmtpSender.NOTIFICATION_HEADER)[0]).isEqualTo(queued.get(0).id());
        MimeMultipart alternative = (MimeMultipart) mail.getContent();
        assertThat(alternative.getContentType()).startsWith("multipart/alternative");
        assertThat(alternative.getBodyPart(0).getContentType()).contains("text/plain").containsIgnoringCase("utf-8");
        assertThat((String) alternative.getBodyPart(0).getContent()).contains("Estimado/a María")
                .contains("usted tiene derecho a").contains("Victim services line +1 217 555 0100");
        assertThat(alternative.getBodyPart(1).getContentType()).contains("text/html");
        assertThat((String) alternative.getBodyPart(1).getContent()).contains("<p>Estimado/a María:</p>");

        Notification sent = reload(queued.get(0));
        assertThat(sent.state()).isEqualTo(NotificationState.SENT);
        assertThat(sent.channel()).isEqualTo(Channel.EMAIL);
        assertThat(sent.language()).isEqualTo("es");
        assertThat(sent.templateLanguage()).isEqualTo("es");
        assertThat(sent.languageFallback()).isFalse();
        assertThat(sent.attemptCount()).isEqualTo(1);
        assertThat(sent.sentAt()).isEqualTo(T0);
        assertThat(sent.contentHash()).matches("[0-9a-f]{64}");
        assertThat(sent.providerMessageId()).isEqualTo(mail.getMessageID());
        assertThat(sent.history()).singleElement().satisfies(a -> {
            assertThat(a.outcome()).isEqualTo(AttemptOutcome.SENT);
            assertThat(a.contentHash()).isEqualTo(sent.contentHash());
            assertThat(a.detail()).startsWith("250");
        });
        // nothing left to do
        assertThat(dispatcher.dispatchDue()).isZero();
        assertThat(received()).hasSize(1);
    }

    @Test
    void languageWithoutTemplateFallsBackToEnglishAndRecordsIt() throws Exception {
        Person linh = person(PersonRole.PRIMARY_VICTIM, "Linh", "vi",
                contact("linh@example.org", null, List.of(Channel.EMAIL)));
        VictimCase c = openCase(linh);
        consent.grantNotify(c.id(), linh.id());

        Notification n = caseOpened(c).get(0);
        dispatcher.dispatchDue();

        assertThat(received()).singleElement().satisfies(m -> assertThat(m.getSubject())
                .isEqualTo("Springfield Police Department: your case 2026-000123 has been opened"));
        Notification sent = reload(n);
        assertThat(sent.language()).isEqualTo("vi");
        assertThat(sent.templateLanguage()).isEqualTo("en");
        assertThat(sent.languageFallback()).isTrue();
        assertThat(sent.history().get(0).detail()).contains("fallback from vi");
    }

    @Test
    void theSameEventTwiceQueuesAndSendsOnce() {
        Person maria = person(PersonRole.PRIMARY_VICTIM, "María", "es",
                contact("maria@example.org", null, List.of(Channel.EMAIL)));
        VictimCase c = openCase(maria);
        consent.grantNotify(c.id(), maria.id());

        caseOpened(c);
        caseOpened(c);
        dispatcher.dispatchDue();
        caseOpened(c);
        dispatcher.dispatchDue();

        assertThat(db.count("notification")).isEqualTo(1);
        assertThat(received()).hasSize(1);
    }

    @Test
    void unreachableSmtpServerIsRetriedWithExponentialBackoffThenFallsBackToALetter() throws Exception {
        smtp.stop(); // connection refused from now on
        java.nio.file.Path queue = tempDir.resolve("print-queue");
        org.tandem.notification.letter.internal.PdfLetterWriter letters =
                new org.tandem.notification.letter.internal.PdfLetterWriter(queue, List.of("Victim Services", "Springfield PD"));
        register(Channel.LETTER, m -> letters.write(m, java.time.LocalDate.of(2026, 11, 25)));
        reconfigure(settings.withRetry(3, java.time.Duration.ofSeconds(30), java.time.Duration.ofHours(1)));
        Person james = person(PersonRole.PRIMARY_VICTIM, "James", "en",
                contact("james@example.org", null, List.of(Channel.EMAIL, Channel.LETTER)));
        VictimCase c = openCase(james);
        consent.grantNotify(c.id(), james.id());
        Notification n = caseOpened(c).get(0);

        dispatcher.dispatchDue();
        Notification first = reload(n);
        assertThat(first.state()).isEqualTo(NotificationState.FAILED);
        assertThat(first.nextAttemptAt()).isEqualTo(T0.plusSeconds(30));
        assertThat(dispatcher.dispatchDue()).as("not due before the backoff").isZero();

        clock.advance(java.time.Duration.ofSeconds(30));
        dispatcher.dispatchDue();
        assertThat(reload(n).nextAttemptAt()).isEqualTo(T0.plusSeconds(30 + 60));

        clock.advance(java.time.Duration.ofSeconds(60));
        dispatcher.dispatchDue();
        Notification dead = reload(n);
        assertThat(dead.state()).isEqualTo(NotificationState.DEAD);
        assertThat(dead.attemptCount()).isEqualTo(3);
        assertThat(dead.reason()).contains("gave up after 3 attempts").contains("trying LETTER");
        assertThat(dead.history()).extracting(a -> a.outcome()).containsOnly(AttemptOutcome.TRANSIENT_FAILURE);

        dispatcher.dispatchDue();
        Notification letter = outbox.forCase(AGENCY, c.id(), 0, 10).items().stream()
                .filter(x -> x.channel() == Channel.LETTER).findFirst().orElseThrow();
        assertThat(letter.fallbackOf()).isEqualTo(n.id());
        assertThat(letter.state()).isEqualTo(NotificationState.SENT);
        assertThat(queue.resolve(letter.id() + ".pdf")).exists();
    }
}
