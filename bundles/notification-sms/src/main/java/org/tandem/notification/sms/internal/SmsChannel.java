package org.tandem.notification.sms.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.api.notification.DeliveryResult;
import org.tandem.api.notification.NotificationChannel;
import org.tandem.api.notification.OutgoingMessage;

/** The SMS channel (whiteboard service {@code channel=SMS}). Sends the template's short text. */
@Component(service = NotificationChannel.class, property = NotificationChannel.CHANNEL_PROPERTY + "=SMS",
        configurationPid = SmsConfig.PID)
@Designate(ocd = SmsConfig.class)
public class SmsChannel implements NotificationChannel {

    private static final Logger LOG = LoggerFactory.getLogger(SmsChannel.class);

    private volatile SmsGateway gateway;

    @Activate
    @Modified
    void configure(SmsConfig config) {
        GatewaySettings settings = GatewaySettings.from(config);
        gateway = new SmsGateway(settings);
        LOG.info("SMS channel: gateway {} ({})", settings.url(), settings.contentType());
    }

    @Override
    public DeliveryResult send(OutgoingMessage message) {
        return gateway.send(message);
    }
}
