package org.tandem.camel.component.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subscribes to the endpoint's topics while started. The EventAdmin thread only hands the event over: exchanges
 * run on the consumer's own single thread (keeping the events' order), so a slow route never holds up EventAdmin.
 * Body: the event's properties as a JSON object; headers: {@link TandemHeaders#EVENT_TOPIC},
 * {@link TandemHeaders#EVENT_TYPE} and every event property under its own name (ids, never PII).
 */
final class EventsConsumer extends DefaultConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(EventsConsumer.class);

    private ExecutorService executor;
    private AutoCloseable subscription;

    EventsConsumer(EventsEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public EventsEndpoint getEndpoint() {
        return (EventsEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        List<String> topics = getEndpoint().subscribedTopics();
        executor = getEndpoint().getCamelContext().getExecutorServiceManager()
                .newSingleThreadExecutor(this, "tandem-events");
        subscription = getEndpoint().getComponent().platform().subscribe(topics, this::onEvent);
        LOG.debug("tandem:events subscribed to {}", topics);
    }

    @Override
    protected void doStop() throws Exception {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
        if (executor != null) {
            // events already handed over are still processed
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownGraceful(executor);
            executor = null;
        }
        super.doStop();
    }

    private void onEvent(String topic, Map<String, Object> properties) {
        ExecutorService target = executor;
        if (target == null) {
            return;
        }
        target.execute(() -> deliver(topic, properties));
    }

    private void deliver(String topic, Map<String, Object> properties) {
        Exchange exchange = createExchange(false);
        try {
            Message in = exchange.getIn();
            properties.forEach(in::setHeader);
            in.setHeader(TandemHeaders.EVENT_TOPIC, topic);
            in.setHeader(TandemHeaders.EVENT_TYPE, EventTypes.type(topic));
            in.setBody(Json.object(properties));
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        if (exchange.getException() != null) {
            getExceptionHandler().handleException("Error processing Tandem event " + topic, exchange,
                    exchange.getException());
        }
        releaseExchange(exchange, false);
    }
}
