/** Platform-wide types: the authenticated caller, roles, paging, validation errors and event topics. */
@Version("1.2.0")
package org.tandem.api;

import org.osgi.annotation.versioning.Version;
