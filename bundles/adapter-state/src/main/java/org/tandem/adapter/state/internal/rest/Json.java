package org.tandem.adapter.state.internal.rest;

import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import javax.ws.rs.NotAuthorizedException;
import javax.ws.rs.core.SecurityContext;

import org.tandem.api.Caller;
import org.tandem.api.FieldError;
import org.tandem.api.Page;
import org.tandem.api.ValidationException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Small JSON and request helpers shared by the state adapter's resources. */
final class Json {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {
    }

    static Caller caller(SecurityContext security) {
        Principal principal = security == null ? null : security.getUserPrincipal();
        if (principal instanceof Caller caller) {
            return caller;
        }
        throw new NotAuthorizedException("authentication required", "Basic realm=\"Tandem\"");
    }

    /** Checks the body is an object with only known fields whose values are strings; returns the fields. */
    static ObjectNode object(JsonNode body, Set<String> known) {
        if (body == null || !body.isObject()) {
            throw new ValidationException("body", "a JSON object is required");
        }
        List<FieldError> errors = new ArrayList<>();
        for (Iterator<String> names = body.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!known.contains(name)) {
                errors.add(new FieldError(name, "unknown field"));
            } else if (!body.get(name).isTextual() && !body.get(name).isNull()) {
                errors.add(new FieldError(name, "must be a string"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return (ObjectNode) body;
    }

    static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        return v == null || v.isNull() ? null : v.textValue().strip();
    }

    static void put(ObjectNode out, String name, String value) {
        if (value != null) {
            out.put(name, value);
        }
    }

    static void put(ObjectNode out, String name, Instant value) {
        if (value != null) {
            out.put(name, value.toString());
        }
    }

    static <T> ObjectNode page(Page<T> page, Function<T, ObjectNode> item) {
        ObjectNode out = NODES.objectNode();
        ArrayNode items = out.putArray("items");
        page.items().forEach(i -> items.add(item.apply(i)));
        out.put("page", page.page());
        out.put("size", page.size());
        out.put("total", page.total());
        return out;
    }

    /** Page parameters as the other lists take them; 422 for anything else. */
    static int[] paging(String page, String size) {
        List<FieldError> errors = new ArrayList<>();
        int p = parse("page", page, 0, errors);
        int s = parse("size", size, Page.DEFAULT_SIZE, errors);
        if (errors.isEmpty() && (p < 0 || s < 1 || s > Page.MAX_SIZE)) {
            errors.add(new FieldError(p < 0 ? "page" : "size", p < 0 ? "must be 0 or greater"
                    : "must be between 1 and " + Page.MAX_SIZE));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new int[] {p, s};
    }

    private static int parse(String name, String value, int fallback, List<FieldError> errors) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        if (value.length() <= 9 && value.matches("-?\\d+")) {
            return Integer.parseInt(value);
        }
        errors.add(new FieldError(name, "must be an integer"));
        return fallback;
    }
}
