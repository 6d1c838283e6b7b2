package org.tandem.adapter.state.internal.feed;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import org.tandem.adapter.state.internal.feed.StateReport.Kind;
import org.tandem.api.FieldError;
import org.tandem.api.Ids;
import org.tandem.api.ValidationException;
import org.tandem.api.registration.CourtEventType;
import org.tandem.api.registration.CustodyStatus;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Reads custody and court reports, as NIEM-style XML (niem/tandem-state-report.xsd) or JSON
 * ({@code {"reportId","offenderId","caseId","status","occurredAt"}}), told apart by their first character.
 * XML is parsed like the RMS adapter does: the JDK parser, no DOCTYPE, no external access, XSD-validated.
 * JSON is strict: unknown fields, duplicate keys and trailing content are errors. Thread-safe.
 */
public final class StateReportReader {

    static final String TSR = "urn:tandem:niem:state-report:1.0";
    static final String NC = "http://release.niem.gov/niem/niem-core/5.0/";
    static final String J = "http://release.niem.gov/niem/domains/jxdm/7.0/";
    private static final String SCHEMA_FOLDER = "niem/";
    private static final Pattern ID = Pattern.compile("[\\x21-\\x7E](?:[\\x20-\\x7E]{0,62}[\\x21-\\x7E])?");
    private static final Set<String> JSON_FIELDS = Set.of("reportId", "offenderId", "caseId", "status", "occurredAt");
    private static final Schema SCHEMA = loadSchema();

