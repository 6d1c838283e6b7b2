package org.tandem.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.mail.Message;
import javax.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tandem.api.cases.Channel;
import org.tandem.api.cases.ContactPreferences;
import org.tandem.api.cases.Person;
import org.tandem.api.cases.PersonRole;
import org.tandem.api.cases.SafeHours;
import org.tandem.api.cases.VictimCase;
import org.tandem.api.notification.AttemptOutcome;
import org.tandem.api.notification.ConfirmationResult;
import org.tandem.api.notification.DeliveryResult;
import org.tandem.api.notification.FollowUpTask;
import org.tandem.api.notification.Notice;
import org.tandem.api.notification.NoticeState;
import org.tandem.api.notification.Notification;
import org.tandem.api.notification.NotificationEvents;
import org.tandem.api.notification.NotificationState;
import org.tandem.api.notification.OutgoingMessage;
import org.tandem.api.notification.RecipientType;
import org.tandem.notification.internal.testing.RecordingChannel;
import org.tandem.notification.sms.internal.GatewaySettings;
import org.tandem.notification.sms.internal.SmsGateway;
import org.tandem.store.internal.notification.JdbcConfirmationRepository;
import org.tandem.store.internal.notification.JdbcTaskRepository;

import com.sun.net.httpserver.HttpServer;

/**
 * Confirmed notifications with real parts (Derby, GreenMail SMTP, the real SMS channel against an in-process
 * gateway) and a controllable clock: the night of an offender's release.
 */
class ConfirmedNotificationTest extends EngineTestBase {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    /** 2026-11-26 02:00 in Chicago (CST, UTC-6). */
    private static final Instant NIGHT = Instant.parse("2026-11-26T08:00:00Z");
    private static final Pattern SMS_CODE = Pattern.compile("Reply ([0-9]{6}) to confirm");
    private static final Pattern LINK = Pattern.compile("(http://localhost:8181/tandem/confirm/[a-z2-7]{24})");

    private HttpServer gateway;
    private final List<String> sms = new CopyOnWriteArrayList<>();
    private final AtomicInteger smsIds = new AtomicInteger();
    private JdbcConfirmationRepository confirmationRepository;
    private JdbcTaskRepository tasks;
    private Confirmations confirmations;
    private ReminderScheduler reminders;
    private RecordingChannel voice;

