package org.tandem.security.internal.rest;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.tandem.api.Page;
import org.tandem.api.consent.Consent;
import org.tandem.api.consent.ConsentForm;
import org.tandem.api.consent.ConsentScope;
import org.tandem.api.consent.DataItem;
import org.tandem.api.consent.NewConsent;
import org.tandem.api.consent.Recipient;
import org.tandem.api.consent.RecipientKind;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The consent JSON contract (see openapi/consent.json). */
final class ConsentJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> FIELDS = Set.of("personId", "scope", "recipient", "purpose", "form", "grantedAt",
            "expiresAt", "items");
    private static final Set<String> RECIPIENT_FIELDS = Set.of("kind", "id");
    private static final Set<String> REVOKE_FIELDS = Set.of("reason");

    private ConsentJson() {
    }

    static NewConsent read(String caseId, JsonNode body) {
        JsonReader in = new JsonReader();
        var root = in.root(body, FIELDS);
        String personId = in.text(JsonReader.field(root, "personId"), "personId");
        ConsentScope scope = in.enumValue(JsonReader.field(root, "scope"), "scope", ConsentScope.class);
        Recipient recipient = null;
        var r = in.object(JsonReader.field(root, "recipient"), "recipient", RECIPIENT_FIELDS);
        if (r != null) {
            RecipientKind kind = in.enumValue(JsonReader.field(r, "kind"), "recipient.kind", RecipientKind.class);
            String id = in.text(JsonReader.field(r, "id"), "recipient.id");
            if (kind == null && JsonReader.field(r, "kind") == null) {
                in.reject("recipient.kind", "required");
            } else if (kind != null) {
                recipient = recipient(kind, id, in);
            }
        }
        String purpose = in.text(JsonReader.field(root, "purpose"), "purpose");
        ConsentForm form = in.enumValue(JsonReader.field(root, "form"), "form", ConsentForm.class);
        Instant grantedAt = in.instant(JsonReader.field(root, "grantedAt"), "grantedAt");
        Instant expiresAt = in.instant(JsonReader.field(root, "expiresAt"), "expiresAt");
        List<DataItem> items = in.enumList(JsonReader.field(root, "items"), "items", DataItem.class);
        in.throwIfAny();
        return new NewConsent(caseId, personId, scope, recipient, purpose, form, grantedAt, expiresAt,
                items == null ? null : items.isEmpty() ? Set.of() : EnumSet.copyOf(items));
    }

    private static Recipient recipient(RecipientKind kind, String id, JsonReader in) {
        if (kind == RecipientKind.ANY) {
            if (id != null) {
                in.reject("recipient.id", "must be absent for ANY");
                return null;
            }
            return Recipient.ANY;
        }
        if (id == null || id.isBlank() || id.length() > 64) {
            in.reject("recipient.id", "required for " + kind + " (at most 64 characters)");
            return null;
        }
        return new Recipient(kind, id);
    }

    static String readReason(JsonNode body) {
        JsonReader in = new JsonReader();
        var root = in.root(body, REVOKE_FIELDS);
        String reason = in.text(JsonReader.field(root, "reason"), "reason");
        in.throwIfAny();
        return reason;
    }

    static ObjectNode write(Consent c, Instant now) {
        ObjectNode out = NODES.objectNode();
        out.put("id", c.id());
        out.put("caseId", c.caseId());
        out.put("personId", c.personId());
        out.put("scope", c.scope().name());
        ObjectNode recipient = out.putObject("recipient");
        recipient.put("kind", c.recipient().kind().name());
        if (c.recipient().id() != null) {
            recipient.put("id", c.recipient().id());
        }
        out.put("purpose", c.purpose());
        out.put("form", c.form().name());
        ArrayNode items = out.putArray("items");
        c.items().stream().sorted().forEach(i -> items.add(i.name()));
        out.put("grantedAt", c.grantedAt().toString());
        put(out, "expiresAt", c.expiresAt());
        put(out, "revokedAt", c.revokedAt());
        out.put("recordedBy", c.recordedBy());
        if (c.revokedBy() != null) {
            out.put("revokedBy", c.revokedBy());
        }
        if (c.revocationReason() != null) {
            out.put("revocationReason", c.revocationReason());
        }
        out.put("status", c.stateAt(now).name());
        return out;
    }

    static ObjectNode writePage(Page<Consent> page, Instant now) {
        ObjectNode out = NODES.objectNode();
        ArrayNode items = out.putArray("items");
        page.items().forEach(c -> items.add(write(c, now)));
        out.put("page", page.page());
        out.put("size", page.size());
        out.put("total", page.total());
        return out;
    }

    private static void put(ObjectNode node, String name, Instant value) {
        if (value != null) {
            node.put(name, value.toString());
        }
    }
}
