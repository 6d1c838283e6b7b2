package org.tandem.demo.mailsink.internal;

import java.nio.file.Path;
import java.time.Clock;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the demo {@link MailSink} in demo mode only (TANDEM_DEMO=true or -Dtandem.demo=true), configured by
 * {@code etc/org.tandem.demo.mailsink.cfg}. Outside demo mode it does nothing, whatever the configuration says.
 */
@Component(immediate = true, configurationPid = DemoMailSinkComponent.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = DemoMailSinkComponent.Config.class)
public class DemoMailSinkComponent {

    static final String PID = "org.tandem.demo.mailsink";
    private static final Logger LOG = LoggerFactory.getLogger(DemoMailSinkComponent.class);

    @ObjectClassDefinition(name = "Tandem demo mail sink", description = "Local SMTP sink for demo mode only")
    public @interface Config {
        @AttributeDefinition(description = "Run the sink in demo mode (never outside it)")
        boolean enabled() default true;

        @AttributeDefinition(description = "Address to listen on (keep it a loopback address)")
        String host() default "127.0.0.1";

        @AttributeDefinition(description = "SMTP port: the one etc/org.tandem.notification.email.cfg points at")
        int port() default 2525;

        @AttributeDefinition(description = "Folder for the .eml files; empty = ${karaf.data}/demo-mail")
        String folder() default "";
    }

    private MailSink sink;

    @Activate
    void activate(Config config) {
        start(config);
    }

    @Modified
    void modified(Config config) {
        stop();
        start(config);
    }

    @Deactivate
    void deactivate() {
        stop();
    }

    private synchronized void start(Config config) {
        if (!demoMode() || !config.enabled()) {
            return;
        }
        Path folder = folder(config.folder());
        try {
            sink = MailSink.start(config.host(), config.port(), folder, Clock.systemUTC());
            LOG.info("Demo mail sink listening on {}:{}; received e-mails are saved in {}", config.host(), config.port(), folder);
        } catch (Exception e) {
            // a demo without the sink still works (e-mails are retried and shown as failed attempts): say why
            LOG.warn("Demo mail sink not started on {}:{} ({}); e-mail notifications will fail until an SMTP server listens there",
                    config.host(), config.port(), e.toString());
        }
    }

    private synchronized void stop() {
        if (sink != null) {
            sink.close();
            sink = null;
        }
    }

    static Path folder(String configured) {
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured.strip());
        }
        return Path.of(System.getProperty("karaf.data", "data"), "demo-mail");
    }

    static boolean demoMode() {
        return "true".equalsIgnoreCase(System.getenv("TANDEM_DEMO"))
                || "true".equalsIgnoreCase(System.getProperty("tandem.demo"));
    }
}
