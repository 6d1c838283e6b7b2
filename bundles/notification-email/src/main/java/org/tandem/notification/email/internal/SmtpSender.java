package org.tandem.notification.email.internal;

import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Date;

import javax.mail.Address;
import javax.mail.AuthenticationFailedException;
import javax.mail.Message;
import javax.mail.MessagingException;
import javax.mail.SendFailedException;
import javax.mail.Session;
import javax.mail.Transport;
import javax.mail.internet.AddressException;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeBodyPart;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;

import org.tandem.api.notification.DeliveryResult;
import org.tandem.api.notification.OutgoingMessage;

import com.sun.mail.smtp.SMTPAddressFailedException;
import com.sun.mail.smtp.SMTPSendFailedException;
import com.sun.mail.smtp.SMTPTransport;

/**
 * Sends one message over SMTP with JavaMail: {@code multipart/alternative} (text and HTML, UTF-8) or plain text, a
 * {@code Message-ID} derived from the notification id (stable across retries, so receivers can drop a repeat), and
 * the SMTP reply classified: 5xx and malformed addresses are permanent, everything else (4xx, connection refused,
 * timeouts, authentication) is retried.
 */
public final class SmtpSender {

    /** Header naming the notification a message belongs to (delivery evidence, de-duplication by receivers). */
    public static final String NOTIFICATION_HEADER = "X-Tandem-Notification";

    private final SmtpSettings settings;
    private final Session session;

    public SmtpSender(SmtpSettings settings) {
        this.settings = settings;
        this.session = Session.getInstance(settings.sessionProperties());
    }

    public SmtpSettings settings() {
        return settings;
    }

    public DeliveryResult send(OutgoingMessage m) {
        if (m.address() == null || m.address().isBlank()) {
            return DeliveryResult.permanentFailure("no e-mail address");
        }
        // JavaMail finds its providers and MIME handlers through the context class loader: in OSGi that must be
        // JavaMail's own bundle
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(Session.class.getClassLoader());
        try {
            MimeMessage message = build(m);
            try (Transport transport = session.getTransport(settings.protocol())) {
                if (settings.authenticates()) {
                    transport.connect(settings.host(), settings.port(), settings.username(), settings.password());
                } else {
                    transport.connect();
                }
                transport.sendMessage(message, message.getAllRecipients());
                String reply = transport instanceof SMTPTransport smtp ? smtp.getLastServerResponse() : null;
                return DeliveryResult.sent(message.getMessageID(), reply == null ? "accepted" : reply.strip());
            }
        } catch (AddressException e) {
            return DeliveryResult.permanentFailure("invalid address: " + e.getMessage());
        } catch (MessagingException e) {
            return classify(e);
        } catch (UnsupportedEncodingException e) {
            return DeliveryResult.permanentFailure("cannot encode: " + e.getMessage());
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private MimeMessage build(OutgoingMessage m) throws MessagingException, UnsupportedEncodingException {
        String domain = settings.from().contains("@") ? settings.from().substring(settings.from().indexOf('@') + 1)
                : "tandem.invalid";
        String messageId = "<" + m.notificationId() + "@" + domain + ">";
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(new InternetAddress(settings.from(), settings.fromName(), "UTF-8"));
        if (settings.replyTo() != null && !settings.replyTo().isBlank()) {
            message.setReplyTo(new Address[] {new InternetAddress(settings.replyTo(), true)});
        }
        InternetAddress to = new InternetAddress(m.address(), true);
        to.validate();
        if (m.recipientName() != null && !m.recipientName().isBlank()) {
            to.setPersonal(m.recipientName(), "UTF-8");
        }
        message.setRecipient(Message.RecipientType.TO, to);
        message.setSubject(m.subject() == null ? "" : m.subject(), "UTF-8");
        message.setSentDate(new Date());
        message.setHeader(NOTIFICATION_HEADER, m.notificationId());
        message.setHeader("Auto-Submitted", "auto-generated");
        if (m.language() != null) {
            message.setHeader("Content-Language", m.language());
        }
        if (m.html() == null) {
            message.setText(m.text(), "UTF-8", "plain");
        } else {
            MimeBodyPart text = new MimeBodyPart();
            text.setText(m.text(), "UTF-8", "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(m.html(), "UTF-8", "html");
            MimeMultipart alternative = new MimeMultipart("alternative", text, html);
            message.setContent(alternative);
        }
        message.saveChanges();
        return message;
    }

    /** JavaMail chains exceptions through {@code getNextException}, which its {@code getCause} returns. */
    static DeliveryResult classify(MessagingException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SMTPAddressFailedException a) {
                return byCode(a.getReturnCode(), "recipient refused: " + a.getReturnCode() + " " + firstLine(a));
            }
            if (t instanceof SMTPSendFailedException s) {
                return byCode(s.getReturnCode(), "message refused: " + s.getReturnCode() + " " + firstLine(s));
            }
            if (t instanceof AuthenticationFailedException) {
                return DeliveryResult.transientFailure("SMTP authentication failed (check the channel configuration)");
            }
            if (t instanceof ConnectException || t instanceof UnknownHostException) {
                return DeliveryResult.transientFailure("SMTP server unreachable: " + t.getClass().getSimpleName());
            }
            if (t instanceof SocketTimeoutException) {
                return DeliveryResult.transientFailure("SMTP timeout");
            }
            if (t instanceof SendFailedException sf && sf.getInvalidAddresses() != null
                    && sf.getInvalidAddresses().length > 0 && sf.getValidUnsentAddresses() == null) {
                return DeliveryResult.permanentFailure("invalid recipient address");
            }
            if (t instanceof IOException) {
                return DeliveryResult.transientFailure("SMTP I/O error: " + t.getClass().getSimpleName());
            }
        }
        return DeliveryResult.transientFailure("SMTP error: " + firstLine(e));
    }

    private static DeliveryResult byCode(int code, String detail) {
        return code >= 500 && code < 600 ? DeliveryResult.permanentFailure(detail) : DeliveryResult.transientFailure(detail);
    }

    private static String firstLine(Throwable t) {
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
