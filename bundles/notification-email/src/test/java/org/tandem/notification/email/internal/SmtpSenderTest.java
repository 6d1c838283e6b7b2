package org.tandem.notification.email.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;

import javax.mail.MessagingException;
import javax.mail.SendFailedException;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tandem.api.cases.Channel;
import org.tandem.api.notification.AttemptOutcome;
import org.tandem.api.notification.DeliveryResult;
import org.tandem.api.notification.OutgoingMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.mail.smtp.SMTPAddressFailedException;

/** The EMAIL channel's SMTP client against a real SMTP server (GreenMail). */
class SmtpSenderTest {

    private GreenMail smtp;

    @BeforeEach
    void start() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterEach
    void stop() {
        smtp.stop();
    }

    private SmtpSettings settings() {
        return SmtpSettings.plain("127.0.0.1", smtp.getSmtp().getPort(), "notifications@pd.example");
    }

    private static OutgoingMessage message(String html) {
        return new OutgoingMessage("n0000000000000000000000a", Channel.EMAIL, "maria@example.org", "María López", "es",
                "Audiencia programada – caso 2026-000123", "Hola María:\nLa audiencia es el lunes.\n", html, null, true,
                "case", "person");
    }

    @Test
    void sendsTextAndHtmlAlternativesInUtf8WithAStableMessageId() throws Exception {
        DeliveryResult result = new SmtpSender(settings()).send(message("<p>Hola María:</p>"));

        assertThat(result.outcome()).isEqualTo(AttemptOutcome.SENT);
        assertThat(result.providerMessageId()).isEqualTo("<n0000000000000000000000a@pd.example>");
        assertThat(result.detail()).startsWith("250");
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(mail.getSubject()).isEqualTo("Audiencia programada – caso 2026-000123");
        assertThat(mail.getMessageID()).isEqualTo(result.providerMessageId());
        assertThat(((InternetAddress) mail.getFrom()[0]).getAddress()).isEqualTo("notifications@pd.example");
        assertThat(((InternetAddress) mail.getAllRecipients()[0]).getPersonal()).isEqualTo("María López");
        assertThat(mail.getHeader("X-Tandem-Notification")[0]).isEqualTo("n0000000000000000000000a");
        MimeMultipart parts = (MimeMultipart) mail.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat((String) parts.getBodyPart(0).getContent()).contains("Hola María");
        assertThat((String) parts.getBodyPart(1).getContent()).isEqualTo("<p>Hola María:</p>");
    }

    @Test
    void textOnlyWhenTheTemplateHasNoHtml() throws Exception {
        new SmtpSender(settings()).send(message(null));

        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(mail.getContentType()).startsWith("text/plain").containsIgnoringCase("utf-8");
        assertThat((String) mail.getContent()).contains("La audiencia es el lunes.");
    }

    @Test
    void authenticatesWhenAUserIsConfigured() {
        smtp.setUser("notifier", "s3cret");
        smtp.getManagers().getSmtpManager().getUserManager().setAuthRequired(true);

        DeliveryResult wrong = new SmtpSender(settings().withAuth("notifier", "wrong")).send(message(null));
        DeliveryResult right = new SmtpSender(settings().withAuth("notifier", "s3cret")).send(message(null));

        assertThat(wrong.outcome()).isEqualTo(AttemptOutcome.TRANSIENT_FAILURE);
        assertThat(wrong.detail()).contains("authentication failed");
        assertThat(right.outcome()).isEqualTo(AttemptOutcome.SENT);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void unreachableServerIsTransientAndBadAddressesArePermanent() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        DeliveryResult refused = new SmtpSender(SmtpSettings.plain("127.0.0.1", closed, "n@pd.example"))
                .send(message(null));
        assertThat(refused.outcome()).isEqualTo(AttemptOutcome.TRANSIENT_FAILURE);
        assertThat(refused.detail()).contains("unreachable");

        OutgoingMessage bad = new OutgoingMessage("id", Channel.EMAIL, "not an address", "x", "en", "s", "t", null, null,
                true, "c", "p");
        assertThat(new SmtpSender(settings()).send(bad).outcome()).isEqualTo(AttemptOutcome.PERMANENT_FAILURE);
    }

    @Test
    void smtpRepliesAreClassifiedByCode() throws Exception {
        InternetAddress to = new InternetAddress("x@example.org");
        MessagingException rejected = new SendFailedException("Invalid Addresses",
                new SMTPAddressFailedException(to, "RCPT TO", 550, "550 5.1.1 no such user"));
        MessagingException busy = new SendFailedException("Invalid Addresses",
                new SMTPAddressFailedException(to, "RCPT TO", 451, "451 4.3.0 try again later"));

        assertThat(SmtpSender.classify(rejected).outcome()).isEqualTo(AttemptOutcome.PERMANENT_FAILURE);
        assertThat(SmtpSender.classify(rejected).detail()).contains("550");
        assertThat(SmtpSender.classify(busy).outcome()).isEqualTo(AttemptOutcome.TRANSIENT_FAILURE);
        assertThat(SmtpSender.classify(new MessagingException("odd")).outcome())
                .isEqualTo(AttemptOutcome.TRANSIENT_FAILURE);
    }

    @Test
    void tlsModesConfigureTheSession() {
        SmtpSettings starttls = new SmtpSettings("smtp.example.org", 587, SmtpSettings.Security.STARTTLS, "u", "p",
                "a@example.org", "A", "", 1000, 1000, "", "");
        SmtpSettings tls = new SmtpSettings("smtp.example.org", 465, SmtpSettings.Security.TLS, "u", "p",
                "a@example.org", "A", "", 1000, 1000, "smtp.example.org", "client.example.org");

        assertThat(starttls.sessionProperties()).containsEntry("mail.smtp.starttls.required", "true")
                .containsEntry("mail.smtp.auth", "true");
        assertThat(tls.protocol()).isEqualTo("smtps");
        assertThat(tls.sessionProperties()).containsEntry("mail.smtps.ssl.trust", "smtp.example.org")
                .containsEntry("mail.smtps.port", "465").containsEntry("mail.smtps.localhost", "client.example.org");
    }
}
