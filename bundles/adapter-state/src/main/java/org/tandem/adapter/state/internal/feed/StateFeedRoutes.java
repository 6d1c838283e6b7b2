package org.tandem.adapter.state.internal.feed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Objects;

import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.tandem.adapter.state.internal.feed.StateReport.Kind;
import org.tandem.api.FieldError;
import org.tandem.api.ValidationException;

/**
 * The state feeds. For each kind (custody, court):
 * <ul>
 * <li>{@code state-<kind>-folder}: {@code *.xml}/{@code *.json} reports from the kind's inbox; rejects and reports
 * that still fail after the redeliveries go through the dead-letter channel {@value #DEAD_LETTER} (error folder
 * copy + {@code .reason}, dead-letter store); the inbox file is deleted only after that or after success;</li>
 * <li>{@code state-<kind>-http}: reports from {@code POST /state/<kind>-reports}, Camel headers stripped, errors
 * back to the caller;</li>
 * <li>{@code state-<kind>-report}: read, then once per report id (store-backed ledger) resolve the registrations and
 * post one event per case.</li>
 * </ul>
 */
public class StateFeedRoutes extends RouteBuilder {

    public static final String DEAD_LETTER = "state-dead-letter";
    public static final String EVENTS_HEADER = "TandemEventsPosted";
    public static final String REPORT_ID_HEADER = "TandemReportId";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmssSSS").withZone(ZoneOffset.UTC);

    private final FeedSettings settings;
    private final StateReportReader reader;
    private final Map<Kind, org.apache.camel.spi.IdempotentRepository> ledgers;
    private final StateEvents events;
    private final DeadLetterSink deadLetters;
    private final Clock clock;
    private org.apache.camel.cluster.CamelClusterService leaderElection;

    /** Records why a message was given up. */
    @FunctionalInterface
    public interface DeadLetterSink {
        void record(String source, String reference, String reason);
    }

