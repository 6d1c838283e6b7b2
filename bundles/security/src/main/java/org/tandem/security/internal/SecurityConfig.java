package org.tandem.security.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Tandem security", description = "How Tandem authenticates users and resolves their agency")
public @interface SecurityConfig {

    @AttributeDefinition(description = "JAAS realm that checks user names and passwords")
    String realm() default "karaf";

    @AttributeDefinition(description = "A user's agency is the JAAS group (or role) named <prefix><agency id>, e.g. agency-PD-DEMO")
    String agencyGroupPrefix() default "agency-";

    @AttributeDefinition(description = "Seconds a successful login is remembered (as a keyed hash of user and password,"
            + " never the password), so HTTP Basic does not cost a JAAS login per request. A password change or a"
            + " removed account takes effect within this time; a failed login forgets the user at once. 0 disables.",
            min = "0")
    int credentialCacheSeconds() default 60;
}
