package org.tandem.intake.internal.json;

import java.io.IOException;

import org.osgi.service.component.annotations.Component;
import org.tandem.api.ValidationException;
import org.tandem.api.cases.CaseCodec;
import org.tandem.api.cases.NewCase;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The case JSON contract of {@code POST /cases} as a {@link CaseCodec} service ({@code format=json}) for
 * integration paths (the {@code tandem:intake} Camel endpoint): the same strict parsing as the REST host
 * (duplicate keys, nesting depth, trailing content) and the same mapping ({@link CaseJsonCodec}).
 */
@Component(service = CaseCodec.class, property = CaseCodec.FORMAT + "=json")
public class JsonCaseCodecService implements CaseCodec {

    /** The REST host's default nesting limit. */
    static final int MAX_DEPTH = 32;

    private final CaseJsonCodec codec = new CaseJsonCodec();
    private final ObjectMapper mapper = JsonMapper.builder(JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).maxNumberLength(100).build())
            .build()).build();

    @Override
    public NewCase read(byte[] document) {
        if (document == null || document.length == 0) {
            throw new ValidationException(CaseJsonCodec.BODY, "a JSON object is required");
        }
        JsonNode json;
        try (JsonParser parser = mapper.createParser(document)) {
            if (parser.nextToken() == null) {
                throw new ValidationException(CaseJsonCodec.BODY, "a JSON object is required");
            }
            json = mapper.readTree(parser);
            if (parser.nextToken() != null) {
                throw new ValidationException(CaseJsonCodec.BODY, "unexpected content after the JSON document");
            }
        } catch (JsonProcessingException e) {
            throw new ValidationException(CaseJsonCodec.BODY, "malformed JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ")"));
        } catch (IOException e) {
            throw new ValidationException(CaseJsonCodec.BODY, "unreadable JSON: " + e.getMessage());
        }
        return codec.read(json);
    }
}
