package org.tandem.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import java.util.concurrent.locks.LockSupport;

import javax.mail.internet.MimeMessage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.Assume;
import org.junit.Test;
import org.tandem.it.harness.CaseBodies;
import org.tandem.it.harness.Distribution;
import org.tandem.it.harness.HttpLite;

/**
 * Two Karaf nodes (two unpacked copies of the shipped archive) on one PostgreSQL database serve the same API.
 * Intake and manual notifications go to both at once; node A is killed with {@code kill -9} in the middle of the
 * load while B goes on. Then: every case acknowledged with 201 by either node is stored exactly once and unchanged;
 * every notification request accepted with 202 by either node (or sent again to B with the same requestId when the
 * kill cut it) reaches the SMTP sink as exactly one notification, including the ones node A had claimed when it died
 * (its lease expires and B sends them); at most the one e-mail in flight at the kill arrives twice with the same
 * Message-ID. A restarted node A serves what B stored. Runs in the PostgreSQL execution only.
 */
public class MultiNodeIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AUTH = HttpLite.basic("officer", "demo");
    private static final String HEADER = "X-Tandem-Notification";
    private static final Pattern REQUEST_IN_SUBJECT = Pattern.compile("multinode ([A-Za-z0-9-]+)");

    private record Ack(String id, JsonNode body) {
    }

    private record Message(String requestId, String caseId, String personId) {
    }

    private final Map<String, Ack> acked = new ConcurrentHashMap<>();
    private final Set<String> casesInDoubt = ConcurrentHashMap.newKeySet();
    private final Map<String, Message> accepted = new ConcurrentHashMap<>();
    private final Map<String, Message> messagesInDoubt = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> servedBy = new ConcurrentHashMap<>();

    @Test
    public void twoNodesOnOnePostgresqlLoseNothingAndSendNothingTwiceWhenOneIsKilled() throws Exception {
        Assume.assumeTrue("needs the PostgreSQL execution (-Dtandem.it.db=postgresql)", TestDatabase.postgres());
        String url = createDatabase();
        String run = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase(Locale.ROOT);
        GreenMail smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        if (Files.exists(SHARED)) {
            try (var files = Files.walk(SHARED)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        try (Distribution a = node("a", url, smtp); Distribution b = node("b", url, smtp)) {
            // A first: it runs the migrations and loads the demo data; B then finds both in place
            a.start();
            a.awaitHealthy(Duration.ofSeconds(240), Duration.ofMillis(500));
            b.start();
            b.awaitHealthy(Duration.ofSeconds(240), Duration.ofMillis(500));
            awaitCases(a);
            awaitCases(b);
            System.out.println("multinode: both nodes healthy (A on " + a.httpPort + ", B on " + b.httpPort + ")");

            // the same data on both nodes: a case opened on A is read on B, the demo data is there once
            JsonNode opened = JSON.readTree(send(a, "POST", "/cases", CaseBodies.newCase("MN-" + run + "-SHARED")).body());
            assertEquals(200, send(b, "GET", "/cases/" + opened.path("id").asText(), null).status());
            assertEquals("demo data loaded once although two nodes started", 1,
                    JSON.readTree(send(b, "GET", "/cases?incident=2026-000123", null).body()).path("total").asInt());

            // the custody feed folder is read by one node: A, which started first
            dropCustodyReport("MN-" + run + "-CUSTODY-1");
            awaitLog(a, "custody report MN-" + run + "-CUSTODY-1:");
            assertTrue("node B must not read the feed folder while A leads", !log(b).contains("MN-" + run + "-CUSTODY-1"));

            Message[] probes = {probeCase(a, run + "A"), probeCase(b, run + "B")};

            AtomicBoolean aRunning = new AtomicBoolean(true);
            AtomicBoolean bRunning = new AtomicBoolean(true);
            List<Thread> load = new ArrayList<>();
            for (int client = 0; client < 2; client++) {
                load.add(intakeClient(a, "A", run, client, aRunning));
                load.add(intakeClient(b, "B", run, client, bRunning));
            }
            load.add(messageClient(a, probes[0], aRunning));
            load.add(messageClient(b, probes[1], bRunning));
            load.add(messageClient(b, probes[0], bRunning)); // B also sends for the case opened on A
            load.forEach(Thread::start);
            // kill A only once it is really under load: cases acknowledged and messages accepted by it
            Awaitility.await("node A under load").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                    .until(() -> served("A") >= 20 && accepted.size() >= 5);
            a.killHard();
            aRunning.set(false);
            System.out.println("multinode: node A killed (kill -9) under load");
            // B goes on alone for a while: more cases acknowledged and messages accepted after the kill
            int bAtKill = served("B");
            int acceptedAtKill = accepted.size();
            Awaitility.await("node B serving alone").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                    .until(() -> served("B") >= bAtKill + 40 && accepted.size() >= acceptedAtKill + 10);
            bRunning.set(false);
            for (Thread t : load) {
                t.join(60_000);
            }
            System.out.printf(Locale.ROOT, "multinode: cases acknowledged %d (A %d, B %d), in doubt %d; messages accepted %d, in doubt %d%n",
                    acked.size(), served("A"), served("B"),
                    casesInDoubt.size(), accepted.size(), messagesInDoubt.size());
            assertTrue("node A acknowledged cases before the kill", served("A") > 0);
            assertTrue("node B acknowledged cases", served("B") > 0);

            // requests the kill cut: the client sends them again to the surviving node with the same requestId
            for (Message m : List.copyOf(messagesInDoubt.values())) {
                int status = sendMessage(b, m);
                assertEquals("re-sent " + m.requestId(), 202, status);
                accepted.put(m.requestId(), m);
            }

            // the leader died: B takes the feed lock and reads the folder
            dropCustodyReport("MN-" + run + "-CUSTODY-2");
            awaitLog(b, "custody report MN-" + run + "-CUSTODY-2:");

            List<String> problems = new ArrayList<>();
            checkCases(b, run, problems);
            checkMessages(smtp, problems);

            // node A comes back and serves what B stored while it was down
            a.start();
            a.awaitHealthy(Duration.ofSeconds(240), Duration.ofMillis(500));
            awaitCases(a);
            for (Ack ack : List.copyOf(acked.values()).subList(0, Math.min(20, acked.size()))) {
                int status = send(a, "GET", "/cases/" + ack.id(), null).status();
                if (status != 200) {
                    problems.add("restarted node A answers " + status + " for case " + ack.id());
                }
            }
            assertTrue(problems.size() + " problems:\n" + String.join("\n", problems), problems.isEmpty());

            changesInTheSharedFolderReachEveryNode(a, b);
        } finally {
            smtp.stop();
        }
    }

    private void checkCases(Distribution node, String run, List<String> problems) throws Exception {
        Map<String, List<JsonNode>> byIncident = new HashMap<>();
        try (HttpLite http = new HttpLite("127.0.0.1", node.httpPort, 30_000)) {
            for (int page = 0; ; page++) {
                HttpLite.Response r = http.send("GET", "/tandem/api/v1/cases?size=200&page=" + page, AUTH, null);
                assertEquals(r.text(), 200, r.status());
                JsonNode items = JSON.readTree(r.body()).path("items");
                for (JsonNode item : items) {
                    String incident = item.path("incident").path("number").asText("");
                    if (incident.startsWith("MN-" + run + "-") && !incident.endsWith("-SHARED")) {
                        byIncident.computeIfAbsent(incident, k -> new ArrayList<>()).add(item);
                    }
                }
                if (items.size() < 200) {
                    break;
                }
            }
        }
        int inDoubtStored = 0;
        for (Map.Entry<String, Ack> e : acked.entrySet()) {
            List<JsonNode> found = byIncident.getOrDefault(e.getKey(), List.of());
            if (found.isEmpty()) {
                problems.add("acknowledged case lost: " + e.getKey());
            } else if (found.size() > 1) {
                problems.add(found.size() + " cases for one request: " + e.getKey());
            } else if (!found.get(0).equals(e.getValue().body())) {
                problems.add("acknowledged case changed: " + e.getKey() + " stored as " + found.get(0));
            }
        }
        for (String incident : casesInDoubt) {
            int n = byIncident.getOrDefault(incident, List.of()).size();
            if (n > 1) {
                problems.add(n + " cases for one in-doubt request: " + incident);
            }
            inDoubtStored += n;
        }
        for (String incident : byIncident.keySet()) {
            if (!acked.containsKey(incident) && !casesInDoubt.contains(incident)) {
                problems.add("case for an incident never requested: " + incident);
            }
        }
        System.out.println("multinode: cases checked on B: " + acked.size() + " acknowledged, " + casesInDoubt.size()
                + " in doubt (" + inDoubtStored + " stored)");
    }

    private void checkMessages(GreenMail smtp, List<String> problems) throws Exception {
        Map<String, Set<String>> idsByRequest = new HashMap<>();
        Map<String, Integer> deliveriesById = new HashMap<>();
        try {
            // the dead node's claims are taken over when their lease (10 s) expires
            Awaitility.await("every accepted notification delivered").atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(500)).until(() -> {
                        collect(smtp, idsByRequest, deliveriesById);
                        return idsByRequest.keySet().containsAll(accepted.keySet());
                    });
        } catch (ConditionTimeoutException late) {
            // reported below, request by request
        }
        int resent = 0;
        for (String requestId : accepted.keySet()) {
            Set<String> ids = idsByRequest.get(requestId);
            if (ids == null) {
                problems.add("accepted notification never delivered: " + requestId);
            } else if (ids.size() > 1) {
                problems.add("one request, " + ids.size() + " notifications: " + requestId + " " + ids);
            }
        }
        for (int n : deliveriesById.values()) {
            resent += Math.max(0, n - 1);
        }
        if (resent > 1) {
            problems.add(resent + " e-mails delivered twice with the same Message-ID (at most the one in flight at the kill)");
        }
        System.out.println("multinode: notifications checked: " + accepted.size() + " accepted, " + idsByRequest.size()
                + " delivered, resent (in flight at the kill) " + resent);
    }

    private static void collect(GreenMail smtp, Map<String, Set<String>> idsByRequest,
            Map<String, Integer> deliveriesById) throws Exception {
        idsByRequest.clear();
        deliveriesById.clear();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            String id = m.getHeader(HEADER, null);
            Matcher matcher = m.getSubject() == null ? null : REQUEST_IN_SUBJECT.matcher(m.getSubject());
            if (id != null && matcher != null && matcher.find()) {
                idsByRequest.computeIfAbsent(matcher.group(1), k -> new HashSet<>()).add(id);
                deliveriesById.merge(id, 1, Integer::sum);
            }
        }
    }

    private int served(String node) {
        AtomicInteger n = servedBy.get(node);
        return n == null ? 0 : n.get();
    }

    private Thread intakeClient(Distribution node, String name, String run, int client, AtomicBoolean running) {
        return new Thread(() -> {
            try (HttpLite http = new HttpLite("127.0.0.1", node.httpPort, 30_000)) {
                for (int n = 0; running.get(); n++) {
                    String incident = "MN-" + run + "-" + name + client + "-" + n;
                    try {
                        HttpLite.Response r = http.send("POST", "/tandem/api/v1/cases", AUTH, CaseBodies.newCase(incident));
                        if (r.status() == 201) {
                            JsonNode body = JSON.readTree(r.body());
                            acked.put(incident, new Ack(body.path("id").asText(), body));
                            servedBy.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
                        } else {
                            casesInDoubt.add(incident);
                        }
                    } catch (IOException cut) {
                        casesInDoubt.add(incident);
                        return;
                    }
                }
            }
        }, "multinode-intake-" + name + client);
    }

    private Thread messageClient(Distribution node, Message probe, AtomicBoolean running) {
        return new Thread(() -> {
            for (int seq = 0; running.get(); seq++) {
                Message m = new Message(probe.requestId() + "-" + node.httpPort + "-" + seq, probe.caseId(), probe.personId());
                try {
                    if (sendMessage(node, m) == 202) {
                        accepted.put(m.requestId(), m);
                    } else {
                        messagesInDoubt.put(m.requestId(), m);
                    }
                } catch (IOException cut) {
                    messagesInDoubt.put(m.requestId(), m);
                    return;
                }
                // pacing, not waiting: the SMTP sink takes about 20 messages/s
                LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
            }
        }, "multinode-messages-" + node.httpPort);
    }

    /** A victim reachable by e-mail at any hour, with a NOTIFY consent: the target of the manual messages. */
    private static Message probeCase(Distribution node, String tag) throws IOException {
        String body = "{\"incident\":{\"number\":\"MNP-" + tag + "\",\"ori\":\"IL0160000\",\"occurredAt\":\"2026-11-20T22:15:00Z\","
                + "\"offenses\":[\"13A\"]},\"persons\":[{\"role\":\"PRIMARY_VICTIM\",\"givenName\":\"Rosa\",\"familyName\":\"Diaz\","
                + "\"language\":\"en\",\"contact\":{\"email\":\"" + tag.toLowerCase(Locale.ROOT) + "@multinode.test\","
                + "\"channels\":[\"EMAIL\"],\"safeToContact\":true}}],\"needs\":[\"COUNSELING\"]}";
        HttpLite.Response opened = send(node, "POST", "/cases", body.getBytes(StandardCharsets.UTF_8));
        assertEquals(opened.text(), 201, opened.status());
        JsonNode c = JSON.readTree(opened.body());
        String caseId = c.path("id").asText();
        String personId = c.path("persons").path(0).path("id").asText();
        HttpLite.Response consent = send(node, "POST", "/cases/" + caseId + "/consents",
                ("{\"personId\":\"" + personId + "\",\"scope\":\"NOTIFY\",\"recipient\":{\"kind\":\"ANY\"},"
                        + "\"purpose\":\"Case notifications\",\"form\":\"WRITTEN\"}").getBytes(StandardCharsets.UTF_8));
        assertEquals(consent.text(), 201, consent.status());
        return new Message(tag, caseId, personId);
    }

    private static int sendMessage(Distribution node, Message m) throws IOException {
        return send(node, "POST", "/cases/" + m.caseId() + "/notifications",
                ("{\"subject\":\"multinode " + m.requestId() + "\",\"text\":\"Two-node test message " + m.requestId()
                        + ".\",\"personIds\":[\"" + m.personId() + "\"],\"requestId\":\"" + m.requestId() + "\"}")
                        .getBytes(StandardCharsets.UTF_8)).status();
    }

    private static HttpLite.Response send(Distribution node, String method, String path, byte[] body) throws IOException {
        try (HttpLite http = new HttpLite("127.0.0.1", node.httpPort, 30_000)) {
            return http.send(method, "/tandem/api/v1" + path, AUTH, body);
        }
    }

    /** /health can be UP a moment before the case resource is published: wait for it. */
    private static void awaitCases(Distribution node) throws Exception {
        Awaitility.await("/cases on port " + node.httpPort).atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250)).until(() -> send(node, "GET", "/cases?size=1", null).status() == 200);
    }

    /** One unpacked copy of the archive pointed at the shared database and at the test's SMTP sink. */
    private static Distribution node(String name, String url, GreenMail smtp) throws IOException {
        Distribution node = Distribution.unpack(Path.of("target/multinode/" + name), false);
        Path etc = node.home.resolve("etc");
        // the whole file: the feature's configfile does not replace an existing one
        Files.writeString(etc.resolve("org.ops4j.datasource-tandem.cfg"), String.join("\n",
                "osgi.jdbc.driver.name = PostgreSQL JDBC Driver",
                "dataSourceName = tandem",
                "url = " + url,
                "user = " + System.getProperty("tandem.it.pg.user"),
                "password = " + System.getProperty("tandem.it.pg.password"),
                "logServerErrorDetail = false",
                "pool = dbcp2",
                "xa = false",
                "pool.maxTotal = 16", ""));
        node.configure("org.tandem.notification.email.cfg", "host", "127.0.0.1");
        node.configure("org.tandem.notification.email.cfg", "security", "NONE");
        node.configure("org.tandem.notification.email.cfg", "from", "notifications@multinode.test");
        node.configure("org.tandem.notification.email.cfg", "port", Integer.toString(smtp.getSmtp().getPort()));
        node.configure("org.tandem.notification.email.cfg", "heloName", "node-" + name + ".test");
        node.configure("org.tandem.notification.cfg", "pollIntervalMillis", "100");
        // a claim held by the killed node is taken over after this (the minimum the engine accepts)
        node.configure("org.tandem.notification.cfg", "leaseSeconds", "10");
        // the intake load's victims never consent: withhold their welcome messages at once
        node.configure("org.tandem.notification.cfg", "consentWaitMinutes", "0");
        node.configure("org.tandem.notification.cfg", "consentRecheckSeconds", "1");
        node.configure("org.tandem.demo.mailsink.cfg", "enabled", "false");
        joinSharedFolder(node);
        // both nodes watch the same custody inbox; the leader lock lets one read it at a time
        node.configure("org.tandem.adapter.state.cfg", "custodyInboxDir", SHARED.resolve("custody/inbox").toString());
        node.configure("org.tandem.adapter.state.cfg", "feedLeaderLockDir", SHARED.resolve("locks").toString());
        return node;
    }

    /** The shared folder every node sees (in production a shared mount, e.g. NFS): cluster configuration and deploy/. */
    private static final Path SHARED = Path.of("target/multinode/shared").toAbsolutePath();

    /**
     * docs/deployment.md "Several nodes", as an operator does it: the Tandem .cfg files that must be equal on every
     * node live in the shared folder, watched by a second Felix FileInstall watcher on each node (a change made by
     * hand or by {@code config:edit} on any node is applied everywhere within the poll interval), and each node's
     * etc/ holds a symbolic link to them; a third watcher deploys the shared deploy/ folder (bundles and feature
     * files for every node).
     */
    private static void joinSharedFolder(Distribution node) throws IOException {
        Path etc = SHARED.resolve("etc");
        Path deploy = SHARED.resolve("deploy");
        Files.createDirectories(etc);
        Files.createDirectories(deploy);
        Path shared = etc.resolve("org.tandem.intake.cfg");
        if (!Files.exists(shared)) {
            Files.copy(Path.of("../features/src/main/cfg/org.tandem.intake.cfg"), shared);
        }
        // FileInstall's etc/ watcher skips a link that leads out of etc/, and the feature's configfile does not write
        // over it: the shared folder's own watcher is the single source of that configuration on every node
        Files.createSymbolicLink(node.home.resolve("etc/org.tandem.intake.cfg"), shared);
        watch(node, "cluster-etc", etc);
        watch(node, "cluster-deploy", deploy);
    }

    private static void watch(Distribution node, String name, Path folder) throws IOException {
        Files.writeString(node.home.resolve("etc/org.apache.felix.fileinstall-" + name + ".cfg"), String.join("\n",
                "felix.fileinstall.dir = " + folder,
                "felix.fileinstall.tmpdir = ${karaf.data}/generated-bundles",
                "felix.fileinstall.poll = 500",
                "felix.fileinstall.start.level = 80",
                "felix.fileinstall.active.level = 80",
                "felix.fileinstall.log.level = 3", ""));
    }

    /** A configuration change in the shared folder and a bundle copied into the shared deploy/ reach both nodes. */
    private static void changesInTheSharedFolderReachEveryNode(Distribution a, Distribution b) throws Exception {
        Path cfg = SHARED.resolve("etc/org.tandem.intake.cfg");
        String original = Files.readString(cfg);
        replaceAtomically(cfg, original.replace("maxPageSize = 200", "maxPageSize = 150"));
        for (Distribution node : List.of(a, b)) {
            awaitStatus(node, "/cases?size=200", null, 422, "maxPageSize = 150 on port " + node.httpPort);
            assertEquals(200, send(node, "GET", "/cases?size=150", null).status());
        }
        replaceAtomically(cfg, original);
        for (Distribution node : List.of(a, b)) {
            awaitStatus(node, "/cases?size=200", null, 200, "maxPageSize back to 200 on port " + node.httpPort);
        }

        // the example agency bundle (Springfield PD wants a county code in incident.location) for every node
        Path jar = Path.of(System.getProperty("tandem.exampleJar"));
        assertTrue("example jar built by the reactor: " + jar, Files.isRegularFile(jar));
        Path deployed = SHARED.resolve("deploy/tandem-example-agency.jar");
        Path tmp = SHARED.resolve("tandem-example-agency.jar.tmp");
        Files.copy(jar, tmp);
        Files.move(tmp, deployed, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        byte[] noCounty = CaseBodies.newCase("MN-NO-COUNTY");
        for (Distribution node : List.of(a, b)) {
            awaitStatus(node, "/cases", noCounty, 422, "the agency bundle in effect on port " + node.httpPort);
        }
        Files.delete(deployed);
        // removed everywhere: a case without the county code is accepted again on both nodes
        awaitStatus(b, "/cases", noCounty, 201, "agency bundle removed from node B");
        awaitStatus(a, "/cases", CaseBodies.newCase("MN-NO-COUNTY-A"), 201, "agency bundle removed from node A");
        System.out.println("multinode: a configuration change and a bundle in the shared folder reached both nodes");
    }

    private static void dropCustodyReport(String reportId) throws IOException {
        Path inbox = Files.createDirectories(SHARED.resolve("custody/inbox"));
        Path tmp = SHARED.resolve(reportId + ".json.tmp");
        Files.writeString(tmp, "{\"reportId\": \"" + reportId + "\", \"offenderId\": \"MN-OFFENDER\", \"status\": \"BOOKED\","
                + " \"occurredAt\": \"2026-11-21T02:10:00-06:00\"}");
        Files.move(tmp, inbox.resolve(reportId + ".json"), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static String log(Distribution node) throws IOException {
        Path log = node.home.resolve("data/log/karaf.log");
        return Files.exists(log) ? Files.readString(log, StandardCharsets.ISO_8859_1) : "";
    }

    private static void awaitLog(Distribution node, String text) throws Exception {
        Awaitility.await("\"" + text + "\" in the log of the node on port " + node.httpPort)
                .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> log(node).contains(text));
    }

    private static void awaitStatus(Distribution node, String path, byte[] postBody, int expected, String what)
            throws Exception {
        Awaitility.await(what + ": " + expected).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> send(node, postBody == null ? "GET" : "POST", path, postBody).status() == expected);
    }

    private static void replaceAtomically(Path file, String content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, content);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static String createDatabase() throws Exception {
        String serverUrl = System.getProperty("tandem.it.pg.url");
        String user = System.getProperty("tandem.it.pg.user");
        String database = "tandem_mn_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(serverUrl, user, System.getProperty("tandem.it.pg.password"));
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database + " OWNER " + user);
        }
        return serverUrl.substring(0, serverUrl.lastIndexOf('/') + 1) + database;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
