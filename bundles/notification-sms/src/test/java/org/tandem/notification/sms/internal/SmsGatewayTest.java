package org.tandem.notification.sms.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tandem.api.cases.Channel;
import org.tandem.api.notification.AttemptOutcome;
import org.tandem.api.notification.DeliveryResult;
import org.tandem.api.notification.OutgoingMessage;

import com.sun.net.httpserver.HttpServer;

/** The SMS gateway client against an in-process HTTP server. */
class SmsGatewayTest {

    private HttpServer server;
    private final AtomicInteger status = new AtomicInteger(200);
    private final AtomicReference<String> reply = new AtomicReference<>("{\"id\":\"gw-1\"}");
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final List<String> contentTypes = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile boolean hang;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/sms", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            contentTypes.add(exchange.getRequestHeaders().getFirst("Content-Type"));
            if (hang) {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] body = reply.get().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status.get(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    private URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/sms");
    }

    private static OutgoingMessage sms(String phone) {
        return new OutgoingMessage("notif-1", Channel.SMS, phone, "María", "es", "s", "long text",
                null, "Cita el lunes \"9:30\" & más", false, "c", "p");
    }

    @Test
    void successReturnsTheGatewaysMessageIdAndSendsTheShortTextAsJson() {
        DeliveryResult r = new SmsGateway(GatewaySettings.json(url(), Duration.ofSeconds(5))).send(sms("+12175550123"));

        assertThat(r.outcome()).isEqualTo(AttemptOutcome.SENT);
        assertThat(r.providerMessageId()).isEqualTo("gw-1");
        assertThat(bodies).singleElement().isEqualTo("{\"to\":\"+12175550123\",\"from\":\"+15550000000\","
                + "\"text\":\"Cita el lunes \\\"9:30\\\" & más\",\"reference\":\"notif-1\"}");
        assertThat(contentTypes.get(0)).isEqualTo("application/json; charset=UTF-8");
    }

    @Test
    void status400IsPermanent503AndTimeoutsAreTransient() {
        SmsGateway gateway = new SmsGateway(GatewaySettings.json(url(), Duration.ofMillis(2000)));

        status.set(400);
        reply.set("{\"error\":\"invalid number\"}");
        DeliveryResult bad = gateway.send(sms("+12175550123"));
        status.set(429);
        DeliveryResult limited = gateway.send(sms("+12175550123"));
        status.set(503);
        DeliveryResult down = gateway.send(sms("+12175550123"));
        hang = true;
        DeliveryResult timeout = gateway.send(sms("+12175550123"));

        assertThat(bad.outcome()).isEqualTo(AttemptOutcome.PERMANENT_FAILURE);
        assertThat(bad.detail()).isEqualTo("HTTP 400: {\"error\":\"invalid number\"}");
        assertThat(limited.outcome()).isEqualTo(AttemptOutcome.TRANSIENT_FAILURE);
        assertThat(down.outcome()).isEqualTo(AttemptOutcome.TRANSIENT_FAILURE);
        assertThat(timeout.outcome()).isEqualTo(AttemptOutcome.TRANSIENT_FAILURE);
        assertThat(timeout.detail()).isEqualTo("gateway timeout");
    }

    @Test
    void formEncodingAndCredentialsAreConfigurable() {
        GatewaySettings form = new GatewaySettings(url(), "TANDEM", "acct", "pw", "", "application/x-www-form-urlencoded",
                "To=${to}&From=${from}&Body=${text}&Ref=${reference}", "/sid", Duration.ofSeconds(5), "");
        reply.set("{\"sid\":\"SM123\"}");

        DeliveryResult r = new SmsGateway(form).send(sms("+12175550123"));

        assertThat(r.providerMessageId()).isEqualTo("SM123");
        assertThat(bodies.get(0)).isEqualTo("To=%2B12175550123&From=TANDEM&Body=Cita+el+lunes+%229%3A30%22+%26+m%C3%A1s&Ref=notif-1");
        assertThat(authorizations.get(0)).isEqualTo("Basic YWNjdDpwdw==");
    }

    /** The shipped .cfg uses {{...}}: Karaf would replace ${...} in a .cfg file with (empty) system properties. */
    @Test
    void doubleBracePlaceholdersWorkLikeDollarOnes() throws Exception {
        java.util.Properties shipped = new java.util.Properties();
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(java.nio.file.Path.of(
                "../../features/src/main/cfg/org.tandem.notification.sms.cfg"))) {
            shipped.load(in);
        }
        String template = shipped.getProperty("bodyTemplate");
        assertThat(template).doesNotContain("${").contains("{{to}}").contains("{{text}}");
        GatewaySettings json = new GatewaySettings(url(), "TANDEM", "", "", "", "application/json", template, "/id",
                Duration.ofSeconds(5), "");
        reply.set("{\"id\":\"gw-9\"}");

        new SmsGateway(json).send(sms("+12175550123"));

        assertThat(bodies.get(0)).contains("\"to\":\"+12175550123\"").contains("\"reference\":\"notif-1\"")
                .contains("Cita el lunes");
    }

    @Test
    void aMissingOrMalformedNumberIsPermanentWithoutCallingTheGateway() {
        SmsGateway gateway = new SmsGateway(GatewaySettings.json(url(), Duration.ofSeconds(5)));

        assertThat(gateway.send(sms(null)).outcome()).isEqualTo(AttemptOutcome.PERMANENT_FAILURE);
        assertThat(gateway.send(sms("555-0123")).outcome()).isEqualTo(AttemptOutcome.PERMANENT_FAILURE);
        assertThat(bodies).isEmpty();
    }
}
