package org.tandem.notification.letter.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.api.notification.DeliveryResult;
import org.tandem.api.notification.NotificationChannel;
import org.tandem.api.notification.OutgoingMessage;

/** The LETTER channel (whiteboard service {@code channel=LETTER}): a PDF per notification in the print queue. */
@Component(service = NotificationChannel.class, property = NotificationChannel.CHANNEL_PROPERTY + "=LETTER",
        configurationPid = LetterConfig.PID)
@Designate(ocd = LetterConfig.class)
public class LetterChannel implements NotificationChannel {

    private static final Logger LOG = LoggerFactory.getLogger(LetterChannel.class);

    private volatile PdfLetterWriter writer;

    @Activate
    @Modified
    void configure(LetterConfig config) {
        Path dir = config.printQueueDir() == null || config.printQueueDir().isBlank()
                ? Path.of(System.getProperty("karaf.data", "data"), "tandem", "print-queue")
                : Path.of(config.printQueueDir().strip());
        writer = new PdfLetterWriter(dir, Arrays.asList(config.sender().split("\\|")));
        LOG.info("LETTER channel: print queue {}", dir.toAbsolutePath());
    }

    @Override
    public DeliveryResult send(OutgoingMessage message) {
        return writer.write(message, LocalDate.now(Clock.systemDefaultZone()));
    }
}
