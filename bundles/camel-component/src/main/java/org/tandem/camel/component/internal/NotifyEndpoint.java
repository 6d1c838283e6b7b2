package org.tandem.camel.component.internal;

import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultEndpoint;

/**
 * {@code tandem:notify[?subject=TEXT]}: queues a message to persons on a case through the notification engine's
 * outbox ({@link org.tandem.api.notification.NotificationService#sendManual}). The engine owns consent (NOTIFY),
 * safe hours, safe-to-contact, channel order, templates and the durable outbox; every rule applies at send time.
 * Producer only.
 */
public class NotifyEndpoint extends DefaultEndpoint {

    /** Subject when neither the endpoint nor the {@link TandemHeaders#SUBJECT} header gives one. */
    public static final String DEFAULT_SUBJECT = "A message about your case";

    private String subject;

    NotifyEndpoint(String uri, TandemComponent component) {
        super(uri, component);
    }

    @Override
    public TandemComponent getComponent() {
        return (TandemComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        return new NotifyProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("tandem:notify is a producer (to); use tandem:events to consume");
    }

    public String getSubject() {
        return subject;
    }

    /** The message subject (e-mail subject, letter heading); the {@link TandemHeaders#SUBJECT} header wins. */
    public void setSubject(String subject) {
        this.subject = subject;
    }
}
