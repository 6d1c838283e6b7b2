package org.tandem.notification.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import javax.mail.Message;
import javax.mail.Session;
import javax.mail.Transport;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeBodyPart;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;

import org.tandem.api.Ids;
import org.tandem.api.cases.CaseStatus;
import org.tandem.api.cases.Channel;
import org.tandem.api.cases.ContactPreferences;
import org.tandem.api.cases.Incident;
import org.tandem.api.cases.Person;
import org.tandem.api.cases.PersonRole;
import org.tandem.api.cases.VictimCase;
import org.tandem.api.notification.NotificationChannel;
import org.tandem.api.notification.NotificationEvents;
import org.tandem.api.store.Agency;
import org.tandem.api.store.AgencyKind;
import org.tandem.notification.email.internal.SmtpSender;
import org.tandem.notification.email.internal.SmtpSettings;
import org.tandem.notification.internal.ChannelRegistry;
import org.tandem.notification.internal.Dispatcher;
import org.tandem.notification.internal.EventPoster;
import org.tandem.notification.internal.NotificationEngine;
import org.tandem.notification.internal.Settings;
import org.tandem.notification.internal.TriggerEvent;
import org.tandem.notification.internal.testing.MapConsentService;
import org.tandem.store.internal.agency.JdbcAgencyRepository;
import org.tandem.store.internal.cases.JdbcCaseRepository;
import org.tandem.store.internal.migration.SchemaMigrator;
import org.tandem.store.internal.notification.JdbcNotificationRepository;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * Benchmark (not a test): notifications dispatched per second through the whole engine (durable outbox on embedded
 * Derby, lease/claim, consent and rule checks, template rendering, the EMAIL channel) to a local SMTP sink, next to
 * raw JavaMail sends of a same-shaped message to the same sink, in the same run.
 * <p>
 * Usage: {@code bench/notification-bench.sh [count] [host:port]}; without host:port an in-process GreenMail SMTP
 * server on a free localhost port is the sink. Run by the script; prints one table.
 */
public final class NotificationBench {

