package org.tandem.adapter.rms.internal.route;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.Objects;

import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.IdempotentRepository;
import org.tandem.adapter.rms.internal.niem.IncidentReport;
import org.tandem.adapter.rms.internal.niem.NiemIncidentReader;
import org.tandem.adapter.rms.internal.niem.RejectedDocumentException;
import org.tandem.api.Caller;
import org.tandem.api.Role;
import org.tandem.api.ValidationException;

/**
 * The RMS adapter's routes:
 * <ul>
 * <li>{@value #FOLDER}: {@code *.xml} reports from the inbox; size-checked before reading; stored, then archived
 * (or deleted); a report that is rejected, or that still cannot be stored after the redeliveries, goes through the
 * dead-letter channel {@value #DEAD_LETTER}: a copy in the error folder with a {@code .reason} file and a row in
 * the dead-letter store. The inbox file is deleted only once one of those is done.</li>
 * <li>{@value #HTTP}: reports posted to {@code POST /rms/incidents} (the REST host authenticates them), Camel
 * headers stripped; errors go back to the caller (4xx) and rejects are recorded.</li>
 * <li>{@value #INGEST}: shared by both: parse (XXE-safe, XSD-validated), allowed ORI, idempotent on
 * (ORI, incident number, document id) with the store-backed ledger, then {@code tandem:intake} (open, or
 * supplement the incident's case).</li>
 * </ul>
 */
public class RmsRoutes extends RouteBuilder {

    public static final String FOLDER = "rms-folder-intake";
    public static final String HTTP = "rms-http-intake";
    public static final String INGEST = "rms-ingest";
    public static final String DEAD_LETTER = "rms-dead-letter";
    public static final String HTTP_ENDPOINT = "direct:rms-http";
    /** Processor name of the idempotency ledger. */
    public static final String LEDGER = "rms-intake";

    /** Header: "ORI|incident number|document id" of the report. */
    public static final String KEY_HEADER = "TandemRmsKey";
    public static final String CALLER_PROPERTY = "TandemCaller";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmssSSS").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    private final RmsSettings settings;
    private final NiemIncidentReader reader;
    private final IdempotentRepository idempotency;
    private final DeadLetters deadLetters;
    private final Clock clock;