    @BeforeEach
    void startConfirmations() throws IOException {
        gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gateway.createContext("/sms", exchange -> {
            sms.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] body = ("{\"id\":\"gw-" + smsIds.incrementAndGet() + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        gateway.start();
        register(Channel.SMS, new SmsGateway(GatewaySettings.json(URI.create("http://127.0.0.1:"
                + gateway.getAddress().getPort() + "/sms"), Duration.ofSeconds(5)))::send);
        voice = new RecordingChannel(m -> DeliveryResult.sent("call-" + m.notificationId(), "answered"));
        register(Channel.VOICE, voice);
        confirmationRepository = new JdbcConfirmationRepository(db.dataSource());
        tasks = new JdbcTaskRepository(db.dataSource());
        confirmations = new Confirmations(confirmationRepository, tasks, outbox, events, clock,
                ConfirmationPolicy.defaults().withStaff(Map.of(AGENCY, "advocate"),
                        Map.of("advocate", "advocate@springfield.example", "lee", "lee@springfield.example")));
        engine.useConfirmations(confirmations);
        dispatcher.useConfirmations(confirmations);
        reminders = new ReminderScheduler(confirmations, outbox, cases);
        clock.set(NIGHT);
    }

    @AfterEach
    void stopGateway() {
        gateway.stop(0);
    }

    private static ContactPreferences prefs(String email, String phone, List<Channel> channels, boolean noVoicemail,
            List<Channel> urgent) {
        return new ContactPreferences(email, phone, channels, new SafeHours(LocalTime.of(9, 0), LocalTime.of(20, 0),
                CHICAGO), noVoicemail, true, null, urgent);
    }

    private List<Notification> released(VictimCase c, String offender) {
        return engine.plan(EventTranslator.translate(NotificationEvents.CUSTODY_STATUS_CHANGED, Map.<String, Object>of(
                NotificationEvents.PROP_CASE_ID, c.id(), NotificationEvents.PROP_AGENCY_ID, c.agencyId(),
                NotificationEvents.PROP_CUSTODY_STATUS, "RELEASED", NotificationEvents.PROP_OFFENDER_ID, offender,
                NotificationEvents.PROP_OCCURRED_AT, clock.instant().toString())::get).orElseThrow());
    }

    /** One pass of the dispatcher thread: reminders and escalations, then due messages. */
    private void tick() {
        reminders.runDue(clock.instant());
        dispatcher.dispatchDue();
    }

    private void at(String localTime) {
        clock.set(java.time.LocalDate.of(2026, 11, 26).atTime(LocalTime.parse(localTime)).atZone(CHICAGO).toInstant());
        tick();
    }

    private static String code(String smsBody) {
        Matcher m = SMS_CODE.matcher(smsBody);
        assertThat(m.find()).as("SMS carries a code: %s", smsBody).isTrue();
        return m.group(1);
    }

    private static String link(javax.mail.Part mail) throws Exception {
        Matcher m = LINK.matcher(body(mail));
        assertThat(m.find()).as("e-mail carries a link: %s", body(mail)).isTrue();
        return m.group(1);
    }

    /** Every text part, decoded. */
    private static String body(javax.mail.Part part) throws Exception {
        Object content = part.getContent();
        if (content instanceof javax.mail.Multipart multipart) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                out.append(body(multipart.getBodyPart(i))).append('\n');
            }
            return out.toString();
        }
        return content instanceof String text ? text : "";
    }

    private List<MimeMessage> mailTo(String address) throws Exception {
        List<MimeMessage> out = new java.util.ArrayList<>();
        for (MimeMessage m : received()) {
            if (((javax.mail.internet.InternetAddress) m.getRecipients(Message.RecipientType.TO)[0]).getAddress()
                    .equals(address)) {
                out.add(m);
            }
        }
        return out;
    }

    private Notice noticeOf(Person p, VictimCase c) {
        return confirmationRepository.forCase(AGENCY, c.id()).stream().filter(n -> n.personId().equals(p.id()))
                .findFirst().orElseThrow();
    }

