package org.tandem.notification.email.internal;

import java.util.Locale;
import java.util.Properties;

/** The SMTP connection as plain values (from {@link EmailConfig}, or built directly in tests and the benchmark). */
public record SmtpSettings(String host, int port, Security security, String username, String password, String from,
        String fromName, String replyTo, int connectTimeoutMillis, int timeoutMillis, String trustedHosts,
        String heloName) {

    public enum Security { NONE, STARTTLS, TLS }

    public static SmtpSettings from(EmailConfig c) {
        Security security;
        try {
            security = Security.valueOf(c.security().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            security = Security.STARTTLS; // an unknown value must not silently fall back to plain text
        }
        return new SmtpSettings(c.host(), c.port(), security, c.username(), c.password(), c.from(), c.fromName(),
                c.replyTo(), c.connectTimeoutMillis(), c.timeoutMillis(), c.trustedHosts(), c.heloName());
    }

    public static SmtpSettings plain(String host, int port, String from) {
        return new SmtpSettings(host, port, Security.NONE, "", "", from, "Tandem", "", 5000, 10000, "", "");
    }

    public SmtpSettings withAuth(String user, String pass) {
        return new SmtpSettings(host, port, security, user, pass, from, fromName, replyTo, connectTimeoutMillis,
                timeoutMillis, trustedHosts, heloName);
    }

    /**
     * The EHLO name when none is configured: looked up once per JVM (left to itself JavaMail resolves the local
     * address of every new connection, a reverse lookup per message).
     */
    private static final class LocalName {
        static final String VALUE = lookup();

        private static String lookup() {
            try {
                String name = java.net.InetAddress.getLocalHost().getCanonicalHostName();
                return name == null || name.isBlank() ? "localhost" : name;
            } catch (java.io.IOException e) {
                return "localhost";
            }
        }
    }

    String protocol() {
        return security == Security.TLS ? "smtps" : "smtp";
    }

    boolean authenticates() {
        return username != null && !username.isBlank();
    }

    Properties sessionProperties() {
        String p = "mail." + protocol() + ".";
        Properties props = new Properties();
        props.put("mail.transport.protocol", protocol());
        props.put(p + "host", host);
        props.put(p + "port", Integer.toString(port));
        props.put(p + "connectiontimeout", Integer.toString(connectTimeoutMillis));
        props.put(p + "timeout", Integer.toString(timeoutMillis));
        props.put(p + "writetimeout", Integer.toString(timeoutMillis));
        props.put(p + "auth", Boolean.toString(authenticates()));
        props.put(p + "localhost", heloName == null || heloName.isBlank() ? LocalName.VALUE : heloName.strip());
        if (security == Security.STARTTLS) {
            props.put(p + "starttls.enable", "true");
            props.put(p + "starttls.required", "true");
        }
        if (security != Security.NONE) {
            props.put(p + "ssl.checkserveridentity", "true");
            if (trustedHosts != null && !trustedHosts.isBlank()) {
                props.put(p + "ssl.trust", trustedHosts.strip());
            }
        }
        return props;
    }
}
