package org.tandem.camel.component.internal;

import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultEndpoint;

/**
 * {@code tandem:notify[?eventType=TYPE]}: asks the notification engine to notify persons on a case, by posting
 * {@value #TOPIC} (one event per person) with {@code caseId}, {@code personId}, {@code eventType}, {@code text},
 * {@code requestedAt} and {@code source}. The engine owns consent, contact rules, templates and the durable outbox;
 * this endpoint only hands the request over. Producer only.
 */
public class NotifyEndpoint extends DefaultEndpoint {

    public static final String TOPIC = "org/tandem/notification/REQUESTED";

    private String eventType;

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

    public String getEventType() {
        return eventType;
    }

    /**
     * The notification's event type (the engine picks its template by it); default: the exchange's
     * {@link TandemHeaders#EVENT_TYPE} header (set by tandem:events), else MESSAGE.
     */
    public void setEventType(String eventType) {
        this.eventType = eventType;
    }
}
