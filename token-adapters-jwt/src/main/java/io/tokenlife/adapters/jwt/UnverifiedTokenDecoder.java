package io.tokenlife.adapters.jwt;

import java.util.Map;
import java.util.Objects;

/**
 * Shows a token's header and claims WITHOUT verifying anything ({@code tokenlife token decode}).
 * Nothing it returns may be trusted; use the validation use case for that.
 */
public final class UnverifiedTokenDecoder {
    private UnverifiedTokenDecoder() {
    }

    /** Header and claims as pretty-printed JSON. */
    public record DecodedToken(String headerJson, String claimsJson) {
        public DecodedToken {
            Objects.requireNonNull(headerJson, "headerJson");
            Objects.requireNonNull(claimsJson, "claimsJson");
        }
    }

    /** @throws IllegalArgumentException with a sentence (never the token) when the token is not a compact JWS */
    public static DecodedToken decode(String token) {
        try {
            if (token == null || token.isBlank()) {
                throw Refusal.malformed("the token is empty");
            }
            String trimmed = token.trim();
            if (trimmed.length() > CompactJwsVerifier.MAX_TOKEN_CHARS) {
                throw Refusal.malformed("the token is longer than " + CompactJwsVerifier.MAX_TOKEN_CHARS + " characters");
            }
            String[] parts = trimmed.split("\\.", -1);
            if (parts.length != 3) {
                throw Refusal.malformed("the token does not have three dot-separated parts (it has " + parts.length + ")");
            }
            Map<String, Object> header = CompactJwsVerifier.jsonObject(CompactJwsVerifier.decode(parts[0], "header"), "header");
            Map<String, Object> claims = CompactJwsVerifier.jsonObject(CompactJwsVerifier.decode(parts[1], "payload"), "claims");
            return new DecodedToken(PrettyJson.write(header), PrettyJson.write(claims));
        } catch (Refusal refusal) {
            throw new IllegalArgumentException("not a JWT: " + refusal.getMessage());
        }
    }
}
