package org.tandem.notification.internal.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import org.tandem.api.notification.DeliveryResult;
import org.tandem.api.notification.NotificationChannel;
import org.tandem.api.notification.OutgoingMessage;

/** A channel for kinds not built in (VOICE): records what it was asked to send and answers as told. */
public final class RecordingChannel implements NotificationChannel {

    public final List<OutgoingMessage> sent = new CopyOnWriteArrayList<>();
    private final Function<OutgoingMessage, DeliveryResult> answer;

    public RecordingChannel(Function<OutgoingMessage, DeliveryResult> answer) {
        this.answer = answer;
    }

    @Override
    public DeliveryResult send(OutgoingMessage message) {
        sent.add(message);
        return answer.apply(message);
    }
}
