/**
 * VINE-style registrations: a person on a case asks to be told about an offender (custody changes) or about
 * the case (court events). The state adapter resolves them when a custody or court report arrives and posts
 * one event per report and case, with the topics and properties of
 * {@link org.tandem.api.notification.NotificationEvents} (the notification engine consumes them).
 */
@Version("1.0.0")
package org.tandem.api.registration;

import org.osgi.annotation.versioning.Version;
