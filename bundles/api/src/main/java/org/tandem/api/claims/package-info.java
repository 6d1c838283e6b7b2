/**
 * Victim-compensation claims sent to the state's compensation program: one row per claim tracks its
 * delivery (the durable outbox of the state adapter) and is shown on the case.
 */
@Version("1.0.0")
package org.tandem.api.claims;

import org.osgi.annotation.versioning.Version;
