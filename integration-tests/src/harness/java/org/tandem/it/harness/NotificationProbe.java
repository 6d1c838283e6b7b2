package org.tandem.it.harness;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * Notifications under {@code kill -9}: a real SMTP sink (GreenMail) runs in the harness process and the
 * distribution's EMAIL channel points at it. While the intake load runs, each cycle opens a case for a victim
 * with a unique e-mail address (EMAIL only, no safe hours), records the victim's NOTIFY consent and then sends
 * manual messages ({@code POST /cases/{id}/notifications}, each with its own {@code requestId}, the subject
 * naming it). After the restart, every request that got no 202 (cut by the kill) is sent again with the same
 * {@code requestId} — the idempotency key must make that a no-op or a first send, never a second message — and
 * then every accepted message must arrive at the sink:
 * <ul>
 * <li><b>lost</b>: an accepted message never delivered (within {@link #deliveryTimeout});</li>
 * <li><b>duplicated</b>: two different notifications (two {@code X-Tandem-Notification} ids) for one request
 * and recipient — the outbox idempotency key failed;</li>
 * <li><b>resent</b>: the same notification (same id and {@code Message-ID}) delivered twice. The engine's
 * documented window (docs/notifications.md: a kill between the SMTP server's acceptance and the outcome commit)
 * allows at most the one message in flight per kill; receivers can drop it by its {@code Message-ID}.</li>
 * </ul>
 * The case-opened welcome messages of the probe cases are counted for resends and duplicates as well.
 */
public final class NotificationProbe implements CrashHarness.Probe, AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AUTH = HttpLite.basic("officer", "demo");
    private static final String HEADER = "X-Tandem-Notification";
    private static final java.util.regex.Pattern REQUEST_IN_SUBJECT = java.util.regex.Pattern.compile("crash ([A-Za-z0-9._:-]+)");

    /** Totals, cumulative over the probe's life. */
    public static final class Totals {
        public long accepted;
        public long inDoubt;
        public long resubmitted;
        public long delivered;
        public long lost;
        public long duplicated;
        public long resent;
        public long casesOpened;

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "notifications: accepted %d (in doubt %d, re-sent with the same requestId %d),"
                    + " e-mails delivered %d, lost %d, duplicated %d, resent (same Message-ID) %d; probe cases %d",
                    accepted, inDoubt, resubmitted, delivered, lost, duplicated, resent, casesOpened);
        }
    }

    private record Request(String requestId, String caseId, String personId) {
    }

    private final GreenMail smtp;
    private final int smtpPort;
    private final PrintStream log;
    private final String runId;
    private final Duration pace;
    private final Duration deliveryTimeout;
    /** requestId -> request, every 202 ever received and not yet delivered-and-checked. */
    private final Map<String, Request> accepted = new ConcurrentHashMap<>();
    /** requests without a 202 (cut by the kill, or an error status): sent again after the restart. */
    private final Map<String, Request> inDoubt = new ConcurrentHashMap<>();
    /** requestId -> notification ids seen at the sink; notification id -> deliveries. */
    private final Map<String, Set<String>> idsByRequest = new HashMap<>();
    private final Map<String, Integer> deliveriesById = new HashMap<>();
    private final Set<String> checkedRequests = new HashSet<>();
    private int seen;
    private final Totals totals = new Totals();

    /**
     * Starts the SMTP sink on a free loopback port and points the distribution at it (before its next start).
     *
     * @param pace pause between two messages of the probe (the sink takes ~20 messages/s with one connection each)
     */
    public NotificationProbe(Distribution dist, String runId, Duration pace, Duration deliveryTimeout, PrintStream log)
            throws IOException {
        this.log = log;
        this.runId = runId;
        this.pace = pace;
        this.deliveryTimeout = deliveryTimeout;
        this.smtpPort = freePort();
        this.smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        // etc/ files written before the first boot are kept by the feature's configfile: name every key that matters
        // (the channel's built-in default for security is STARTTLS)
        dist.configure("org.tandem.notification.email.cfg", "host", "127.0.0.1");
        dist.configure("org.tandem.notification.email.cfg", "security", "NONE");
        dist.configure("org.tandem.notification.email.cfg", "from", "notifications@crash.test");
        dist.configure("org.tandem.notification.email.cfg", "port", Integer.toString(smtpPort));
        dist.configure("org.tandem.notification.email.cfg", "heloName", "crash.test");
        dist.configure("org.tandem.notification.cfg", "pollIntervalMillis", "100");
        // a claim held by the killed JVM is taken over after this (the minimum the engine accepts)
        dist.configure("org.tandem.notification.cfg", "leaseSeconds", "10");
        // the intake load's victims never consent: withhold their messages at once instead of re-checking them
        dist.configure("org.tandem.notification.cfg", "consentWaitMinutes", "0");
        dist.configure("org.tandem.notification.cfg", "consentRecheckSeconds", "1");
        log.println("crash: notification probe: SMTP sink (GreenMail) on 127.0.0.1:" + smtpPort);
    }

    public Totals totals() {
        return totals;
    }

    /** Notifications are clean: nothing accepted lost, no request turned into two messages. */
    public boolean clean() {
        return totals.lost == 0 && totals.duplicated == 0;
    }

    @Override
    public void drive(Distribution dist, int cycle, BooleanSupplier running) {
        try (HttpLite http = new HttpLite("127.0.0.1", dist.httpPort, 30_000)) {
            String address = ("np-" + runId + "-" + cycle).toLowerCase(Locale.ROOT) + "@crash.test";
            HttpLite.Response opened = http.send("POST", "/tandem/api/v1/cases", AUTH, probeCase("NP-" + runId + "-" + cycle, address));
            if (opened.status() != 201) {
                log.println("crash: notification probe: case not opened: " + opened.status() + " " + opened.text());
                return;
            }
            totals.casesOpened++;
            JsonNode c = JSON.readTree(opened.body());
            String caseId = c.path("id").asText();
            String personId = c.path("persons").path(0).path("id").asText();
            HttpLite.Response consent = http.send("POST", "/tandem/api/v1/cases/" + caseId + "/consents", AUTH,
                    ("{\"personId\":\"" + personId + "\",\"scope\":\"NOTIFY\",\"recipient\":{\"kind\":\"ANY\"},"
                            + "\"purpose\":\"Case notifications\",\"form\":\"WRITTEN\"}").getBytes(StandardCharsets.UTF_8));
            if (consent.status() != 201) {
                log.println("crash: notification probe: consent not recorded: " + consent.status() + " " + consent.text());
                return;
            }
            for (int seq = 0; running.getAsBoolean(); seq++) {
                Request r = new Request(runId + "-" + cycle + "-" + seq, caseId, personId);
                try {
                    if (send(http, r) == 202) {
                        accepted.put(r.requestId(), r);
                        totals.accepted++;
                    } else {
                        inDoubt.put(r.requestId(), r);
                        totals.inDoubt++;
                    }
                } catch (IOException e) {
                    inDoubt.put(r.requestId(), r);
                    totals.inDoubt++;
                    return;
                }
                LockSupport.parkNanos(pace.toNanos());
            }
        } catch (IOException e) {
            // the kill cut the case or consent request: nothing was sent for this cycle's case
        }
    }

    @Override
    public void verify(Distribution dist, int cycle, CrashHarness.Result result) throws IOException {
        // requests cut by the kill: the same requestId again; accepted now, sent at most once overall
        try (HttpLite http = new HttpLite("127.0.0.1", dist.httpPort, 30_000)) {
            for (Request r : List.copyOf(inDoubt.values())) {
                int status = send(http, r);
                if (status == 202) {
                    inDoubt.remove(r.requestId());
                    accepted.put(r.requestId(), r);
                    totals.resubmitted++;
                } else if (status == 404) {
                    // the probe case itself did not survive (a weakened store): the request is gone with it
                    inDoubt.remove(r.requestId());
                } else {
                    throw new IOException("request " + r.requestId() + " sent again answered " + status);
                }
            }
        }
        // a request whose case is gone (a weakened store lost it) cannot be delivered any more: lost now
        Set<String> goneCases = new HashSet<>();
        collect();
        try (HttpLite http = new HttpLite("127.0.0.1", dist.httpPort, 30_000)) {
            for (String caseId : accepted.values().stream().filter(r -> !idsByRequest.containsKey(r.requestId()))
                    .map(Request::caseId).distinct().toList()) {
                if (http.send("GET", "/tandem/api/v1/cases/" + caseId, AUTH, null).status() == 404) {
                    goneCases.add(caseId);
                }
            }
        }
        // every accepted request delivered, or the deadline
        long deadline = System.nanoTime() + deliveryTimeout.toNanos();
        while (true) {
            collect();
            boolean all = accepted.values().stream()
                    .allMatch(r -> idsByRequest.containsKey(r.requestId()) || goneCases.contains(r.caseId()));
            if (all || System.nanoTime() > deadline) {
                break;
            }
            smtp.waitForIncomingEmail(500, seen + 1);
        }
        long lostBefore = totals.lost;
        long duplicatedBefore = totals.duplicated;
        long resentBefore = totals.resent;
        long acceptedNow = accepted.size();
        for (Map.Entry<String, Request> e : accepted.entrySet()) {
            String rid = e.getKey();
            if (checkedRequests.contains(rid)) {
                continue;
            }
            Set<String> ids = idsByRequest.get(rid);
            if (ids == null) {
                totals.lost++;
                result.problem("accepted notification never delivered: requestId " + rid);
            } else if (ids.size() > 1) {
                totals.duplicated += ids.size() - 1;
                result.problem("one request, " + ids.size() + " notifications: " + rid + " " + ids);
            }
            checkedRequests.add(rid);
        }
        accepted.keySet().removeAll(checkedRequests);
        long resent = 0;
        for (int n : deliveriesById.values()) {
            resent += Math.max(0, n - 1);
        }
        totals.resent = resent;
        result.notificationsChecked += acceptedNow;
        result.notificationsLost += totals.lost - lostBefore;
        result.notificationsDuplicated += totals.duplicated - duplicatedBefore;
        result.notificationsResent += totals.resent - resentBefore;
        log.printf(Locale.ROOT, "crash: cycle %d: %s%n", cycle, totals);
    }

    /** Reads the messages that arrived since the last call. */
    private void collect() throws IOException {
        MimeMessage[] all = smtp.getReceivedMessages();
        for (int i = seen; i < all.length; i++) {
            try {
                String id = all[i].getHeader(HEADER, null);
                String subject = all[i].getSubject();
                if (id == null) {
                    continue;
                }
                totals.delivered++;
                deliveriesById.merge(id, 1, Integer::sum);
                // the manual template may frame the subject (agency name): find "crash <requestId>" in it
                java.util.regex.Matcher m = subject == null ? null : REQUEST_IN_SUBJECT.matcher(subject);
                if (m != null && m.find()) {
                    idsByRequest.computeIfAbsent(m.group(1), k -> new HashSet<>()).add(id);
                }
            } catch (MessagingException e) {
                throw new IOException("unreadable message at the sink", e);
            }
        }
        seen = all.length;
    }

    private int send(HttpLite http, Request r) throws IOException {
        return http.send("POST", "/tandem/api/v1/cases/" + r.caseId() + "/notifications", AUTH,
                ("{\"subject\":\"crash " + r.requestId() + "\",\"text\":\"Crash harness message " + r.requestId()
                        + ".\",\"personIds\":[\"" + r.personId() + "\"],\"requestId\":\"" + r.requestId() + "\"}")
                        .getBytes(StandardCharsets.UTF_8)).status();
    }

    /** One primary victim reachable by e-mail only, at any hour, safe to contact. */
    private static byte[] probeCase(String incident, String email) {
        return ("{\"incident\":{\"number\":\"" + incident + "\",\"ori\":\"IL0160000\",\"occurredAt\":\"2026-11-20T22:15:00Z\","
                + "\"offenses\":[\"13A\"],\"location\":\"400 Main St\"},\"persons\":[{\"role\":\"PRIMARY_VICTIM\","
                + "\"givenName\":\"Rosa\",\"familyName\":\"Diaz\",\"language\":\"en\",\"contact\":{\"email\":\"" + email
                + "\",\"channels\":[\"EMAIL\"],\"safeToContact\":true}}],\"needs\":[\"COUNSELING\"],"
                + "\"narrative\":\"Crash harness notification case.\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        smtp.stop();
    }

}
