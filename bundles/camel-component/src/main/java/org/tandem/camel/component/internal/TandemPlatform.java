package org.tandem.camel.component.internal;

import java.util.Collection;
import java.util.Map;
import java.util.function.BiConsumer;

import org.tandem.api.Caller;
import org.tandem.api.cases.CaseCodec;
import org.tandem.api.cases.IntakeService;
import org.tandem.api.notification.NotificationService;

/**
 * What the {@code tandem:} endpoints need from the platform. Services are looked up at the moment of use, so a
 * Camel context that resolved the component once keeps working when the intake bundle (or a codec) is
 * refreshed; a missing service fails the exchange with a clear message (and the route's redelivery applies).
 */
public interface TandemPlatform {

    /** @throws IllegalStateException when no IntakeService is available right now */
    IntakeService intake();

    /** @throws IllegalStateException when no NotificationService (feature tandem-notification) is available */
    NotificationService notifications();

    /**
     * @throws IllegalArgumentException for a format no {@link CaseCodec} service provides (the message lists the
     *         available formats)
     */
    CaseCodec codec(String format);

    /**
     * Delivers every event of the given topics to {@code handler} (topic, properties) until the returned handle
     * is closed.
     */
    AutoCloseable subscribe(Collection<String> topics, BiConsumer<String, Map<String, Object>> handler);

    /**
     * The caller that {@code tandem:intake} acts as when neither the exchange nor the endpoint names one: the
     * configured integration user and agency with role INTEGRATOR; null when no agency is configured.
     */
    Caller defaultCaller();

    /** Largest document {@code tandem:intake} reads into memory. */
    long maxDocumentBytes();
}
