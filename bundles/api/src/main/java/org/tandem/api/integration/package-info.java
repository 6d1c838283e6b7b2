/**
 * Plumbing shared by the integration adapters: a persistent ledger of processed messages (idempotent
 * consumers that survive restarts) and the dead-letter store that records why a message was given up.
 */
@Version("1.0.0")
package org.tandem.api.integration;

import org.osgi.annotation.versioning.Version;
