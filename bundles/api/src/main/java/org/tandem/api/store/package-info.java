/** Store readiness and agency registry, implemented by the store bundle. */
@Version("1.0.0")
package org.tandem.api.store;

import org.osgi.annotation.versioning.Version;