    public RmsRoutes(RmsSettings settings, IdempotentRepository idempotency, DeadLetters deadLetters, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.reader = new NiemIncidentReader(settings.localZone());
        this.idempotency = Objects.requireNonNull(idempotency, "idempotency");
        this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void configure() {
        from("direct:" + INGEST).routeId(INGEST)
                // the caller's route owns redelivery and dead-lettering
                .errorHandler(noErrorHandler())
                .process(this::parse)
                // completionEager: on failure the key is released at once, so a redelivery is not taken for a duplicate
                .idempotentConsumer(header(KEY_HEADER)).idempotentRepository(idempotency)
                    .skipDuplicate(true).completionEager(true)
                    .to("tandem:intake")
                    .log(LoggingLevel.INFO, "RMS report ${header." + KEY_HEADER + "}: case ${header.TandemCaseId}"
                            + " (created=${header.TandemCaseCreated}, persons added=${header.TandemPersonsAdded})")
                .end()
                .filter(exchangeProperty(Exchange.DUPLICATE_MESSAGE).isEqualTo(true))
                    .log(LoggingLevel.INFO, "RMS report ${header." + KEY_HEADER + "} was already processed: skipped")
                .end();

        from("direct:" + DEAD_LETTER).routeId(DEAD_LETTER)
                .process(this::toErrorFolder);

        if (settings.folderRunnable()) {
            Caller folderCaller = new Caller("rms-folder", settings.agencyId(), EnumSet.of(Role.INTEGRATOR));
            from(folderUri()).routeId(FOLDER)
                    // if the error folder cannot be written, the failure stands and the report stays in the inbox
                    .errorHandler(deadLetterChannel("direct:" + DEAD_LETTER).deadLetterHandleNewException(false)
                            .useOriginalMessage()
                            .maximumRedeliveries(settings.maximumRedeliveries())
                            .redeliveryDelay(settings.redeliveryDelayMs()).useExponentialBackOff().backOffMultiplier(2)
                            .retryAttemptedLogLevel(LoggingLevel.WARN))
                    .onException(RejectedDocumentException.class, ValidationException.class)
                        // a bad report is not a fault of ours: logged once, as a warning, by the dead-letter route
                        .maximumRedeliveries(0).logExhausted(false)
                    .end()
                    .setProperty(CALLER_PROPERTY, constant(folderCaller))
                    .process(this::checkFileSize)
                    .convertBodyTo(byte[].class)
                    .to("direct:" + INGEST)
                    .process(this::archive);
        } else {
            log.warn("RMS folder route not started: set agencyId in etc/org.tandem.adapter.rms.cfg (and folderEnabled=true)");
        }

        from(HTTP_ENDPOINT).routeId(HTTP)
                .errorHandler(defaultErrorHandler().maximumRedeliveries(settings.maximumRedeliveries())
                        .redeliveryDelay(settings.redeliveryDelayMs()).useExponentialBackOff().backOffMultiplier(2)
                        .retryAttemptedLogLevel(LoggingLevel.WARN))
                .onException(RejectedDocumentException.class, ValidationException.class)
                    // the client gets the problem as a 4xx; no error log for a client mistake
                    .maximumRedeliveries(0).logExhausted(false)
                    .process(this::recordHttpReject)
                .end()
                // nothing a client sends may steer Camel
                .removeHeaders("Camel*")
                .to("direct:" + INGEST);
    }

    /**
     * readLock=changed with readLockMinAge: a file at least a second old is taken at once (no per-file wait, which
     * would cap the folder at a few reports per second); a younger one only once its size and time stop changing.
     * RMS exports should still write under another name (a dot-name or elsewhere) and rename into the inbox.
     * No {@code .camelLock} marker files: a report whose name is within 10 characters of the file system's limit
     * could not get one and stayed in the inbox for ever (a second consumer on a shared folder is caught by the
     * ledger). Names with line breaks match the include pattern too ({@code (?s)}), so they reach the error folder.
     */
    String folderUri() {
        return "file:" + settings.inbox() + "?include=(?is).*\\.xml&delete=true"
                + "&readLock=changed&readLockMarkerFile=false&readLockCheckInterval=250&readLockMinLength=0"
                + "&readLockMinAge=1000&readLockTimeout=20000"
                + "&sortBy=file:modified;file:name&initialDelay=" + Math.min(settings.pollDelayMs(), 1000)
                + "&delay=" + settings.pollDelayMs() + "&autoCreate=true";
    }

    private void checkFileSize(Exchange exchange) {
        Long length = exchange.getIn().getHeader(Exchange.FILE_LENGTH, Long.class);
        if (length != null && length > settings.maxDocumentBytes()) {
            throw new RejectedDocumentException(RejectedDocumentException.Kind.TOO_LARGE,
                    "the report is " + length + " bytes, more than the limit of " + settings.maxDocumentBytes());
        }
    }

    /** Body: the document (bytes); out: body the NewCase, the key header set. */
    private void parse(Exchange exchange) {
        byte[] document = exchange.getIn().getBody(byte[].class);
        if (document == null || document.length == 0) {
            throw new RejectedDocumentException(RejectedDocumentException.Kind.NOT_WELL_FORMED, "the report is empty");
        }
        if (document.length > settings.maxDocumentBytes()) {
            throw new RejectedDocumentException(RejectedDocumentException.Kind.TOO_LARGE,
                    "the report is larger than " + settings.maxDocumentBytes() + " bytes");
        }
        IncidentReport report = reader.read(document);
        if (!settings.oriAllowed(report.ori())) {
            throw new ValidationException("incident.ori",
                    "reports of ORI " + report.ori() + " are not accepted here (allowedOris)");
        }
        exchange.getIn().setHeader(KEY_HEADER, report.key());
        exchange.getIn().setBody(report.newCase());
    }

    private void archive(Exchange exchange) throws IOException {
        Path archive = settings.archive();
        String source = exchange.getIn().getHeader(Exchange.FILE_PATH, String.class);
        if (archive == null || source == null) {
            return;
        }
        Path dir = Files.createDirectories(archive.resolve(DAY.format(clock.instant())));
        Path name = Path.of(source).getFileName();
        Files.copy(Path.of(source), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * The dead-letter channel of the folder route: the original report next to a {@code .reason} file in the error
     * folder, and a dead-letter row. Failing here fails the exchange, which leaves the report in the inbox.
     */
    private void toErrorFolder(Exchange exchange) throws IOException {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String source = exchange.getIn().getHeader(Exchange.FILE_PATH, String.class);
        String name = source == null ? exchange.getExchangeId() + ".xml" : Path.of(source).getFileName().toString();
        Path errors = Files.createDirectories(settings.errors());
        String target = STAMP.format(clock.instant()) + "-" + ErrorFolderNames.safe(name);
        if (source != null && Files.exists(Path.of(source))) {
            Files.copy(Path.of(source), errors.resolve(target), StandardCopyOption.REPLACE_EXISTING);
        }
        String reason = "file: " + ErrorFolderNames.printable(name)
                + "\nroute: " + exchange.getFromRouteId() + "\nrejected at: " + clock.instant()
                + "\nreason: " + (cause == null ? "unknown" : Reasons.detail(cause));
        Path tmp = errors.resolve("." + target + ".reason.tmp");
        Files.writeString(tmp, reason, StandardCharsets.UTF_8);
        Files.move(tmp, errors.resolve(target + ".reason"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
        String summary = cause == null ? "unknown" : Reasons.summary(cause);
        deadLetters.record(FOLDER, target, summary);
        log.warn("RMS report {} moved to {}: {}", ErrorFolderNames.printable(name), errors.resolve(target),
                summary);
    }

    private void recordHttpReject(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String key = exchange.getIn().getHeader(KEY_HEADER, "unparsed report " + exchange.getExchangeId(), String.class);
        deadLetters.record(HTTP, key, cause == null ? "unknown" : Reasons.summary(cause));
    }
}
