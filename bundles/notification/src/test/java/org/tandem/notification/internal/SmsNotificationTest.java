package org.tandem.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tandem.api.cases.Channel;
import org.tandem.api.cases.Person;
import org.tandem.api.cases.PersonRole;
import org.tandem.api.cases.VictimCase;
import org.tandem.api.notification.AttemptOutcome;
import org.tandem.api.notification.Notification;
import org.tandem.api.notification.NotificationEvents;
import org.tandem.api.notification.NotificationState;
import org.tandem.notification.sms.internal.GatewaySettings;
import org.tandem.notification.sms.internal.SmsGateway;

import com.sun.net.httpserver.HttpServer;

/** The real SMS channel against an in-process HTTP server playing the gateway. */
class SmsNotificationTest extends EngineTestBase {

    private record Reply(int status, String body) {
    }

    private HttpServer gateway;
    private final ConcurrentLinkedQueue<Reply> replies = new ConcurrentLinkedQueue<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private Person maria;
    private VictimCase victimCase;

    @BeforeEach
    void startGateway() throws IOException {
        gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gateway.createContext("/sms", exchange -> {
            requests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            Reply r = replies.poll();
            if (r == null) {
                r = new Reply(500, "{\"error\":\"unscripted\"}");
            }
            byte[] body = r.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(r.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        gateway.start();
        SmsGateway sms = new SmsGateway(GatewaySettings.json(
                URI.create("http://127.0.0.1:" + gateway.getAddress().getPort() + "/sms"), Duration.ofSeconds(5)));
        register(Channel.SMS, sms::send);
        maria = person(PersonRole.PRIMARY_VICTIM, "María", "es",
                contact("maria@example.org", "+12175550123", List.of(Channel.SMS, Channel.EMAIL)));
        victimCase = openCase(maria);
        consent.grantNotify(victimCase.id(), maria.id());
    }

    @AfterEach
    void stopGateway() {
        gateway.stop(0);
    }

    @Test
    void acceptedByTheGatewayIsSentWithItsMessageIdAndTheReceiptMarksItDelivered() {
        replies.add(new Reply(200, "{\"id\":\"gw-1001\",\"status\":\"queued\"}"));
        Notification n = caseOpened(victimCase).get(0);

        dispatcher.dispatchDue();

        assertThat(requests).singleElement().satisfies(body -> assertThat(body)
                .contains("\"to\":\"+12175550123\"").contains("\"reference\":\"" + n.id() + "\"")
                .contains("se abrió el caso 2026-000123"));
        Notification sent = reload(n);
        assertThat(sent.state()).isEqualTo(NotificationState.SENT);
        assertThat(sent.providerMessageId()).isEqualTo("gw-1001");
        assertThat(received()).isEmpty();

        clock.advance(Duration.ofSeconds(20));
        assertThat(engine.deliveryReport(Channel.SMS, "gw-1001", true, "receipt status delivered")).isTrue();
        assertThat(engine.deliveryReport(Channel.SMS, "gw-unknown", true, "receipt status delivered")).isFalse();

        Notification delivered = reload(n);
        assertThat(delivered.state()).isEqualTo(NotificationState.DELIVERED);
        assertThat(delivered.deliveredAt()).isEqualTo(T0.plusSeconds(20));
        assertThat(delivered.history()).extracting(a -> a.outcome())
                .containsExactly(AttemptOutcome.SENT, AttemptOutcome.DELIVERED);
    }

    @Test
    void gateway400IsPermanentAndTheNextChannelIsUsed() throws Exception {
        replies.add(new Reply(400, "{\"error\":\"invalid destination\"}"));
        Notification n = caseOpened(victimCase).get(0);

        dispatcher.dispatchDue();
        dispatcher.dispatchDue();

        assertThat(requests).hasSize(1);
        Notification dead = reload(n);
        assertThat(dead.state()).isEqualTo(NotificationState.DEAD);
        assertThat(dead.attemptCount()).isEqualTo(1);
        assertThat(dead.history()).singleElement().satisfies(a -> {
            assertThat(a.outcome()).isEqualTo(AttemptOutcome.PERMANENT_FAILURE);
            assertThat(a.detail()).startsWith("HTTP 400");
        });
        assertThat(received()).singleElement().satisfies(m -> assertThat(m.getSubject()).contains("se ha abierto"));
    }

    @Test
    void gateway503IsRetriedAfterTheBackoffAndThenSucceeds() {
        replies.add(new Reply(503, "{\"error\":\"overloaded\"}"));
        replies.add(new Reply(201, "{\"id\":\"gw-2002\"}"));
        Notification n = caseOpened(victimCase).get(0);

        dispatcher.dispatchDue();
        Notification failed = reload(n);
        assertThat(failed.state()).isEqualTo(NotificationState.FAILED);
        assertThat(failed.nextAttemptAt()).isEqualTo(T0.plus(settings.backoffBase()));
        assertThat(dispatcher.dispatchDue()).isZero();
        assertThat(requests).hasSize(1);

        clock.advance(settings.backoffBase());
        dispatcher.dispatchDue();

        Notification sent = reload(n);
        assertThat(requests).hasSize(2);
        assertThat(sent.state()).isEqualTo(NotificationState.SENT);
        assertThat(sent.attemptCount()).isEqualTo(2);
        assertThat(sent.providerMessageId()).isEqualTo("gw-2002");
        assertThat(sent.history()).extracting(a -> a.outcome())
                .containsExactly(AttemptOutcome.TRANSIENT_FAILURE, AttemptOutcome.SENT);
        assertThat(received()).as("no fallback after a transient failure").isEmpty();
    }

    @Test
    void aFailedDeliveryReceiptFallsBackToTheNextChannel() {
        replies.add(new Reply(200, "{\"id\":\"gw-3003\"}"));
        Notification n = caseOpened(victimCase).get(0);
        dispatcher.dispatchDue();

        engine.deliveryReport(Channel.SMS, "gw-3003", false, "receipt status undelivered");
        dispatcher.dispatchDue();

        assertThat(reload(n).state()).isEqualTo(NotificationState.DEAD);
        assertThat(reload(n).history()).extracting(a -> a.outcome())
                .containsExactly(AttemptOutcome.SENT, AttemptOutcome.DELIVERY_FAILED);
        assertThat(received()).hasSize(1);
        assertThat(events.on(NotificationEvents.NOTIFICATION_DEAD)).isEmpty();
    }
}
