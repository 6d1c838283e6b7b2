package org.tandem.api.notification;

import java.util.List;
import java.util.Set;

import org.tandem.api.Caller;
import org.tandem.api.Page;
import org.tandem.api.cases.Channel;

/** Notifications on behalf of users (REST), operators (console) and integrations (delivery receipts). */
public interface NotificationService {

    /**
     * Queues a manual message to people on one of the caller's agency's cases. Every rule applies at send time as
     * for any notification (consent, safe hours, safe-to-contact, channel order).
     *
     * @return the records created (or found, for a repeated request id), one per recipient
     * @throws org.tandem.api.AccessDeniedException unless the caller is an officer, advocate or integrator
     *         (an integration such as the {@code tandem:notify} Camel endpoint) with an agency
     * @throws java.util.NoSuchElementException when the case is not the caller's agency's
     * @throws org.tandem.api.ValidationException for an empty text, unknown person ids ...
     */
    List<Notification> sendManual(Caller caller, String caseId, ManualMessage message);

    /**
     * Delivery evidence: every record of the case with every attempt, newest first.
     *
     * @throws java.util.NoSuchElementException when the case is not the caller's agency's
     */
    Page<Notification> forCase(Caller caller, String caseId, int page, int size);

    /** Platform-internal (console): records in the given states, newest first. */
    List<Notification> list(Set<NotificationState> states, int limit);

    /**
     * Platform-internal (console): another round of attempts for a FAILED, DEAD or WITHHELD record; rules are
     * evaluated again at send time.
     *
     * @throws java.util.NoSuchElementException for an unknown id
     * @throws IllegalStateException when the record was sent or is already queued
     */
    Notification retry(String notificationId, String requestedBy);

    /**
     * A delivery receipt from a provider (e.g. the SMS gateway's callback).
     *
     * @return false when no sent record matches the provider message id
     */
    boolean deliveryReport(Channel channel, String providerMessageId, boolean delivered, String detail);

    /**
     * A reply a recipient sent on a channel (an SMS reply relayed by the gateway): when it contains a confirmation
     * code that was sent to {@code from}, the notice is confirmed. Failed tries are rate-limited per sender.
     *
     * @since 1.2
     */
    default ConfirmationResult confirmByReply(Channel channel, String from, String text) {
        throw new UnsupportedOperationException("confirmations are not supported");
    }

    /**
     * The secret of a single-use confirmation link (e-mail).
     *
     * @since 1.2
     */
    default ConfirmationResult confirmByLink(String token) {
        throw new UnsupportedOperationException("confirmations are not supported");
    }

    /**
     * The PIN a person entered on a VOICE/IVR gateway for the notification that gateway is delivering
     * ({@code OutgoingMessage.notificationId()}). Failed tries are rate-limited per notice.
     *
     * @since 1.2
     */
    default ConfirmationResult confirmByPin(String notificationId, String pin) {
        throw new UnsupportedOperationException("confirmations are not supported");
    }
}
