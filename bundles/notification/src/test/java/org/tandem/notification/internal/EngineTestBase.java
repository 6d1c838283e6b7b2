package org.tandem.notification.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.api.Ids;
import org.tandem.api.cases.CaseStatus;
import org.tandem.api.cases.Channel;
import org.tandem.api.cases.ContactPreferences;
import org.tandem.api.cases.Incident;
import org.tandem.api.cases.Person;
import org.tandem.api.cases.PersonRole;
import org.tandem.api.cases.SafeHours;
import org.tandem.api.cases.VictimCase;
import org.tandem.api.notification.Notification;
import org.tandem.api.notification.NotificationChannel;
import org.tandem.api.notification.NotificationEvents;
import org.tandem.api.store.Agency;
import org.tandem.api.store.AgencyKind;
import org.tandem.notification.email.internal.SmtpSender;
import org.tandem.notification.email.internal.SmtpSettings;
import org.tandem.notification.internal.testing.MapConsentService;
import org.tandem.notification.internal.testing.MutableClock;
import org.tandem.notification.internal.testing.RecordingEvents;
import org.tandem.store.internal.agency.JdbcAgencyRepository;
import org.tandem.store.internal.cases.JdbcCaseRepository;
import org.tandem.store.internal.migration.SchemaMigrator;
import org.tandem.store.internal.notification.JdbcNotificationRepository;
import org.tandem.store.testing.TestDatabase;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The engine wired like in the container, with real parts: the store's repositories on a real Derby database, a
 * real SMTP server (GreenMail) behind the real EMAIL channel, a controllable clock, a map-backed consent service.
 */
abstract class EngineTestBase {

    static final String AGENCY = "PD-DEMO";
    /** Wednesday 2026-11-25 16:00 UTC = 10:00 in Chicago. */
    static final Instant T0 = Instant.parse("2026-11-25T16:00:00Z");

    @TempDir
    Path tempDir;

    TestDatabase db;
    JdbcNotificationRepository outbox;
    JdbcCaseRepository cases;
    MutableClock clock;
    MapConsentService consent;
    RecordingEvents events;
    ChannelRegistry channels;
    NotificationEngine engine;
    Dispatcher dispatcher;
    GreenMail smtp;
    Settings settings;

    @BeforeEach
    void startEngine() {
        db = TestDatabase.create(tempDir);
        new SchemaMigrator(db.dataSource()).migrate();
        outbox = new JdbcNotificationRepository(db.dataSource());
        cases = new JdbcCaseRepository(db.dataSource());
        JdbcAgencyRepository agencies = new JdbcAgencyRepository(db.dataSource());
        agencies.save(new Agency(AGENCY, AgencyKind.LAW_ENFORCEMENT, "Springfield Police Department"));
        clock = new MutableClock(T0);
        consent = new MapConsentService(clock);
        events = new RecordingEvents();
        channels = new ChannelRegistry(T0.minus(Duration.ofHours(1)));
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        register(Channel.EMAIL, new SmtpSender(SmtpSettings.plain("127.0.0.1", smtp.getSmtp().getPort(),
                "notifications@springfield.example"))::send);
        settings = Settings.defaults().withContacts("Victim services line +1 217 555 0100", Map.of());
        engine = new NotificationEngine(outbox, cases, events, clock);
        dispatcher = new Dispatcher(outbox, cases, agencies, consent, channels, events, clock, settings);
    }

    @AfterEach
    void stopEngine() {
        smtp.stop();
        db.close();
    }

    void register(Channel channel, NotificationChannel implementation) {
        channels.add(implementation, Map.of(NotificationChannel.CHANNEL_PROPERTY, channel.name(), "service.id",
                (long) channel.ordinal()));
    }

    void reconfigure(Settings newSettings) {
        settings = newSettings;
        dispatcher.configure(newSettings);
    }

    static Person person(PersonRole role, String name, String language, ContactPreferences contact) {
        return new Person(Ids.newId(), role, role == PersonRole.SECONDARY_VICTIM ? "MOTHER" : null, name, "Lopez",
                null, language, contact);
    }

    static ContactPreferences contact(String email, String phone, List<Channel> channels) {
        return new ContactPreferences(email, phone, channels, null, false, true, null);
    }

    static ContactPreferences contact(String email, String phone, List<Channel> channels, SafeHours hours,
            boolean noVoicemail, boolean safe, String alternate) {
        return new ContactPreferences(email, phone, channels, hours, noVoicemail, safe, alternate);
    }

    VictimCase openCase(Person... persons) {
        VictimCase c = new VictimCase(Ids.newId(), AGENCY, CaseStatus.OPEN, new Incident("2026-000123", "IL0160000",
                T0.minus(Duration.ofDays(1)), List.of("13A"), "400 Main St"), List.of(persons), List.of(), null,
                "officer", clock.instant(), clock.instant());
        cases.insert(c);
        return c;
    }

    /** What intake posts when a case is opened. */
    List<Notification> caseOpened(VictimCase c) {
        return engine.plan(EventTranslator.translate(NotificationEvents.CASE_OPENED, Map.<String, Object>of(
                NotificationEvents.PROP_CASE_ID, c.id(), NotificationEvents.PROP_AGENCY_ID, c.agencyId(),
                "user", "officer")::get).orElseThrow());
    }

    Notification reload(Notification n) {
        return outbox.find(n.id()).orElseThrow();
    }

    MimeMessage[] received() {
        return smtp.getReceivedMessages();
    }
}
