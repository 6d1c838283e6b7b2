package org.tandem.rest.internal;

import java.util.List;

import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.tandem.api.FieldError;

/** Builds RFC 9457 {@code application/problem+json} responses. */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType PROBLEM_JSON = MediaType.valueOf(MEDIA_TYPE);
    private static final String TYPE_BASE = "urn:tandem:problem:";

    private Problems() {
    }

    public static ObjectNode body(int status, String slug, String title, String detail) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("type", slug == null ? "about:blank" : TYPE_BASE + slug);
        node.put("title", title);
        node.put("status", status);
        if (detail != null) {
            node.put("detail", detail);
        }
        return node;
    }

    public static Response response(int status, String slug, String title, String detail) {
        return Response.status(status).type(PROBLEM_JSON).entity(body(status, slug, title, detail)).build();
    }

    public static Response validation(List<FieldError> errors) {
        ObjectNode node = body(422, "validation", "Invalid input",
                errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid");
        ArrayNode list = node.putArray("errors");
        for (FieldError e : errors) {
            list.addObject().put("field", e.field()).put("message", e.message());
        }
        return Response.status(422).type(PROBLEM_JSON).entity(node).build();
    }

    /** A title for a status code when an exception brings none of its own. */
    static String titleFor(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Authentication required";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 406 -> "Not acceptable";
            case 409 -> "Conflict";
            case 413 -> "Request body too large";
            case 415 -> "Unsupported media type";
            case 422 -> "Invalid input";
            case 503 -> "Service unavailable";
            default -> status >= 500 ? "Server error" : "Request failed";
        };
    }
}