    @Test
    void releasedAt2VictimConfirmsBySmsAt210MotherDoesNotAdvocateGetsATaskAt4() throws Exception {
        Person victim = person(PersonRole.PRIMARY_VICTIM, "Ana", "en", prefs("ana@example.org", "+12175550101",
                List.of(Channel.SMS, Channel.EMAIL), true, List.of(Channel.SMS)));
        Person mother = person(PersonRole.SECONDARY_VICTIM, "Rosa", "es", prefs("rosa@example.org", "+12175550102",
                List.of(Channel.SMS, Channel.EMAIL), false, List.of(Channel.EMAIL)));
        VictimCase c = openCase(victim, mother);
        consent.grantNotify(c.id(), victim.id());
        consent.grantNotify(c.id(), mother.id());
        tasks.assignAdvocate(AGENCY, c.id(), "advocate", "supervisor", clock.instant());

        // 02:00 released: outside both safe hours, each gets the urgent alert on the channel marked safe for it
        List<Notification> planned = released(c, "OFF-1");
        assertThat(planned).extracting(Notification::channel).containsExactly(Channel.SMS, Channel.EMAIL);
        tick();
        assertThat(sms).singleElement().satisfies(b -> assertThat(b).contains("+12175550101"));
        assertThat(mailTo("rosa@example.org")).hasSize(1);
        String code = code(sms.get(0));
        String motherLink = link(mailTo("rosa@example.org").get(0));
        assertThat(body(mailTo("rosa@example.org").get(0))).contains("Confirmo que recib");

        // 02:10 the victim replies: wrong code, right code from another phone, then the right one
        at("02:10");
        String wrong = code.equals("000000") ? "111111" : "000000";
        assertThat(engine.confirmByReply(Channel.SMS, "+12175550101", "Code " + wrong)).isEqualTo(ConfirmationResult.INVALID);
        assertThat(engine.confirmByReply(Channel.SMS, "+12175559999", code)).isEqualTo(ConfirmationResult.INVALID);
        assertThat(engine.confirmByReply(Channel.SMS, "+1 (217) 555-0101", "ok " + code + " thanks"))
                .isEqualTo(ConfirmationResult.CONFIRMED);
        assertThat(engine.confirmByReply(Channel.SMS, "+12175550101", code)).isEqualTo(ConfirmationResult.USED);
        assertThat(noticeOf(victim, c).state()).isEqualTo(NoticeState.CONFIRMED);
        assertThat(noticeOf(victim, c).confirmedChannel()).isEqualTo(Channel.SMS);
        assertThat(events.on(NotificationEvents.NOTIFICATION_CONFIRMED)).hasSize(1);
        assertThat(reload(planned.get(0)).history()).extracting(h -> h.outcome())
                .contains(AttemptOutcome.SENT, AttemptOutcome.CONFIRMED);

        // 02:30, 03:00, 03:30: reminders for the mother only, still only on her urgent-safe channel (EMAIL)
        at("02:30");
        at("03:00");
        at("03:30");
        assertThat(sms).hasSize(1);
        assertThat(mailTo("rosa@example.org")).hasSize(4);
        assertThat(noticeOf(mother, c).rounds()).isEqualTo(3);
        assertThat(tasks.forCase(AGENCY, c.id())).isEmpty();

        // 04:00: two hours without confirmation -> a task for the case's advocate, the event and an e-mail
        at("04:00");
        tick(); // the advocate's e-mail was queued by the escalation
        List<FollowUpTask> open = tasks.list(AGENCY, "advocate", false, java.util.EnumSet.of(FollowUpTask.State.OPEN), 10);
        assertThat(open).singleElement().satisfies(t -> {
            assertThat(t.kind()).isEqualTo(FollowUpTask.Kind.UNCONFIRMED_URGENT);
            assertThat(t.personId()).isEqualTo(mother.id());
            assertThat(t.createdAt()).isEqualTo(clock.instant());
        });
        assertThat(events.on(NotificationEvents.NOTIFICATION_ESCALATED)).singleElement()
                .satisfies(e -> assertThat(e.properties()).containsEntry("assignee", "advocate")
                        .containsEntry("personId", mother.id()));
        assertThat(mailTo("advocate@springfield.example")).singleElement().satisfies(m -> {
            try {
                assertThat(m.getSubject()).contains("2026-000123");
                assertThat(body(m)).doesNotContain("Rosa").doesNotContain("rosa@example.org");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        assertThat(reload(planned.get(1)).history()).extracting(h -> h.outcome()).contains(AttemptOutcome.ESCALATED);
        // once only
        at("04:05");
        assertThat(tasks.forCase(AGENCY, c.id())).hasSize(1);

        // the advocate reaches her; a late confirmation by link still counts
        String token = motherLink.substring(motherLink.lastIndexOf('/') + 1);
        assertThat(engine.confirmByLink(token.toUpperCase(java.util.Locale.ROOT))).isEqualTo(ConfirmationResult.INVALID);
        assertThat(engine.confirmByLink(token)).isEqualTo(ConfirmationResult.CONFIRMED);
        assertThat(engine.confirmByLink(token)).isEqualTo(ConfirmationResult.USED);
        assertThat(noticeOf(mother, c).confirmedBy()).isEqualTo("LINK");
        int mails = mailTo("rosa@example.org").size();
        at("06:00");
        at("08:00");
        assertThat(mailTo("rosa@example.org")).hasSize(mails);
        assertThat(tasks.close(AGENCY, open.get(0).id(), FollowUpTask.Outcome.REACHED_BY_PHONE, "called at 04:20",
                "advocate", clock.instant())).isTrue();
        assertThat(tasks.close(AGENCY, open.get(0).id(), FollowUpTask.Outcome.COULD_NOT_REACH, null, "advocate",
                clock.instant())).isFalse();
    }

    @Test
    void codesExpireAndGuessingIsRateLimitedPerPhone() {
        Person victim = person(PersonRole.PRIMARY_VICTIM, "Ana", "en", prefs(null, "+12175550111",
                List.of(Channel.SMS), false, List.of(Channel.SMS)));
        VictimCase c = openCase(victim);
        consent.grantNotify(c.id(), victim.id());
        released(c, "OFF-2");
        tick();
        String code = code(sms.get(0));

        for (int i = 0; i < 5; i++) {
            assertThat(engine.confirmByReply(Channel.SMS, "+12175550111", String.format("%06d", i == 0 && code.equals("000000") ? 9 : i)))
                    .isIn(ConfirmationResult.INVALID);
        }
        // the sixth try within 15 minutes is refused even with the right code
        assertThat(engine.confirmByReply(Channel.SMS, "+12175550111", code)).isEqualTo(ConfirmationResult.RATE_LIMITED);
        assertThat(noticeOf(victim, c).state()).isEqualTo(NoticeState.AWAITING);

        // 02:30 a reminder with a new code
        at("02:30");
        assertThat(sms).hasSize(2);
        String second = code(sms.get(1));
        // the next night, 02:10: the first code (sent 24 h 10 min ago) has expired, the reminder's has not
        clock.set(NIGHT.plus(Duration.ofHours(24)).plus(Duration.ofMinutes(10)));
        assertThat(engine.confirmByReply(Channel.SMS, "+12175550111", code)).isEqualTo(ConfirmationResult.EXPIRED);
        assertThat(engine.confirmByReply(Channel.SMS, "+12175550111", second)).isEqualTo(ConfirmationResult.CONFIRMED);
    }

    @Test
    void urgentNoticeAtNightWithoutAnUrgentSafeChannelWaitsAndTheAdvocateIsAlertedAtOnce() throws Exception {
        Person victim = person(PersonRole.PRIMARY_VICTIM, "Ana", "en", prefs("ana@example.org", "+12175550121",
                List.of(Channel.SMS, Channel.EMAIL), false, List.of()));
        VictimCase c = openCase(victim);
        consent.grantNotify(c.id(), victim.id());

        Notification n = released(c, "OFF-3").get(0);
        tick();
        assertThat(sms).isEmpty();
        assertThat(mailTo("ana@example.org")).isEmpty();
        assertThat(mailTo("advocate@springfield.example")).hasSize(1);
        assertThat(reload(n).nextAttemptAt()).isEqualTo(java.time.LocalDate.of(2026, 11, 26).atTime(9, 0)
                .atZone(CHICAGO).toInstant());
        assertThat(tasks.forCase(AGENCY, c.id())).singleElement()
                .satisfies(t -> assertThat(t.kind()).isEqualTo(FollowUpTask.Kind.URGENT_WAITING_FOR_SAFE_HOURS));
        // no advocate assigned: the agency's default advocate gets it
        assertThat(tasks.forCase(AGENCY, c.id()).get(0).assignee()).isEqualTo("advocate");

        // reminders at night: no channel allowed, nothing goes out
        at("02:30");
        at("03:00");
        assertThat(sms).isEmpty();
        // 09:00 the window opens: the first message goes out
        at("09:00");
        assertThat(sms).hasSize(1);
    }

    @Test
    void routineNoticeNeedingConfirmationWaitsForSafeHoursAndIsNeverReminded() {
        Person victim = person(PersonRole.PRIMARY_VICTIM, "Ana", "en", prefs(null, "+12175550131",
                List.of(Channel.SMS), false, List.of(Channel.SMS)));
        VictimCase c = openCase(victim);
        consent.grantNotify(c.id(), victim.id());
        engine.plan(EventTranslator.translate(NotificationEvents.COURT_EVENT_SCHEDULED, Map.<String, Object>of(
                NotificationEvents.PROP_CASE_ID, c.id(), NotificationEvents.PROP_AGENCY_ID, c.agencyId(),
                NotificationEvents.PROP_COURT_EVENT_TYPE, "HEARING", NotificationEvents.PROP_SCHEDULED_AT,
                "2026-12-15T15:30:00Z", NotificationEvents.PROP_DOCKET_NUMBER, "26-CF-1")::get).orElseThrow());
        tick();
        assertThat(sms).isEmpty(); // 02:00: waits, even though SMS is urgent-safe (a court date is routine)
        at("09:00");
        assertThat(sms).singleElement().satisfies(b -> assertThat(code(b)).hasSize(6));
        at("12:00");
        at("20:00");
        assertThat(sms).hasSize(1);
        assertThat(tasks.forCase(AGENCY, c.id())).isEmpty();
        assertThat(engine.confirmByReply(Channel.SMS, "+12175550131", code(sms.get(0))))
                .isEqualTo(ConfirmationResult.CONFIRMED);
    }

    @Test
    void remindersMoveAlongTheChannelsNeverAskForVoicemailAndStopAtAPinConfirmation() {
        Person victim = person(PersonRole.PRIMARY_VICTIM, "Ana", "en", prefs(null, "+12175550141",
                List.of(Channel.VOICE, Channel.SMS), true, List.of(Channel.VOICE, Channel.SMS)));
        VictimCase c = openCase(victim);
        consent.grantNotify(c.id(), victim.id());
        confirmations.setPin(victim.id(), "4711", "advocate");

        released(c, "OFF-4");
        tick();
        at("02:30");
        at("03:00");
        at("03:30");
        assertThat(voice.sent).hasSize(2);
        assertThat(sms).hasSize(2);
        assertThat(voice.sent).allSatisfy(m -> {
            assertThat(m.voicemailAllowed()).isFalse();
            assertThat(m.text()).contains("enter your PIN");
        });
        OutgoingMessage lastCall = voice.sent.get(voice.sent.size() - 1);
        assertThat(engine.confirmByPin(lastCall.notificationId(), "1234")).isEqualTo(ConfirmationResult.INVALID);
        assertThat(engine.confirmByPin(lastCall.notificationId(), "4711")).isEqualTo(ConfirmationResult.CONFIRMED);
        at("04:00");
        at("06:00");
        assertThat(voice.sent).hasSize(2);
        assertThat(sms).hasSize(2);
        assertThat(tasks.forCase(AGENCY, c.id())).isEmpty();
    }

    @Test
    void anUndeliverableUrgentNoticeIsATaskAtOnceAndStaffMessagesBypassVictimRules() throws Exception {
        Person victim = person(PersonRole.PRIMARY_VICTIM, "Ana", "en", new ContactPreferences(null, null,
                List.of(), null, false, false, null));
        VictimCase c = openCase(victim);
        consent.grantNotify(c.id(), victim.id());
        tasks.assignAdvocate(AGENCY, c.id(), "lee", "supervisor", clock.instant());

        Notification n = released(c, "OFF-5").get(0);
        assertThat(n.state()).isEqualTo(NotificationState.WITHHELD);
        assertThat(tasks.forCase(AGENCY, c.id())).singleElement().satisfies(t -> {
            assertThat(t.kind()).isEqualTo(FollowUpTask.Kind.UNDELIVERABLE);
            assertThat(t.assignee()).isEqualTo("lee");
        });
        tick();
        assertThat(mailTo("lee@springfield.example")).hasSize(1);
        assertThat(outbox.forCase(AGENCY, c.id(), 0, 50).items()).anySatisfy(r -> {
            assertThat(r.recipientType()).isEqualTo(RecipientType.STAFF);
            assertThat(r.state()).isEqualTo(NotificationState.SENT);
        });
    }
}
