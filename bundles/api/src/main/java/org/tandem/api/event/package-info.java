/**
 * The durable event journal: platform events recorded in the same transaction as the change they describe, so a
 * consumer that was stopped, or a node that crashed, catches up instead of losing them. EventAdmin still carries
 * the same events live; the journal is for consumers that must not miss one (the notification outbox).
 */
@Version("1.0.0")
package org.tandem.api.event;

import org.osgi.annotation.versioning.Version;
