package org.tandem.camel.component.internal;

import java.util.List;

import org.apache.camel.Consumer;
import org.apache.camel.MultipleConsumersSupport;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultEndpoint;

/**
 * {@code tandem:events?types=CUSTODY_STATUS_CHANGED,REFERRAL_STATUS_CHANGED} (or {@code topics=org/tandem/...}):
 * platform events as exchanges. Consumer only. Events are delivered in order, one exchange at a time; they are
 * as durable as EventAdmin (not at all): a route that must not miss one should record what it needs.
 */
public class EventsEndpoint extends DefaultEndpoint implements MultipleConsumersSupport {

    private String types;
    private String topics;

    EventsEndpoint(String uri, TandemComponent component) {
        super(uri, component);
    }

    @Override
    public TandemComponent getComponent() {
        return (TandemComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException("tandem:events is a consumer (from); use tandem:notify to send");
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        EventsConsumer consumer = new EventsConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    /** The subscribed topics; validates the options (called when the consumer starts). */
    List<String> subscribedTopics() {
        return EventTypes.topics(types, topics);
    }

    public String getTypes() {
        return types;
    }

    /** Comma-separated event types, see {@link EventTypes}. */
    public void setTypes(String types) {
        this.types = types;
    }

    public String getTopics() {
        return topics;
    }

    /** Comma-separated raw EventAdmin topics under org/tandem/ (wildcards such as org/tandem/case/* allowed). */
    public void setTopics(String topics) {
        this.topics = topics;
    }

    /** Several routes may consume the same {@code tandem:events} URI: each consumer has its own subscription. */
    @Override
    public boolean isMultipleConsumersSupported() {
        return true;
    }
}
