package org.tandem.adapter.rms.internal.niem;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import org.tandem.api.FieldError;
import org.tandem.api.ValidationException;
import org.tandem.api.cases.Channel;
import org.tandem.api.cases.ContactPreferences;
import org.tandem.api.cases.Incident;
import org.tandem.api.cases.NewCase;
import org.tandem.api.cases.Person;
import org.tandem.api.cases.PersonRole;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads a Tandem RMS incident report (niem/tandem-incident-report.xsd) safely:
 * <ul>
 * <li>the caller caps the size (the document arrives as a byte array of at most the configured size);</li>
 * <li>the JDK's own parser ({@code newDefaultInstance}, whatever JAXP provider the container has) with secure
 * processing, no DOCTYPE at all (so no DTD, no entity declarations, no external entities, no entity expansion
 * bombs), no XInclude, no external DTD or schema access;</li>
 * <li>XSD validation while parsing, against the shipped schemas only (resolved from this bundle; hints in the
 * document are ignored);</li>
 * </ul>
 * then maps the report to a {@link NewCase} (business rules are checked later by intake). Thread-safe.
 */
public final class NiemIncidentReader {

    public static final String TIR = "urn:tandem:niem:incident-report:1.0";
    public static final String NC = "http://release.niem.gov/niem/niem-core/5.0/";
    public static final String J = "http://release.niem.gov/niem/domains/jxdm/7.0/";
    public static final String S = "http://release.niem.gov/niem/structures/5.0/";
    static final String SCHEMA_FOLDER = "niem/";
    static final String MAIN_SCHEMA = "tandem-incident-report.xsd";
    /** Schema errors reported at most (a broken document can have thousands). */
    static final int MAX_ERRORS = 20;

    private static final Schema SCHEMA = loadSchema();

    private final ZoneId localZone;

    /** @param localZone the zone of date-times without offset (RMS often send local wall-clock time) */
    public NiemIncidentReader(ZoneId localZone) {
        this.localZone = Objects.requireNonNull(localZone, "localZone");
    }

    /**
     * @throws RejectedDocumentException when the bytes are not a well-formed XML document or contain a DOCTYPE
     * @throws ValidationException listing schema violations (with line and column) or unusable values
     */
    public IncidentReport read(byte[] document) {
        Document dom = parse(document);
        return map(dom.getDocumentElement());
    }

    // ---------------------------------------------------------------- parsing

    private static Document parse(byte[] document) {
        List<FieldError> schemaErrors = new ArrayList<>();
        DocumentBuilder builder;
        try {
            builder = factory().newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser lacks a required security feature", e);
        }
        builder.setEntityResolver((publicId, systemId) -> {
            throw new SAXException("external entities are not allowed");
        });
        builder.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
                // warnings do not make a document invalid
            }

            @Override
            public void error(SAXParseException e) {
                if (schemaErrors.size() < MAX_ERRORS) {
                    schemaErrors.add(new FieldError("document", "line " + e.getLineNumber() + ", column "
                            + e.getColumnNumber() + ": " + e.getMessage()));
                }
            }

