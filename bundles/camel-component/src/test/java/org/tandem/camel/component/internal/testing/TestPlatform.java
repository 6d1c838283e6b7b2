package org.tandem.camel.component.internal.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

import org.tandem.api.Caller;
import org.tandem.api.Ids;
import org.tandem.api.Page;
import org.tandem.api.Role;
import org.tandem.api.cases.CaseCodec;
import org.tandem.api.cases.Channel;
import org.tandem.api.cases.CaseStatus;
import org.tandem.api.cases.IntakeResult;
import org.tandem.api.cases.IntakeService;
import org.tandem.api.cases.NewCase;
import org.tandem.api.cases.VictimCase;
import org.tandem.api.notification.ManualMessage;
import org.tandem.api.notification.Notification;
import org.tandem.api.notification.NotificationService;
import org.tandem.api.notification.NotificationState;
import org.tandem.camel.component.internal.TandemPlatform;

/** An in-memory platform: a recording intake service, codecs by format, and an event bus. */
public final class TestPlatform implements TandemPlatform {

    public record Call(String method, Caller caller, NewCase newCase) {
    }

    public record Sent(Caller caller, String caseId, ManualMessage message) {
    }

    private record Subscription(Collection<String> topics, BiConsumer<String, Map<String, Object>> handler) {
    }

    public final List<Call> calls = new CopyOnWriteArrayList<>();
    public final List<Sent> sent = new CopyOnWriteArrayList<>();
    public final Map<String, CaseCodec> codecs = new HashMap<>();
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    public Caller defaultCaller = new Caller("camel", "PD-DEMO", EnumSet.of(Role.INTEGRATOR));
    public long maxDocumentBytes = 1024 * 1024;
    public boolean intakeAvailable = true;
    /** Result of openOrSupplement: a supplement of this case id when set. */
    public String existingCaseId;

    private final IntakeService intake = new IntakeService() {
        @Override
        public VictimCase open(Caller caller, NewCase newCase) {
            calls.add(new Call("open", caller, newCase));
            return stored(Ids.newId(), caller, newCase);
        }

        @Override
        public IntakeResult openOrSupplement(Caller caller, NewCase newCase) {
            calls.add(new Call("openOrSupplement", caller, newCase));
            if (existingCaseId != null) {
                return new IntakeResult(stored(existingCaseId, caller, newCase), false, newCase.persons());
            }
            return new IntakeResult(stored(Ids.newId(), caller, newCase), true, List.of());
        }

        @Override
        public Optional<VictimCase> get(Caller caller, String caseId) {
            return Optional.empty();
        }

        @Override
        public Page<VictimCase> list(Caller caller, CaseStatus status, String incidentNumber, int page, int size) {
            return new Page<>(List.of(), page, size, 0);
        }
    };

    private static VictimCase stored(String id, Caller caller, NewCase c) {
        Instant now = Instant.now();
        return new VictimCase(id, caller.agencyId(), CaseStatus.OPEN, c.incident(), c.persons(), c.needs(), c.narrative(),
                caller.user(), now, now);
    }

    @Override
    public IntakeService intake() {
        if (!intakeAvailable) {
            throw new IllegalStateException("Tandem IntakeService is not available");
        }
        return intake;
    }

    @Override
    public CaseCodec codec(String format) {
        CaseCodec codec = codecs.get(format);
        if (codec == null) {
            throw new IllegalArgumentException("no case codec for format '" + format + "'; available: " + codecs.keySet());
        }
        return codec;
    }

    @Override
    public AutoCloseable subscribe(Collection<String> topics, BiConsumer<String, Map<String, Object>> handler) {
        Subscription s = new Subscription(List.copyOf(topics), handler);
        subscriptions.add(s);
        return () -> subscriptions.remove(s);
    }

    public int subscriptionCount() {
        return subscriptions.size();
    }

    /** Delivers an event to every subscription whose topics match (exact, or a trailing /* wildcard). */
    public void publish(String topic, Map<String, Object> properties) {
        for (Subscription s : subscriptions) {
            for (String t : s.topics()) {
                if (t.equals(topic) || (t.endsWith("/*") && topic.startsWith(t.substring(0, t.length() - 1)))) {
                    s.handler().accept(topic, new HashMap<>(properties));
                    break;
                }
            }
        }
    }

    /** Records manual messages; one QUEUED record per named person (or one for "every victim"). */
    private final NotificationService notifications = new NotificationService() {
        @Override
        public List<Notification> sendManual(Caller caller, String caseId, ManualMessage message) {
            sent.add(new Sent(caller, caseId, message));
            return List.of();
        }

        @Override
        public Page<Notification> forCase(Caller caller, String caseId, int page, int size) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Notification> list(Set<NotificationState> states, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Notification retry(String notificationId, String requestedBy) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean deliveryReport(Channel channel, String providerMessageId, boolean delivered, String detail) {
            throw new UnsupportedOperationException();
        }
    };

    @Override
    public NotificationService notifications() {
        return notifications;
    }

    @Override
    public Caller defaultCaller() {
        return defaultCaller;
    }

    @Override
    public long maxDocumentBytes() {
        return maxDocumentBytes;
    }
}
