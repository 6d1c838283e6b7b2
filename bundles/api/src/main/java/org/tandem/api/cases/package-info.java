/** Victim cases: incident link, persons on a case with their contact rules, and the intake service. */
@Version("1.3.0")
package org.tandem.api.cases;

import org.osgi.annotation.versioning.Version;
