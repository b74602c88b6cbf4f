package org.scimengine.jaxrs.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.scimengine.core.error.BadRequestException;

/** Request bodies in, response bodies out: Jackson, never the runtime's JSON provider. */
final class Json {

    /**
     * Strict: one JSON value per body and no duplicate member names, which RFC 8259 leaves undefined and which
     * would make the body mean different things to different readers.
     */
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private Json() {
    }

    /**
     * Parses a body.
     *
     * @throws BadRequestException {@code invalidSyntax} if it is empty or not one JSON value
     */
    static JsonNode parse(byte[] body, Charset charset) {
        try {
            JsonNode node;
            if (charset.equals(StandardCharsets.UTF_8)) {
                node = MAPPER.readTree(body);
            } else {
                try (Reader reader = new InputStreamReader(new ByteArrayInputStream(body), charset)) {
                    node = MAPPER.readTree(reader);
                }
            }
            if (node == null || node.isMissingNode()) {
                throw BadRequestException.invalidSyntax("The request body is empty; send a JSON object.");
            }
            return node;
        } catch (JsonProcessingException e) {
            // The parser's own words, without its source excerpt, plus where: enough to find the mistake.
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw BadRequestException.invalidSyntax("The request body is not valid JSON" + where + ": "
                    + withoutCodeNames(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw BadRequestException.invalidSyntax("The request body could not be read as JSON.", e);
        }
    }

    static byte[] write(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    /**
     * Jackson names its own configuration in some messages ("… (1000, from
     * `StreamReadConstraints.getMaxNestingDepth()`)"); a client needs the limit, not our class names.
     */
    private static String withoutCodeNames(String message) {
        return message.replaceAll(",? *from `[^`]*`", "").replaceAll("`[^`]*`", "").strip();
    }
}
