package org.tandem.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

import javax.ws.rs.BadRequestException;
import javax.ws.rs.Consumes;
import javax.ws.rs.Produces;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.ext.MessageBodyReader;
import javax.ws.rs.ext.MessageBodyWriter;
import javax.ws.rs.ext.Provider;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Reads request bodies into {@link JsonNode} strictly (size cap, duplicate keys, nesting depth,
 * trailing garbage) and writes {@link JsonNode} responses. Resources do their own typed mapping so
 * that every bad field can be reported at once.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
@Produces({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
final class JsonNodeProvider implements MessageBodyReader<JsonNode>, MessageBodyWriter<JsonNode> {

    private final long maxBodyBytes;
    private final ObjectMapper mapper;

    JsonNodeProvider(long maxBodyBytes, int maxDepth) {
        this.maxBodyBytes = maxBodyBytes;
        JsonFactory factory = JsonFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(maxDepth)
                        .maxStringLength((int) Math.min(Integer.MAX_VALUE, maxBodyBytes))
                        .maxNumberLength(100)
                        .build())
                .build();
        this.mapper = JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    ObjectMapper mapper() {
        return mapper;
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return JsonNode.class.isAssignableFrom(type);
    }

    @Override
    public JsonNode readFrom(Class<JsonNode> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, String> headers, InputStream body) throws IOException {
        try (InputStream in = new CappedInputStream(body, maxBodyBytes);
                JsonParser parser = mapper.createParser(in)) {
            if (parser.nextToken() == null) {
                throw new BadRequestException("The request body is empty; a JSON document is required");
            }
            JsonNode node = mapper.readTree(parser);
            if (parser.nextToken() != null) {
                throw new BadRequestException("Unexpected content after the JSON document");
            }
            return node;
        } catch (CappedInputStream.BodyTooLargeException e) {
            throw new WebApplicationException("The request body exceeds the limit of " + maxBodyBytes + " bytes", 413);
        } catch (JsonProcessingException e) {
            throw new BadRequestException("Malformed JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ")"));
        }
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return JsonNode.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(JsonNode node, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        mapper.writeValue(out, node);
    }
}
