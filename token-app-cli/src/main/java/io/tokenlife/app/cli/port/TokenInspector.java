package io.tokenlife.app.cli.port;

import java.util.Map;
import java.util.Objects;

/** Reads a compact JWS without verifying it, for {@code token decode}. */
public interface TokenInspector {
    /** @throws CliFailure with a sentence saying what is wrong when the token is not a well-formed JWS */
    DecodedToken decode(String token);

    /** Header and claims as JSON-compatible values (maps, lists, strings, numbers, booleans). */
    record DecodedToken(Map<String, Object> header, Map<String, Object> claims) {
        public DecodedToken {
            Objects.requireNonNull(header, "header");
            Objects.requireNonNull(claims, "claims");
        }
    }
}