            @Override
            public void fatalError(SAXParseException e) throws SAXParseException {
                throw e;
            }
        });
        Document dom;
        try {
            dom = builder.parse(new ByteArrayInputStream(document));
        } catch (SAXParseException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            if (message.contains("DOCTYPE")) {
                throw new RejectedDocumentException(RejectedDocumentException.Kind.FORBIDDEN_CONSTRUCT,
                        "DOCTYPE, DTDs and entity declarations are not allowed (line " + e.getLineNumber() + ")");
            }
            throw new RejectedDocumentException(RejectedDocumentException.Kind.NOT_WELL_FORMED,
                    "not well-formed XML: line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": "
                            + message);
        } catch (SAXException e) {
            throw new RejectedDocumentException(RejectedDocumentException.Kind.FORBIDDEN_CONSTRUCT, e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!schemaErrors.isEmpty()) {
            throw new ValidationException(schemaErrors);
        }
        return dom;
    }

    private static DocumentBuilderFactory factory() throws ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        f.setSchema(SCHEMA);
        return f;
    }

    private static Schema loadSchema() {
        SchemaFactory sf = SchemaFactory.newDefaultInstance();
        try {
            sf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            sf.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            // imports are served by the resolver below from this bundle, never fetched
            sf.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            sf.setResourceResolver(new BundledSchemas());
            return sf.newSchema(new StreamSource(resource(MAIN_SCHEMA), SCHEMA_FOLDER + MAIN_SCHEMA));
        } catch (SAXException e) {
            throw new IllegalStateException("the shipped NIEM schemas do not load: " + e.getMessage(), e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = NiemIncidentReader.class.getClassLoader().getResourceAsStream(SCHEMA_FOLDER + name);
        if (in == null) {
            throw new IllegalStateException("schema " + SCHEMA_FOLDER + name + " missing from the bundle");
        }
        return in;
    }

    /** Serves the schemas' imports (schemaLocation = file name) from the bundle. */
    private static final class BundledSchemas implements LSResourceResolver {
        @Override
        public LSInput resolveResource(String type, String namespace, String publicId, String systemId, String baseUri) {
            if (systemId == null || systemId.contains("/") || systemId.contains("\\") || !systemId.endsWith(".xsd")) {
                return null;
            }
            return new SchemaInput(systemId, resource(systemId));
        }
    }

    // ---------------------------------------------------------------- mapping

    private IncidentReport map(Element root) {
        List<FieldError> errors = new ArrayList<>();
        String documentId = text(path(root, NC, "DocumentIdentification", NC, "IdentificationID"));
        Element org = child(root, TIR, "ReportingOrganization");
        String ori = text(path(child(org, J, "OrganizationAugmentation"), J, "OrganizationORIIdentification", NC,
                "IdentificationID"));
        Element incidentElement = child(root, NC, "Incident");
        String number = text(path(incidentElement, NC, "ActivityIdentification", NC, "IdentificationID"));
        Instant occurredAt = instant(child(incidentElement, NC, "ActivityDate"), "incident.occurredAt", errors);
        String narrative = text(child(incidentElement, NC, "ActivityDescriptionText"));
        String location = text(path(child(incidentElement, NC, "IncidentLocation"), NC, "Address", NC,
                "AddressFullText"));
        List<String> offenses = new ArrayList<>();
        for (Element offense : children(root, J, "Offense")) {
            offenses.add(text(child(offense, TIR, "OffenseUCRCode")));
        }

        Map<String, Element> persons = new HashMap<>();
        for (Element p : children(root, NC, "Person")) {
            persons.put(p.getAttributeNS(S, "id"), p);
        }
        Map<String, Element> contacts = new HashMap<>();
        for (Element c : children(root, NC, "ContactInformation")) {
            contacts.put(c.getAttributeNS(S, "id"), c);
        }
        Map<String, Element> contactOf = new HashMap<>();
        for (Element a : children(root, NC, "PersonContactInformationAssociation")) {
            String personRef = child(a, NC, "Person").getAttributeNS(S, "ref");
            String contactRef = child(a, NC, "ContactInformation").getAttributeNS(S, "ref");
            Element contact = contacts.get(contactRef);
            if (!persons.containsKey(personRef) || contact == null) {
                errors.add(new FieldError("document", "PersonContactInformationAssociation must link an nc:Person to"
                        + " an nc:ContactInformation (" + personRef + ", " + contactRef + ")"));
            } else if (contactOf.put(personRef, contact) != null) {
                errors.add(new FieldError("document", "person " + personRef + " has more than one contact association"));
            }
        }

        List<Person> people = new ArrayList<>();
        Element victim = child(root, J, "Victim");
        people.add(person(victim, PersonRole.PRIMARY_VICTIM, null, persons, contactOf, errors));
        for (Element secondary : children(root, TIR, "SecondaryVictim")) {
            people.add(person(secondary, PersonRole.SECONDARY_VICTIM,
                    text(child(secondary, TIR, "PersonRelationshipToVictimCode")), persons, contactOf, errors));
        }
        for (Element witness : children(root, J, "Witness")) {
            people.add(person(witness, PersonRole.WITNESS, null, persons, contactOf, errors));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Incident incident = new Incident(number, ori, occurredAt, offenses, location);
        return new IncidentReport(documentId, ori, number, new NewCase(incident, people, List.of(), narrative));
    }

    private Person person(Element role, PersonRole personRole, String relationship, Map<String, Element> persons,
            Map<String, Element> contactOf, List<FieldError> errors) {
        String ref = child(role, NC, "RoleOfPerson").getAttributeNS(S, "ref");
        Element p = persons.get(ref);
        if (p == null) {
            errors.add(new FieldError("document", role.getLocalName() + " must refer to an nc:Person, not " + ref));
            return null;
        }
        Element name = child(p, NC, "PersonName");
        String birth = text(path(p, NC, "PersonBirthDate", NC, "Date"));
        LocalDate birthDate = null;
        if (birth != null) {
            birthDate = LocalDate.parse(birth.length() > 10 ? birth.substring(0, 10) : birth);
        } else if (child(p, NC, "PersonBirthDate") != null) {
            errors.add(new FieldError("document", "person " + ref + ": PersonBirthDate must be an nc:Date"));
        }
        String language = Languages.toBcp47(text(path(p, NC, "PersonPrimaryLanguage", NC, "LanguageCode")));
        return new Person(null, personRole, relationship, text(child(name, NC, "PersonGivenName")),
                text(child(name, NC, "PersonSurName")), birthDate, language, contact(contactOf.get(ref)));
    }

    private static ContactPreferences contact(Element c) {
        if (c == null) {
            return ContactPreferences.none();
        }
        String email = text(child(c, NC, "ContactEmailID"));
        String phone = text(path(child(c, NC, "ContactTelephoneNumber"), NC, "FullTelephoneNumber", NC,
                "TelephoneNumberFullID"));
        List<Channel> channels = new ArrayList<>();
        boolean safe = true;
        boolean noVoicemail = false;
        Element augmentation = child(c, TIR, "ContactInformationAugmentation");
        if (augmentation != null) {
            for (Element channel : children(augmentation, TIR, "ContactChannelCode")) {
                channels.add(Channel.valueOf(text(channel)));
            }
            String safeText = text(child(augmentation, TIR, "ContactSafeIndicator"));
            safe = safeText == null || Boolean.parseBoolean(safeText) || "1".equals(safeText);
            String vm = text(child(augmentation, TIR, "ContactNoVoicemailIndicator"));
            noVoicemail = vm != null && (Boolean.parseBoolean(vm) || "1".equals(vm));
        }
        return new ContactPreferences(email, phone, channels, null, noVoicemail, safe, null);
    }

    /** nc:DateTime (with or without offset; without: in the configured zone) or nc:Date (start of that day). */
    private Instant instant(Element date, String field, List<FieldError> errors) {
        String dateTime = text(child(date, NC, "DateTime"));
        String day = text(child(date, NC, "Date"));
        try {
            if (dateTime != null) {
                try {
                    return OffsetDateTime.parse(dateTime).toInstant();
                } catch (DateTimeParseException noOffset) {
                    return LocalDateTime.parse(dateTime).atZone(localZone).toInstant();
                }
            }
            if (day != null) {
                return LocalDate.parse(day.length() > 10 ? day.substring(0, 10) : day).atStartOfDay(localZone).toInstant();
            }
        } catch (DateTimeException e) {
            errors.add(new FieldError(field, "unusable date " + (dateTime != null ? dateTime : day) + ": " + e.getMessage()));
        }
        return null;
    }

    // ---------------------------------------------------------------- DOM helpers

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

    private static List<Element> children(Element parent, String ns, String localName) {
        List<Element> out = new ArrayList<>();
        if (parent == null) {
            return out;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName()) && ns.equals(e.getNamespaceURI())) {
                out.add(e);
            }
        }
        return out;
    }

    private static Element path(Element parent, String ns1, String name1, String ns2, String name2) {
        return child(child(parent, ns1, name1), ns2, name2);
    }

    private static Element path(Element parent, String ns1, String name1, String ns2, String name2, String ns3,
            String name3) {
        return child(path(parent, ns1, name1, ns2, name2), ns3, name3);
    }

    /** Trimmed text content (the schema's token types collapse blanks anyway), null for a missing element. */
    private static String text(Element e) {
        if (e == null) {
            return null;
        }
        String s = e.getTextContent().strip();
        return s.isEmpty() ? null : s;
    }
}
