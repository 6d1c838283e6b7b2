package org.tandem.notification.email.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** Configuration PID {@code org.tandem.notification.email} ({@code etc/org.tandem.notification.email.cfg}). */
@ObjectClassDefinition(name = "Tandem notification channel EMAIL", description = "SMTP server and sender of notification e-mails")
public @interface EmailConfig {

    String PID = "org.tandem.notification.email";

    @AttributeDefinition(description = "SMTP server host")
    String host() default "localhost";

    @AttributeDefinition(description = "SMTP server port (25, 587 for STARTTLS, 465 for TLS; 2525 for the demo sink)")
    int port() default 25;

    @AttributeDefinition(description = "Transport security", options = {
            @Option(label = "none (plain SMTP, local relay or test sink only)", value = "NONE"),
            @Option(label = "STARTTLS (required)", value = "STARTTLS"),
            @Option(label = "TLS from the start (SMTPS)", value = "TLS") })
    String security() default "STARTTLS";

    @AttributeDefinition(description = "User for SMTP AUTH; empty = no authentication")
    String username() default "";

    @AttributeDefinition(description = "Password for SMTP AUTH", type = AttributeType.PASSWORD)
    String password() default "";

    @AttributeDefinition(description = "Sender address")
    String from() default "notifications@tandem.invalid";

    @AttributeDefinition(description = "Sender display name")
    String fromName() default "Tandem victim notifications";

    @AttributeDefinition(description = "Reply-To address; empty = none")
    String replyTo() default "";

    @AttributeDefinition(description = "Connect timeout in milliseconds")
    int connectTimeoutMillis() default 10000;

    @AttributeDefinition(description = "Read/write timeout in milliseconds")
    int timeoutMillis() default 30000;

    @AttributeDefinition(description = "Name this host gives in EHLO; empty = this machine's canonical host name, looked up once (JavaMail would otherwise resolve it on every connection)")
    String heloName() default "";

    @AttributeDefinition(description = "Hosts whose TLS certificate is trusted without a CA chain (space separated; empty = normal validation)")
    String trustedHosts() default "";
}
