package org.tandem.adapter.state.internal.claims;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.tandem.api.cases.ContactPreferences;
import org.tandem.api.cases.Person;
import org.tandem.api.cases.VictimCase;
import org.tandem.api.claims.Claim;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The claim as the state program receives it: the {@code vc:ClaimSubmission} element of
 * examples/state/compensation.wsdl (SOAP) or the same fields as JSON (REST); and the state's receipt (its claim
 * number) read back. Only what the claim needs leaves Tandem: the case's incident and the one claimant.
 */
final class ClaimPayloads {

    static final String NS = "urn:example:state:victim-compensation:1.0";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CLAIM_NUMBER = Pattern.compile("<(?:\\w+:)?ClaimNumber>\\s*([^<\\s]{1,100})\\s*</");

    private ClaimPayloads() {
    }

    static Document soap(Claim claim, VictimCase c, Person claimant, String consentId, Instant now) {
        Document doc = newDocument();
        Element root = doc.createElementNS(NS, "vc:ClaimSubmission");
        doc.appendChild(root);
        add(root, "ClaimID", claim.id());
        add(root, "SubmittedAt", now.toString());
        add(root, "SubmittingAgency", c.agencyId());
        Element kase = add(root, "Case", null);
        add(kase, "CaseID", c.id());
        add(kase, "IncidentNumber", c.incident().number());
        add(kase, "ORI", c.incident().ori());
        add(kase, "IncidentDate", c.incident().occurredAt().toString());
        c.incident().offenses().forEach(o -> add(kase, "Offense", o));
        Element person = add(root, "Claimant", null);
        add(person, "Role", claimant.role().name());
        if (claimant.relationship() != null) {
            add(person, "Relationship", claimant.relationship());
        }
        add(person, "GivenName", claimant.givenName());
        if (claimant.familyName() != null) {
            add(person, "FamilyName", claimant.familyName());
        }
        if (claimant.birthDate() != null) {
            add(person, "BirthDate", claimant.birthDate().toString());
        }
        if (claimant.language() != null) {
            add(person, "Language", claimant.language());
        }
        ContactPreferences contact = claimant.contact();
        if (contact != null && contact.safeToContact()) {
            if (contact.email() != null) {
                add(person, "Email", contact.email());
            }
            if (contact.phone() != null) {
                add(person, "Phone", contact.phone());
            }
        }
        add(root, "ConsentID", consentId);
        return doc;
    }

    static String json(Claim claim, VictimCase c, Person claimant, String consentId, Instant now) {
        ObjectNode out = JSON.createObjectNode();
        out.put("claimId", claim.id());
        out.put("submittedAt", now.toString());
        out.put("submittingAgency", c.agencyId());
        ObjectNode kase = out.putObject("case");
        kase.put("caseId", c.id());
        kase.put("incidentNumber", c.incident().number());
        kase.put("ori", c.incident().ori());
        kase.put("incidentDate", c.incident().occurredAt().toString());
        ArrayNode offenses = kase.putArray("offenses");
        c.incident().offenses().forEach(offenses::add);
        ObjectNode person = out.putObject("claimant");
        person.put("role", claimant.role().name());
        putIfSet(person, "relationship", claimant.relationship());
        person.put("givenName", claimant.givenName());
        putIfSet(person, "familyName", claimant.familyName());
        putIfSet(person, "birthDate", claimant.birthDate() == null ? null : claimant.birthDate().toString());
        putIfSet(person, "language", claimant.language());
        ContactPreferences contact = claimant.contact();
        if (contact != null && contact.safeToContact()) {
            putIfSet(person, "email", contact.email());
            putIfSet(person, "phone", contact.phone());
        }
        out.put("consentId", consentId);
        return out.toString();
    }

    /** The state's claim number from a SOAP receipt or a JSON answer; null when the answer has none. */
    static String receiptNumber(String answer) {
        if (answer == null || answer.isBlank()) {
            return null;
        }
        String a = answer.strip();
        if (a.startsWith("{")) {
            try {
                JsonNode node = JSON.readTree(a);
                JsonNode n = node.path("claimNumber");
                return n.isTextual() ? n.textValue() : null;
            } catch (IOException e) {
                return null;
            }
        }
        Matcher m = CLAIM_NUMBER.matcher(a);
        return m.find() ? m.group(1) : null;
    }

    /** Parses a trusted, Tandem-built payload back into a document (used by tests). */
    static Document parse(String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Document newDocument() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
            f.setNamespaceAware(true);
            return f.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Element add(Element parent, String name, String text) {
        Element e = parent.getOwnerDocument().createElementNS(NS, "vc:" + name);
        if (text != null) {
            e.setTextContent(text);
        }
        parent.appendChild(e);
        return e;
    }

    private static void putIfSet(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }
}
