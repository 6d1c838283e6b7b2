/**
 * The audit trail: an append-only, hash-chained record of every access to victim data and every privileged action,
 * written before the response that discloses the data leaves the platform.
 */
@Version("1.1.0")
package org.tandem.api.audit;

import org.osgi.annotation.versioning.Version;
