/**
 * The service provider directory (Open Referral HSDS-like: organization, services, locations) and closed-loop
 * referrals of persons on a case to providers, limited by the person's consent.
 */
@Version("1.1.0")
package org.tandem.api.referral;

import org.osgi.annotation.versioning.Version;
