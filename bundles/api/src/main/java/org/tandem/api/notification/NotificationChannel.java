package org.tandem.api.notification;

/**
 * SPI: a way to deliver a rendered message (whiteboard). Register an implementation as an OSGi service with the
 * service property {@value #CHANNEL_PROPERTY} set to a {@link org.tandem.api.cases.Channel} name ({@code EMAIL},
 * {@code SMS}, {@code VOICE}, {@code LETTER}); when several services claim the same channel the one with the
 * highest {@code service.ranking} is used, so an agency can replace a built-in channel from its own bundle.
 * <p>
 * Contract:
 * <ul>
 * <li>{@link #send} is called by the dispatcher only after every rule passed (consent, safe hours,
 * safe-to-contact); a channel never decides whether someone may be contacted, only how.</li>
 * <li>It returns a {@link DeliveryResult}; it must not throw for delivery problems. A failure that can never
 * succeed (bad address, rejected by the provider) is {@link DeliveryResult#permanentFailure permanent} and makes the
 * dispatcher fall back to the person's next channel; anything that may work later (timeouts, 5xx, connection
 * refused) is {@link DeliveryResult#transientFailure transient} and is retried with backoff.</li>
 * <li>{@link OutgoingMessage#notificationId()} is stable across retries: pass it to the provider as a client
 * reference / message id so a provider that de-duplicates can drop a repeat after a crash.</li>
 * <li>A VOICE channel must honour {@link OutgoingMessage#voicemailAllowed()}: when false it must not leave a
 * voicemail or answering-machine message; an unanswered call is then a transient failure.</li>
 * </ul>
 */
public interface NotificationChannel {

    /** The service property that selects a channel: the {@link org.tandem.api.cases.Channel} name. */
    String CHANNEL_PROPERTY = "channel";

    DeliveryResult send(OutgoingMessage message);
}
