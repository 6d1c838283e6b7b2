package org.tandem.demo.mailsink.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local SMTP server (GreenMail) that accepts every message and saves it as {@code <time>-<n>.eml} in a folder,
 * so a demo shows the e-mails Tandem sends without a real mail system. Not for production: no authentication,
 * no delivery, everything kept in memory until the sink stops.
 */
final class MailSink implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MailSink.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    private final GreenMail smtp;
    private final Path folder;
    private final Clock clock;
    private final Set<String> saved = new HashSet<>();
    private final AtomicInteger counter = new AtomicInteger();
    private final ScheduledExecutorService saver;

    private MailSink(GreenMail smtp, Path folder, Clock clock) {
        this.smtp = smtp;
        this.folder = folder;
        this.clock = clock;
        this.saver = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tandem-demo-mailsink");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts listening on host:port; fails with an IllegalStateException when the port is taken. */
    static MailSink start(String host, int port, Path folder, Clock clock) throws IOException {
        Files.createDirectories(folder);
        GreenMail smtp = new GreenMail(new ServerSetup(port, host, ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        MailSink sink = new MailSink(smtp, folder, clock);
        sink.saver.scheduleWithFixedDelay(sink::saveNew, 200, 200, TimeUnit.MILLISECONDS);
        return sink;
    }

    int port() {
        return smtp.getSmtp().getPort();
    }

    /** Writes every message not written yet (one per recipient mailbox and Message-ID). */
    synchronized void saveNew() {
        try {
            for (MimeMessage message : smtp.getReceivedMessages()) {
                String key = message.getMessageID() + "|" + Arrays.toString(message.getAllRecipients());
                if (saved.add(key)) {
                    save(message);
                }
            }
        } catch (RuntimeException | MessagingException | IOException e) {
            LOG.warn("Demo mail sink could not save a message: {}", e.toString());
        }
    }

    private void save(MimeMessage message) throws IOException, MessagingException {
        String name = STAMP.format(clock.instant()) + "-" + counter.incrementAndGet() + ".eml";
        Path tmp = folder.resolve(name + ".part");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            message.writeTo(out);
        }
        Path file = Files.move(tmp, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        LOG.info("Demo mail sink: message to {} \"{}\" saved as {}", Arrays.toString(message.getAllRecipients()),
                message.getSubject(), file);
    }

    @Override
    public void close() {
        saver.shutdownNow();
        saveNew();
        smtp.stop();
    }
}