    private final ZoneId localZone;
    private final ObjectMapper json = JsonMapper.builder(JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(8).maxNumberLength(32).build())
            .build()).build();

    public StateReportReader(ZoneId localZone) {
        this.localZone = Objects.requireNonNull(localZone, "localZone");
    }

    /**
     * @throws RejectedReportException for content that is neither well-formed XML nor JSON, or has a DOCTYPE
     * @throws ValidationException for schema violations and unusable values, every one listed
     */
    public StateReport read(Kind kind, byte[] report) {
        int first = firstNonBlank(report);
        if (first == '<') {
            return fromXml(kind, parseXml(report));
        }
        if (first == '{') {
            return fromJson(kind, parseJson(report));
        }
        throw new RejectedReportException(400, "a report is an XML document or a JSON object");
    }

    private static int firstNonBlank(byte[] b) {
        int i = 0;
        // a UTF-8 byte order mark
        if (b.length >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf) {
            i = 3;
        }
        for (; i < b.length; i++) {
            if (!Character.isWhitespace(b[i])) {
                return b[i];
            }
        }
        return -1;
    }

    // ---------------------------------------------------------------- XML

    private static Document parseXml(byte[] report) {
        List<FieldError> errors = new ArrayList<>();
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            f.setSchema(SCHEMA);
            DocumentBuilder builder = f.newDocumentBuilder();
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entities are not allowed");
            });
            builder.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                    // not an error
                }

                @Override
                public void error(SAXParseException e) {
                    if (errors.size() < 20) {
                        errors.add(new FieldError("document", "line " + e.getLineNumber() + ", column "
                                + e.getColumnNumber() + ": " + e.getMessage()));
                    }
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXParseException {
                    throw e;
                }
            });
            Document dom = builder.parse(new ByteArrayInputStream(report));
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
            return dom;
        } catch (SAXParseException e) {
            String m = e.getMessage() == null ? "" : e.getMessage();
            throw new RejectedReportException(400, m.contains("DOCTYPE")
                    ? "DOCTYPE, DTDs and entity declarations are not allowed"
                    : "not well-formed XML: line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": " + m);
        } catch (SAXException e) {
            throw new RejectedReportException(400, e.getMessage());
        } catch (ParserConfigurationException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private StateReport fromXml(Kind kind, Document dom) {
        Element root = dom.getDocumentElement();
        String expected = kind == Kind.CUSTODY ? "CustodyStatusChangeReport" : "CourtEventReport";
        if (!TSR.equals(root.getNamespaceURI()) || !expected.equals(root.getLocalName())) {
            throw new ValidationException("document", "expected a tsr:" + expected + ", got " + root.getNodeName());
        }
        String reportId = text(child(child(root, NC, "DocumentIdentification"), NC, "IdentificationID"));
        String offender = text(child(child(child(child(root, NC, "Person"), J, "PersonAugmentation"), J,
                "PersonStateFingerprintIdentification"), NC, "IdentificationID"));
        String caseId = text(child(child(root, NC, "Case"), NC, "CaseTrackingID"));
        String status = text(child(root, TSR, kind == Kind.CUSTODY ? "CustodyStatusCode" : "CourtEventCode"));
        Element date = child(root, TSR, kind == Kind.CUSTODY ? "StatusChangeDate" : "CourtEventDate");
        String dateTime = text(child(date, NC, "DateTime"));
        String day = text(child(date, NC, "Date"));
        return checked(kind, reportId, offender, caseId, status, dateTime != null ? dateTime : day);
    }

    // ---------------------------------------------------------------- JSON

    private JsonNode parseJson(byte[] report) {
        try (JsonParser parser = json.createParser(report)) {
            JsonNode node = json.readTree(parser);
            if (parser.nextToken() != null) {
                throw new RejectedReportException(400, "unexpected content after the JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new RejectedReportException(400, "malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new RejectedReportException(400, "unreadable JSON: " + e.getMessage());
        }
    }

    private StateReport fromJson(Kind kind, JsonNode node) {
        List<FieldError> errors = new ArrayList<>();
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!JSON_FIELDS.contains(name)) {
                errors.add(new FieldError(name, "unknown field"));
            }
        }
        String[] values = new String[JSON_FIELDS.size()];
        String[] fields = {"reportId", "offenderId", "caseId", "status", "occurredAt"};
        for (int i = 0; i < fields.length; i++) {
            JsonNode v = node.get(fields[i]);
            if (v != null && !v.isNull() && !v.isTextual()) {
                errors.add(new FieldError(fields[i], "must be a string"));
            } else if (v != null && !v.isNull()) {
                values[i] = v.textValue().strip();
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return checked(kind, values[0], values[1], values[2], values[3], values[4]);
    }

    // ---------------------------------------------------------------- values

    private StateReport checked(Kind kind, String reportId, String offenderId, String caseId, String status,
            String occurredAt) {
        List<FieldError> errors = new ArrayList<>();
        if (reportId == null || !ID.matcher(reportId).matches()) {
            errors.add(new FieldError("reportId", "required: 1-64 printable ASCII characters"));
        }
        if (offenderId != null && !ID.matcher(offenderId).matches()) {
            errors.add(new FieldError("offenderId", "must be 1-64 printable ASCII characters"));
        }
        if (caseId != null && !Ids.looksLikeId(caseId)) {
            errors.add(new FieldError("caseId", "must be a Tandem case id"));
        }
        if (offenderId == null && caseId == null) {
            errors.add(new FieldError("offenderId", "an offender id or a case id is required"));
        }
        if (kind == Kind.CUSTODY && offenderId == null) {
            errors.add(new FieldError("offenderId", "required for a custody report"));
        }
        List<String> allowed = kind == Kind.CUSTODY
                ? Arrays.stream(CustodyStatus.values()).map(Enum::name).toList()
                : Arrays.stream(CourtEventType.values()).map(Enum::name).toList();
        if (status == null || !allowed.contains(status)) {
            errors.add(new FieldError("status", "must be one of " + allowed));
        }
        Instant at = null;
        if (occurredAt == null) {
            errors.add(new FieldError("occurredAt", "required"));
        } else {
            at = instant(occurredAt);
            if (at == null) {
                errors.add(new FieldError("occurredAt", "must be a date-time such as 2026-11-25T14:00:00Z or a date"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new StateReport(kind, reportId, offenderId, caseId, status, at);
    }

    private Instant instant(String s) {
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e1) {
            try {
                return LocalDateTime.parse(s).atZone(localZone).toInstant();
            } catch (DateTimeParseException e2) {
                try {
                    return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s).atStartOfDay(localZone).toInstant();
                } catch (DateTimeException e3) {
                    return null;
                }
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    private static Element child(Element parent, String ns, String localName) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName()) && ns.equals(e.getNamespaceURI())) {
                return e;
            }
        }
        return null;
    }

    private static String text(Element e) {
        if (e == null) {
            return null;
        }
        String s = e.getTextContent().strip();
        return s.isEmpty() ? null : s;
    }

    private static Schema loadSchema() {
        SchemaFactory sf = SchemaFactory.newDefaultInstance();
        try {
            sf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            sf.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            sf.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            sf.setResourceResolver(new Bundled());
            return sf.newSchema(new StreamSource(resource("tandem-state-report.xsd"),
                    SCHEMA_FOLDER + "tandem-state-report.xsd"));
        } catch (SAXException e) {
            throw new IllegalStateException("the shipped state report schemas do not load: " + e.getMessage(), e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = StateReportReader.class.getClassLoader().getResourceAsStream(SCHEMA_FOLDER + name);
        if (in == null) {
            throw new IllegalStateException("schema " + name + " missing from the bundle");
        }
        return in;
    }

    private static final class Bundled implements LSResourceResolver {
        @Override
        public LSInput resolveResource(String type, String namespace, String publicId, String systemId, String baseUri) {
            if (systemId == null || systemId.contains("/") || !systemId.endsWith(".xsd")) {
                return null;
            }
            InputStream in = resource(systemId);
            return (LSInput) java.lang.reflect.Proxy.newProxyInstance(Bundled.class.getClassLoader(),
                    new Class<?>[] {LSInput.class}, (proxy, method, args) -> switch (method.getName()) {
                        case "getByteStream" -> in;
                        case "getSystemId" -> SCHEMA_FOLDER + systemId;
                        case "getCertifiedText" -> false;
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        default -> null;
                    });
        }
    }
}
