package org.tandem.referral.internal.json;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.tandem.api.FieldError;
import org.tandem.api.ValidationException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Strict, typed reads of request bodies that collect every bad field (unknown fields, wrong JSON types,
 * unparseable values) instead of stopping at the first. JSON null counts as absent.
 */
public final class JsonReader {

    private final List<FieldError> errors = new ArrayList<>();

    public ObjectNode root(JsonNode body, Set<String> known) {
        if (body == null || body.isMissingNode() || body.isNull() || !body.isObject()) {
            errors.add(new FieldError("body", "a JSON object is required"));
            throwIfAny();
        }
        unknown((ObjectNode) body, "", known);
        return (ObjectNode) body;
    }

    /** Reports a value that parsed but is not acceptable. */
    public void reject(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public Boolean bool(JsonNode value, String p) {
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            errors.add(new FieldError(p, "must be true or false"));
            return null;
        }
        return value.booleanValue();
    }

    public ArrayNode array(JsonNode value, String p) {
        if (value == null) {
            return null;
        }
        if (!value.isArray()) {
            errors.add(new FieldError(p, "must be an array"));
            return null;
        }
        return (ArrayNode) value;
    }

    /** Strings of an array; null elements and non-strings are reported. @return empty when absent */
    public List<String> texts(JsonNode value, String p) {
        List<String> out = new ArrayList<>();
        ArrayNode items = array(value, p);
        if (items != null) {
            for (int i = 0; i < items.size(); i++) {
                String s = text(items.get(i), p + "[" + i + "]");
                if (s == null && (items.get(i) == null || items.get(i).isNull())) {
                    errors.add(new FieldError(p + "[" + i + "]", "must be a string"));
                } else if (s != null) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    public static String path(String parent, String child) {
        return parent.isEmpty() ? child : parent + "." + child;
    }

    public static JsonNode field(ObjectNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value;
    }

    public void unknown(ObjectNode node, String p, Set<String> known) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!known.contains(name)) {
                errors.add(new FieldError(path(p, name), "unknown field"));
            }
        }
    }

    public ObjectNode object(JsonNode value, String p, Set<String> known) {
        if (value == null) {
            return null;
        }
        if (!value.isObject()) {
            errors.add(new FieldError(p, "must be an object"));
            return null;
        }
        unknown((ObjectNode) value, p, known);
        return (ObjectNode) value;
    }

    public String text(JsonNode value, String p) {
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            errors.add(new FieldError(p, "must be a string"));
            return null;
        }
        return value.textValue();
    }

    public <E extends Enum<E>> E enumValue(JsonNode value, String p, Class<E> type) {
        if (value == null) {
            return null;
        }
        if (value.isTextual()) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(value.textValue())) {
                    return constant;
                }
            }
        }
        errors.add(new FieldError(p, "must be one of " + Arrays.stream(type.getEnumConstants()).map(Enum::name)
                .collect(Collectors.joining(", "))));
        return null;
    }

    /** @return null when absent (or not an array: reported) */
    public <E extends Enum<E>> List<E> enumList(JsonNode value, String p, Class<E> type) {
        if (value == null) {
            return null;
        }
        if (!value.isArray()) {
            errors.add(new FieldError(p, "must be an array"));
            return null;
        }
        List<E> out = new ArrayList<>();
        ArrayNode items = (ArrayNode) value;
        for (int i = 0; i < items.size(); i++) {
            E item = enumValue(items.get(i), p + "[" + i + "]", type);
            if (item != null && !out.contains(item)) {
                out.add(item);
            }
        }
        return out;
    }

    public Instant instant(JsonNode value, String p) {
        String s = text(value, p);
        if (s == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeException e) {
            errors.add(new FieldError(p, "must be an ISO-8601 date-time with Z or an offset, e.g. 2026-11-20T22:15:00Z"));
            return null;
        }
    }
}
