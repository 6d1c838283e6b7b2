package org.tandem.referral.internal.rest;

import java.util.List;
import java.util.Set;

import org.tandem.api.Page;
import org.tandem.api.cases.ContactPreferences;
import org.tandem.api.cases.ServiceCategory;
import org.tandem.api.referral.NewReferral;
import org.tandem.api.referral.ReferralStatus;
import org.tandem.api.referral.ReferralTransition;
import org.tandem.api.referral.ReferralView;
import org.tandem.api.referral.SharedPerson;
import org.tandem.api.referral.Urgency;
import org.tandem.referral.internal.json.JsonReader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The referral JSON contract. A view is written exactly as the service cut it: fields that are null for the
 * caller's side (case, person ids and the note for providers; person data beyond the consent) are absent.
 */
final class ReferralJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> FIELDS = Set.of("caseId", "personId", "providerId", "services", "note", "urgency",
            "send");
    private static final Set<String> STATUS_FIELDS = Set.of("status", "reason");

    private ReferralJson() {
    }

    static NewReferral read(JsonNode body) {
        JsonReader in = new JsonReader();
        ObjectNode root = in.root(body, FIELDS);
        String caseId = in.text(JsonReader.field(root, "caseId"), "caseId");
        String personId = in.text(JsonReader.field(root, "personId"), "personId");
        String providerId = in.text(JsonReader.field(root, "providerId"), "providerId");
        List<ServiceCategory> services = in.enumList(JsonReader.field(root, "services"), "services",
                ServiceCategory.class);
        String note = in.text(JsonReader.field(root, "note"), "note");
        Urgency urgency = in.enumValue(JsonReader.field(root, "urgency"), "urgency", Urgency.class);
        Boolean send = in.bool(JsonReader.field(root, "send"), "send");
        in.throwIfAny();
        return new NewReferral(caseId, personId, providerId, services, note, urgency, send != null && send);
    }

    record StatusChange(ReferralStatus status, String reason) {
    }

    static StatusChange readStatus(JsonNode body) {
        JsonReader in = new JsonReader();
        ObjectNode root = in.root(body, STATUS_FIELDS);
        if (JsonReader.field(root, "status") == null) {
            in.reject("status", "required");
        }
        ReferralStatus status = in.enumValue(JsonReader.field(root, "status"), "status", ReferralStatus.class);
        String reason = in.text(JsonReader.field(root, "reason"), "reason");
        in.throwIfAny();
        return new StatusChange(status, reason);
    }

    static ObjectNode write(ReferralView v) {
        ObjectNode out = NODES.objectNode();
        out.put("id", v.id());
        out.put("side", v.side().name());
        put(out, "caseId", v.caseId());
        put(out, "personId", v.personId());
        out.put("referringAgencyId", v.referringAgencyId());
        ObjectNode provider = out.putObject("provider").put("id", v.providerId());
        put(provider, "name", v.providerName());
        ArrayNode services = out.putArray("services");
        v.services().forEach(s -> services.add(s.name()));
        out.put("urgency", v.urgency().name());
        put(out, "note", v.note());
        out.put("status", v.status().name());
        out.put("overdue", v.overdue());
        out.put("createdBy", v.createdBy());
        out.put("createdAt", v.createdAt().toString());
        out.put("updatedAt", v.updatedAt().toString());
        put(out, "sentAt", v.sentAt() == null ? null : v.sentAt().toString());
        out.put("consentRevoked", v.consentRevoked());
        if (v.person() != null || !v.sharedItems().isEmpty()) {
            ObjectNode consent = out.putObject("consent");
            put(consent, "expiresAt", v.consentExpiresAt() == null ? null : v.consentExpiresAt().toString());
            ArrayNode items = consent.putArray("items");
            v.sharedItems().stream().sorted().forEach(i -> items.add(i.name()));
        }
        if (v.person() != null) {
            out.set("person", person(v.person()));
        }
        ArrayNode history = out.putArray("history");
        for (ReferralTransition t : v.history()) {
            ObjectNode step = history.addObject();
            put(step, "from", t.from() == null ? null : t.from().name());
            step.put("to", t.to().name());
            step.put("at", t.at().toString());
            step.put("by", t.by());
            put(step, "agencyId", t.agencyId());
            put(step, "reason", t.reason());
        }
        return out;
    }

    private static ObjectNode person(SharedPerson p) {
        ObjectNode out = NODES.objectNode();
        put(out, "role", p.role() == null ? null : p.role().name());
        put(out, "relationship", p.relationship());
        put(out, "givenName", p.givenName());
        put(out, "familyName", p.familyName());
        put(out, "birthDate", p.birthDate() == null ? null : p.birthDate().toString());
        put(out, "language", p.language());
        ContactPreferences c = p.contact();
        if (c != null) {
            ObjectNode contact = out.putObject("contact");
            put(contact, "email", c.email());
            put(contact, "phone", c.phone());
            ArrayNode channels = contact.putArray("channels");
            c.channels().forEach(ch -> channels.add(ch.name()));
            if (c.safeHours() != null) {
                ObjectNode h = contact.putObject("safeHours");
                put(h, "from", c.safeHours().from() == null ? null : c.safeHours().from().toString());
                put(h, "to", c.safeHours().to() == null ? null : c.safeHours().to().toString());
                put(h, "zone", c.safeHours().zone() == null ? null : c.safeHours().zone().getId());
            }
            contact.put("noVoicemail", c.noVoicemail());
            contact.put("safeToContact", c.safeToContact());
            put(contact, "alternateContact", c.alternateContact());
        }
        return out;
    }

    static ObjectNode writePage(Page<ReferralView> page) {
        ObjectNode out = NODES.objectNode();
        ArrayNode items = out.putArray("items");
        page.items().forEach(v -> items.add(write(v)));
        out.put("page", page.page());
        out.put("size", page.size());
        out.put("total", page.total());
        return out;
    }

    private static void put(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }
}
