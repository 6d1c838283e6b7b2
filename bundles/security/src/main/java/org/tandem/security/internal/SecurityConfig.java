package org.tandem.security.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * PID {@code org.tandem.security} ({@code etc/org.tandem.security.cfg}). Changes apply without a restart;
 * an invalid value is rejected with an error in the log and the previous configuration stays.
 */
@ObjectClassDefinition(name = "Tandem security", description = "How Tandem authenticates users and resolves their agency")
public @interface SecurityConfig {

    @AttributeDefinition(name = "JAAS realm", description = "JAAS realm that checks user names and passwords")
    String realm() default "karaf";

    @AttributeDefinition(name = "Agency group prefix", description = "A user's agency is the JAAS group (or role) named <prefix><agency id>, e.g. agency-PD-DEMO")
    String agencyGroupPrefix() default "agency-";

    @AttributeDefinition(min = "1", max = "3660",
            description = "Longest a sharing consent (SHARE_WITH_PROVIDER, SHARE_WITH_STATE) may last, in days from its grant")
    int consentMaxShareDays() default 365;

    @AttributeDefinition(description = "Seconds a successful login is remembered (as a keyed hash of user and password,"
            + " never the password), so HTTP Basic does not cost a JAAS login per request. A password change or a"
            + " removed account or a lock in the realm takes effect within this time (at most 300 s); a failed login forgets the user at once. 0 disables.",
            min = "0", max = "300")
    int credentialCacheSeconds() default 60;

    @AttributeDefinition(min = "1", max = "100",
            description = "Failed logins of one user within lockoutWindowMinutes that lock the account")
    int lockoutAttempts() default 5;

    @AttributeDefinition(min = "1", max = "1440", description = "Window in which failed logins are counted, minutes")
    int lockoutWindowMinutes() default 10;

    @AttributeDefinition(min = "1", max = "10080",
            description = "How long a locked account refuses every login, even with the right password, minutes")
    int lockoutMinutes() default 10;
}