    public StateFeedRoutes(FeedSettings settings, Map<Kind, org.apache.camel.spi.IdempotentRepository> ledgers,
            StateEvents events, DeadLetterSink deadLetters, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.reader = new StateReportReader(settings.localZone());
        this.ledgers = Map.copyOf(ledgers);
        this.events = Objects.requireNonNull(events, "events");
        this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * With several nodes: the folder routes run only on the node that leads {@value #LEADER_NAMESPACE} in this
     * cluster service (the HTTP routes run everywhere).
     */
    public StateFeedRoutes withLeaderElection(org.apache.camel.cluster.CamelClusterService service) {
        this.leaderElection = service;
        return this;
    }

    public static final String LEADER_NAMESPACE = "tandem-state-feeds";

    public static String httpEndpoint(Kind kind) {
        return "direct:state-" + name(kind) + "-http";
    }

    public static String folderRoute(Kind kind) {
        return "state-" + name(kind) + "-folder";
    }

    static String name(Kind kind) {
        return kind == Kind.CUSTODY ? "custody" : "court";
    }

    @Override
    public void configure() {
        from("direct:" + DEAD_LETTER).routeId(DEAD_LETTER).process(this::toErrorFolder);
        for (Kind kind : Kind.values()) {
            String report = "state-" + name(kind) + "-report";
            from("direct:" + report).routeId(report)
                    .errorHandler(noErrorHandler())
                    .process(e -> read(kind, e))
                    .idempotentConsumer(header(REPORT_ID_HEADER)).idempotentRepository(ledgers.get(kind))
                        .skipDuplicate(true).completionEager(true)
                        .process(e -> e.getIn().setHeader(EVENTS_HEADER,
                                events.publish(e.getIn().getBody(StateReport.class))))
                        .log(LoggingLevel.INFO, name(kind) + " report ${header." + REPORT_ID_HEADER
                                + "}: ${header." + EVENTS_HEADER + "} event(s) posted")
                    .end()
                    .filter(exchangeProperty(Exchange.DUPLICATE_MESSAGE).isEqualTo(true))
                        .log(LoggingLevel.INFO, name(kind) + " report ${header." + REPORT_ID_HEADER
                                + "} was already processed: skipped")
                    .end();

            if (settings.foldersEnabled()) {
                Path inbox = kind == Kind.CUSTODY ? settings.custodyInbox() : settings.courtInbox();
                // no .camelLock marker files (a name near the length limit could not get one and was never
                // taken); (?s): names with line breaks are reports too and reach the error folder
                from("file:" + inbox + "?include=(?is).*\\.(xml|json)&delete=true&readLock=changed"
                        + "&readLockMarkerFile=false"
                        + "&readLockCheckInterval=250&readLockMinLength=0&readLockMinAge=1000&readLockTimeout=20000"
                        + "&sortBy=file:modified;file:name&autoCreate=true&initialDelay="
                        + Math.min(1000, settings.pollDelayMs()) + "&delay=" + settings.pollDelayMs())
                        .routeId(folderRoute(kind))
                        .routePolicy(leaderPolicy())
                        .errorHandler(deadLetterChannel("direct:" + DEAD_LETTER).deadLetterHandleNewException(false)
                                .useOriginalMessage().maximumRedeliveries(settings.maximumRedeliveries())
                                .redeliveryDelay(settings.redeliveryDelayMs()).useExponentialBackOff()
                                .backOffMultiplier(2).retryAttemptedLogLevel(LoggingLevel.WARN))
                        .onException(RejectedReportException.class, ValidationException.class)
                            .maximumRedeliveries(0).logExhausted(false)
                        .end()
                        .process(this::checkFileSize)
                        .convertBodyTo(byte[].class)
                        .to("direct:" + report);
            }

            from(httpEndpoint(kind)).routeId("state-" + name(kind) + "-http")
                    .errorHandler(defaultErrorHandler().maximumRedeliveries(settings.maximumRedeliveries())
                            .redeliveryDelay(settings.redeliveryDelayMs()).useExponentialBackOff().backOffMultiplier(2)
                            .retryAttemptedLogLevel(LoggingLevel.WARN))
                    .onException(RejectedReportException.class, ValidationException.class)
                        .maximumRedeliveries(0).logExhausted(false)
                        .process(e -> recordReject(e, "state-" + name(kind) + "-http"))
                    .end()
                    .removeHeaders("Camel*")
                    .to("direct:" + report);
        }
    }

    /** No policy (null) on a single node; the leader election's route policy on several. */
    private org.apache.camel.spi.RoutePolicy[] leaderPolicy() {
        if (leaderElection == null) {
            return new org.apache.camel.spi.RoutePolicy[0];
        }
        try {
            return new org.apache.camel.spi.RoutePolicy[] {
                    org.apache.camel.impl.cluster.ClusteredRoutePolicy.forNamespace(leaderElection, LEADER_NAMESPACE)};
        } catch (Exception e) {
            throw new IllegalStateException("cannot join the feed leader election: " + e.getMessage(), e);
        }
    }

    private void read(Kind kind, Exchange exchange) {
        byte[] bytes = exchange.getIn().getBody(byte[].class);
        if (bytes == null || bytes.length == 0) {
            throw new RejectedReportException(400, "the report is empty");
        }
        if (bytes.length > settings.maxReportBytes()) {
            throw new RejectedReportException(413, "the report is larger than " + settings.maxReportBytes() + " bytes");
        }
        StateReport report = reader.read(kind, bytes);
        exchange.getIn().setHeader(REPORT_ID_HEADER, report.reportId());
        exchange.getIn().setBody(report);
    }

    private void checkFileSize(Exchange exchange) {
        Long length = exchange.getIn().getHeader(Exchange.FILE_LENGTH, Long.class);
        if (length != null && length > settings.maxReportBytes()) {
            throw new RejectedReportException(413, "the report is " + length + " bytes, more than the limit of "
                    + settings.maxReportBytes());
        }
    }

    private void toErrorFolder(Exchange exchange) throws IOException {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String source = exchange.getIn().getHeader(Exchange.FILE_PATH, String.class);
        String name = source == null ? exchange.getExchangeId() : Path.of(source).getFileName().toString();
        Path errors = Files.createDirectories(settings.errors());
        String target = STAMP.format(clock.instant()) + "-" + ErrorFolderNames.safe(name);
        if (source != null && Files.exists(Path.of(source))) {
            Files.copy(Path.of(source), errors.resolve(target), StandardCopyOption.REPLACE_EXISTING);
        }
        String reason = "file: " + ErrorFolderNames.printable(name)
                + "\nroute: " + exchange.getFromRouteId() + "\nrejected at: " + clock.instant()
                + "\nreason: " + detail(cause);
        Path tmp = errors.resolve("." + target + ".reason.tmp");
        Files.writeString(tmp, reason, StandardCharsets.UTF_8);
        Files.move(tmp, errors.resolve(target + ".reason"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
        deadLetters.record(exchange.getFromRouteId() == null ? DEAD_LETTER : exchange.getFromRouteId(), target,
                summary(cause));
        log.warn("State report {} moved to {}: {}", ErrorFolderNames.printable(name), errors.resolve(target),
                summary(cause));
    }

    private void recordReject(Exchange exchange, String route) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        deadLetters.record(route, exchange.getIn().getHeader(REPORT_ID_HEADER, "unparsed " + exchange.getExchangeId(),
                String.class), summary(cause));
    }

    static String summary(Throwable e) {
        if (e == null) {
            return "unknown";
        }
        if (e instanceof ValidationException v) {
            return "invalid report: " + v.errors().size() + " problem(s), first: " + v.errors().get(0).field() + ": "
                    + v.errors().get(0).message();
        }
        if (e instanceof RejectedReportException) {
            return "rejected report: " + e.getMessage();
        }
        return "could not be processed (" + e.getClass().getSimpleName() + "): " + e.getMessage();
    }

    static String detail(Throwable e) {
        StringBuilder out = new StringBuilder(summary(e)).append('\n');
        if (e instanceof ValidationException v) {
            for (FieldError f : v.errors()) {
                out.append("  ").append(f.field()).append(": ").append(f.message()).append('\n');
            }
        } else if (!(e instanceof RejectedReportException)) {
            out.append("This is not a problem of the report: move it back into its inbox to retry.\n");
        }
        return out.toString();
    }
}
