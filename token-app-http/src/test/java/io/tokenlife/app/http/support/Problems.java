package io.tokenlife.app.http.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** What every error answer of the JSON API is: RFC 9457 problem+json, UTF-8 and said so, status as sent. */
public final class Problems {
    public static final String CONTENT_TYPE = "application/problem+json; charset=utf-8";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Problems() {
    }

    /** Null when the answer is a well-formed problem for this status, else what is wrong with it. */
    public static String defect(int status, String contentType, byte[] body) {
        if (!CONTENT_TYPE.equalsIgnoreCase(String.valueOf(contentType).replace(";charset", "; charset"))) {
            return "content type " + contentType;
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return "body is not UTF-8";
        }
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (IOException e) {
            return "body is not JSON: " + text;
        }
        if (node == null || node.path("status").asInt(-1) != status) {
            return "status in the body differs from " + status + ": " + text;
        }
        for (String field : new String[] {"type", "title", "detail", "code"}) {
            if (!node.path(field).isTextual() || node.path(field).asText().isBlank()) {
                return "no '" + field + "': " + text;
            }
        }
        return null;
    }
}
