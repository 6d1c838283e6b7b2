/**
 * Notifications to victims and their families: the durable outbox records (delivery evidence), the
 * {@link org.tandem.api.notification.NotificationService} used by REST, console and adapters, the event topics
 * that trigger notifications, and the {@link org.tandem.api.notification.NotificationChannel} SPI through which
 * agencies add or replace channels from their own bundles.
 */
@Version("1.2.0")
package org.tandem.api.notification;

import org.osgi.annotation.versioning.Version;
