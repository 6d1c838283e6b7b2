package org.tandem.camel.component.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;
import org.tandem.api.Caller;
import org.tandem.api.ValidationException;
import org.tandem.api.cases.IntakeResult;
import org.tandem.api.cases.IntakeService;
import org.tandem.api.cases.NewCase;

/**
 * Reads the body (a {@link NewCase}, or a document in the endpoint's format, at most
 * {@link TandemPlatform#maxDocumentBytes()}), opens or supplements the case, and replies with the case id
 * (body and {@link TandemHeaders#CASE_ID}). Bad documents fail the exchange with the platform's
 * {@link ValidationException} listing every bad field; nothing is stored.
 */
final class IntakeProducer extends DefaultProducer {

    IntakeProducer(IntakeEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public IntakeEndpoint getEndpoint() {
        return (IntakeEndpoint) super.getEndpoint();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        TandemPlatform platform = getEndpoint().getComponent().platform();
        Caller caller = caller(exchange);
        NewCase newCase = newCase(exchange, platform);
        IntakeService intake = platform.intake();
        IntakeResult result = getEndpoint().isSupplement() ? intake.openOrSupplement(caller, newCase)
                : new IntakeResult(intake.open(caller, newCase), true, List.of());
        Message out = exchange.getMessage();
        out.setBody(result.victimCase().id());
        out.setHeader(TandemHeaders.CASE_ID, result.victimCase().id());
        out.setHeader(TandemHeaders.CASE_CREATED, result.created());
        out.setHeader(TandemHeaders.PERSONS_ADDED, result.addedPersons().size());
    }

    private Caller caller(Exchange exchange) {
        Object fromExchange = exchange.getProperty(TandemHeaders.CALLER_PROPERTY);
        if (fromExchange instanceof Caller c) {
            return c;
        }
        Caller caller = getEndpoint().endpointCaller();
        if (caller == null) {
            throw new IllegalStateException("tandem:intake does not know which agency the case belongs to: set agencyId"
                    + " in etc/org.tandem.camel.component.cfg or use tandem:intake?agency=<agency id>");
        }
        return caller;
    }

    private NewCase newCase(Exchange exchange, TandemPlatform platform) throws IOException {
        Object body = exchange.getIn().getBody();
        if (body instanceof NewCase nc) {
            return nc;
        }
        if (body == null) {
            throw new ValidationException("body", "a case document is required");
        }
        byte[] document = read(exchange, platform.maxDocumentBytes());
        return platform.codec(getEndpoint().getFormat()).read(document);
    }

    /** The body as bytes, refusing to buffer more than {@code max} bytes. */
    static byte[] read(Exchange exchange, long max) throws IOException {
        Object body = exchange.getIn().getBody();
        if (body instanceof byte[] bytes) {
            return checked(bytes, max);
        }
        InputStream in;
        try {
            in = exchange.getIn().getMandatoryBody(InputStream.class);
        } catch (InvalidPayloadException e) {
            throw new ValidationException("body", "cannot read a " + body.getClass().getSimpleName() + " as a document");
        }
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            long total = 0;
            for (int n; (n = in.read(buffer)) != -1;) {
                total += n;
                if (total > max) {
                    throw tooLarge(max);
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }

    private static byte[] checked(byte[] bytes, long max) {
        if (bytes.length > max) {
            throw tooLarge(max);
        }
        return bytes;
    }

    private static ValidationException tooLarge(long max) {
        return new ValidationException("body", "the document is larger than " + max + " bytes");
    }
}
