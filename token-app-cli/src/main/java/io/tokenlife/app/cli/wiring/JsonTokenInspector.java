package io.tokenlife.app.cli.wiring;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenlife.app.cli.port.CliFailure;
import io.tokenlife.app.cli.port.TokenInspector;
import io.tokenlife.domain.model.Limits;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** Decodes the header and claims of a compact JWS without verifying anything. */
public final class JsonTokenInspector implements TokenInspector {
    private static final int MAX_TOKEN_LENGTH = Limits.MAX_TOKEN_CHARS;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public DecodedToken decode(String token) {
        String t = token == null ? "" : token.strip();
        if (t.length() > MAX_TOKEN_LENGTH) {
            throw malformed("it is longer than 8 KiB");
        }
        String[] parts = t.split("\\.", -1);
        if (parts.length != 3) {
            throw malformed("a JWS has three base64url parts separated by dots, this has " + parts.length);
        }
        return new DecodedToken(json(parts[0], "header"), json(parts[1], "claims"));
    }

    private static Map<String, Object> json(String part, String what) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(part);
        } catch (IllegalArgumentException e) {
            throw malformed("the " + what + " is not base64url");
        }
        try {
            return JSON.readValue(new String(bytes, StandardCharsets.UTF_8), new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (IOException e) {
            throw malformed("the " + what + " is not a JSON object");
        }
    }

    private static CliFailure malformed(String why) {
        return new CliFailure("the token is malformed (token_malformed): " + why);
    }
}
