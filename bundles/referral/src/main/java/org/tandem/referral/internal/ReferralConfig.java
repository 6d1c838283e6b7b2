package org.tandem.referral.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of directory and referrals, PID {@code org.tandem.referral} ({@code etc/org.tandem.referral.cfg}). */
@ObjectClassDefinition(name = "Tandem referrals", description = "Provider directory and closed-loop referrals")
public @interface ReferralConfig {

    String PID = "org.tandem.referral";

    @AttributeDefinition(name = "Overdue after (business days)", min = "0", max = "60",
            description = "A referral still SENT this many business days (Monday to Friday) after it was sent is overdue")
    int overdueBusinessDays() default 3;

    @AttributeDefinition(name = "Business time zone",
            description = "Time zone in which business days are counted, e.g. America/Chicago")
    String businessTimeZone() default "America/Chicago";

    @AttributeDefinition(name = "Maximum page size", min = "1", max = "200",
            description = "Largest page a provider or referral list may request (size parameter)")
    int maxPageSize() default 200;

    @AttributeDefinition(name = "Largest import file (bytes)", min = "1024",
            description = "Directory files above this size are refused by REST and console imports")
    long importMaxBytes() default 5_242_880L;
}
