package org.tandem.notification.email.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.api.notification.DeliveryResult;
import org.tandem.api.notification.NotificationChannel;
import org.tandem.api.notification.OutgoingMessage;

/** The EMAIL channel (whiteboard service {@code channel=EMAIL}); configuration changes apply to the next message. */
@Component(service = NotificationChannel.class, property = NotificationChannel.CHANNEL_PROPERTY + "=EMAIL",
        configurationPid = EmailConfig.PID)
@Designate(ocd = EmailConfig.class)
public class EmailChannel implements NotificationChannel {

    private static final Logger LOG = LoggerFactory.getLogger(EmailChannel.class);

    private volatile SmtpSender sender;

    @Activate
    @Modified
    void configure(EmailConfig config) {
        SmtpSettings settings = SmtpSettings.from(config);
        sender = new SmtpSender(settings);
        LOG.info("EMAIL channel: SMTP {}:{} ({}), from {}{}", settings.host(), settings.port(), settings.security(),
                settings.from(), settings.authenticates() ? ", authenticated" : "");
        if (settings.security() == SmtpSettings.Security.NONE && !isLocal(settings.host())) {
            LOG.warn("EMAIL channel sends in plain text to {}: use STARTTLS or TLS for anything but a local relay",
                    settings.host());
        }
    }

    @Override
    public DeliveryResult send(OutgoingMessage message) {
        return sender.send(message);
    }

    private static boolean isLocal(String host) {
        return "localhost".equals(host) || host.startsWith("127.") || "::1".equals(host);
    }
}
