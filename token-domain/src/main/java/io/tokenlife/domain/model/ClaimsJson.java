package io.tokenlife.domain.model;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The claims of a token as JSON-compatible values, as they are in the token: the registered claims in a
 * fixed order, {@code aud} a string for one audience and an array for several, times in seconds since the
 * epoch, then the extra claims ordered by name. The one mapping that the signer, the HTTP answers and the
 * CLI's output share, so a claim reads the same wherever it is shown.
 */
public final class ClaimsJson {
    private ClaimsJson() {
    }

    public static Map<String, Object> of(TokenClaims claims) {
        Map<String, Object> map = new LinkedHashMap<>();
        putIfPresent(map, "iss", claims.issuer());
        putIfPresent(map, "aud", audience(claims));
        putIfPresent(map, "sub", claims.subject());
        putIfPresent(map, "iat", epochSeconds(claims.issuedAt()));
        putIfPresent(map, "nbf", epochSeconds(claims.notBefore()));
        putIfPresent(map, "exp", epochSeconds(claims.expiresAt()));
        putIfPresent(map, "jti", claims.jti());
        putIfPresent(map, "token_use", claims.tokenUse() == null ? null : claims.tokenUse().wireName());
        putIfPresent(map, "scope", claims.scope());
        putIfPresent(map, "env", claims.environment());
        map.putAll(new TreeMap<>(claims.extra()));
        return map;
    }

    /** A string for one audience, a list for several, null for none. */
    public static Object audience(TokenClaims claims) {
        return claims.audience().isEmpty() ? null
                : claims.audience().size() == 1 ? claims.audience().get(0) : claims.audience();
    }

    public static Long epochSeconds(Instant instant) {
        return instant == null ? null : instant.getEpochSecond();
    }

    private static void putIfPresent(Map<String, Object> map, String name, Object value) {
        if (value != null) {
            map.put(name, value);
        }
    }
}