    private NotificationBench() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        GreenMail greenMail = null;
        String host = "127.0.0.1";
        int port;
        if (args.length > 1) {
            host = args[1].substring(0, args[1].lastIndexOf(':'));
            port = Integer.parseInt(args[1].substring(args[1].lastIndexOf(':') + 1));
        } else {
            greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            greenMail.start();
            port = greenMail.getSmtp().getPort();
        }
        Path dir = Files.createTempDirectory("tandem-bench");
        System.setProperty("derby.stream.error.file", dir.resolve("derby.log").toString());
        org.apache.derby.jdbc.EmbeddedDataSource ds = new org.apache.derby.jdbc.EmbeddedDataSource();
        ds.setDatabaseName(dir.resolve("db").toString());
        ds.setCreateDatabase("create");
        new SchemaMigrator(ds).migrate();
        try {
            SmtpSettings smtp = SmtpSettings.plain(host, port, "notifications@bench.example");
            // warm-up (JIT, JavaMail, Derby), not measured
            raw(smtp, 200, true);
            run(ds, smtp, 200, "warmup");

            double rawDefault = raw(smtp, count, false);
            double rawRate1 = raw(smtp, count, true);
            double engineRate = run(ds, smtp, count, "measured");
            double rawRate2 = raw(smtp, count, true);
            double rawRate = (rawRate1 + rawRate2) / 2;

            System.out.printf("%nTandem notification benchmark: %d e-mails per series to %s:%d (%s), Derby outbox in %s%n",
                    count, host, port, greenMail != null ? "in-process GreenMail SMTP sink" : "external SMTP sink", dir);
            System.out.printf("  Derby durability: %s%n", System.getProperty("derby.system.durability", "default (fsync on commit)"));
            System.out.printf("  %-62s %10s%n", "series", "msgs/s");
            System.out.printf("  %-62s %10.1f%n", "raw JavaMail Transport.send, default session properties", rawDefault);
            System.out.printf("  %-62s %10.1f%n", "raw JavaMail Transport.send, EHLO name set (before)", rawRate1);
            System.out.printf("  %-62s %10.1f%n", "Tandem dispatcher: outbox -> rules -> render -> EMAIL/SMTP", engineRate);
            System.out.printf("  %-62s %10.1f%n", "raw JavaMail Transport.send, EHLO name set (after)", rawRate2);
            System.out.printf("  dispatcher / raw JavaMail (EHLO name set, mean of before/after) = %.2f%n",
                    engineRate / rawRate);
            if (greenMail != null) {
                System.out.printf("  sink received %d messages in total%n", greenMail.getReceivedMessages().length);
            }
        } finally {
            if (greenMail != null) {
                greenMail.stop();
            }
        }
    }

    /**
     * @param heloName set {@code mail.smtp.localhost} as the EMAIL channel does (else JavaMail resolves the local
     *        address on every connection)
     * @return messages per second for {@code count} plain JavaMail sends, one connection per message
     */
    static double raw(SmtpSettings smtp, int count, boolean heloName) throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", smtp.host());
        props.put("mail.smtp.port", Integer.toString(smtp.port()));
        if (heloName) {
            props.put("mail.smtp.localhost", java.net.InetAddress.getLocalHost().getCanonicalHostName());
        }
        Session session = Session.getInstance(props);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            MimeMessage m = new MimeMessage(session);
            m.setFrom(new InternetAddress("notifications@bench.example"));
            m.setRecipient(Message.RecipientType.TO, new InternetAddress("raw" + i + "@example.org"));
            m.setSubject("Springfield PD: se ha abierto su caso 2026-" + i, "UTF-8");
            m.setSentDate(new Date());
            MimeBodyPart text = new MimeBodyPart();
            text.setText("Estimado/a María:\n\nSu caso ha sido abierto. ".repeat(20), "UTF-8", "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText("<p>Estimado/a María:</p><p>Su caso ha sido abierto.</p>".repeat(20), "UTF-8", "html");
            m.setContent(new MimeMultipart("alternative", text, html));
            Transport.send(m);
        }
        return count / seconds(start);
    }

    /** @return notifications per second from queued to SENT, through the real engine and EMAIL channel */
    static double run(javax.sql.DataSource ds, SmtpSettings smtp, int count, String label) {
        JdbcNotificationRepository outbox = new JdbcNotificationRepository(ds);
        JdbcCaseRepository cases = new JdbcCaseRepository(ds);
        JdbcAgencyRepository agencies = new JdbcAgencyRepository(ds);
        agencies.save(new Agency("PD-BENCH", AgencyKind.LAW_ENFORCEMENT, "Springfield PD"));
        Clock clock = Clock.systemUTC();
        MapConsentService consent = new MapConsentService(clock);
        NotificationEngine engine = new NotificationEngine(outbox, cases, EventPoster.NONE, clock);
        List<TriggerEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Person p = new Person(Ids.newId(), PersonRole.PRIMARY_VICTIM, null, "María", "López", null, "es",
                    new ContactPreferences(label + i + "@example.org", null, List.of(Channel.EMAIL), null, false, true,
                            null));
            VictimCase c = new VictimCase(Ids.newId(), "PD-BENCH", CaseStatus.OPEN, new Incident("2026-" + i,
                    "IL0160000", Instant.now(), List.of("13A"), null), List.of(p), List.of(), null, "bench",
                    Instant.now(), Instant.now());
            cases.insert(c);
            consent.grantNotify(c.id(), p.id());
            events.add(new TriggerEvent(NotificationEvents.TYPE_CASE_OPENED, c.id(), c.agencyId(), c.id(), List.of(),
                    "case-opened", Map.of(), "bench"));
        }
        long enqueueStart = System.nanoTime();
        events.forEach(engine::plan);
        double enqueueSeconds = seconds(enqueueStart);

        ChannelRegistry channels = new ChannelRegistry(Instant.now());
        SmtpSender sender = new SmtpSender(smtp);
        channels.add((NotificationChannel) sender::send, Map.of(NotificationChannel.CHANNEL_PROPERTY, "EMAIL"));
        Settings settings = Settings.defaults().withContacts("+1 217 555 0100", Map.of());
        Settings batch = new Settings(true, Duration.ofMillis(100), 200, 0, settings.maxAttempts(),
                settings.backoffBase(), settings.backoffMax(), settings.lease(), settings.consentWait(),
                settings.consentRecheck(), settings.channelInstallGrace(), null, settings.defaultZone(),
                settings.contactDefault(), Map.of());
        Dispatcher dispatcher = new Dispatcher(outbox, cases, agencies, consent, channels, EventPoster.NONE, clock, batch);
        long start = System.nanoTime();
        int sent = 0;
        int processed;
        while ((processed = dispatcher.dispatchDue()) > 0) {
            sent += processed;
        }
        double rate = sent / seconds(start);
        if (!label.equals("warmup")) {
            System.out.printf("  (enqueue of %d events into the outbox: %.1f events/s)%n", count, count / enqueueSeconds);
        }
        if (sent != count) {
            throw new IllegalStateException("dispatched " + sent + " of " + count);
        }
        return rate;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
