package io.tokenlife.adapters.jwt;

import io.tokenlife.domain.model.TokenClaims;
import io.tokenlife.domain.model.TokenUse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a JWT claims set into {@link TokenClaims}, refusing claims of the wrong type as malformed:
 * {@code iss}, {@code sub}, {@code jti}, {@code scope}, {@code env}, {@code token_use} must be strings;
 * {@code aud} a string or an array of strings; {@code iat}, {@code nbf}, {@code exp} numbers (seconds,
 * fractions kept). A registered claim that is JSON {@code null} is malformed too.
 *
 * <p>{@code token_use} other than {@code session}/{@code api} is refused as malformed: the platform never
 * issues another value, and {@link TokenClaims} cannot keep the raw value under its registered name, so
 * accepting it would silently turn it into "no token_use". Other claims go to {@code extra} as JSON values
 * (String, Long, Double, Boolean, List, Map); a top-level extra claim whose value is {@code null} is dropped
 * (a null claim and an absent one mean the same to every consumer).
 */
final class ClaimsReader implements CompactJwsVerifier.PayloadReader<TokenClaims> {
    static final ClaimsReader INSTANCE = new ClaimsReader();

    private ClaimsReader() {
    }

    @Override
    public TokenClaims read(byte[] payload) throws Refusal {
        Map<String, Object> json = CompactJwsVerifier.jsonObject(payload, "claims");
        TokenClaims.Builder claims = TokenClaims.builder()
                .issuer(string(json, "iss"))
                .audience(audience(json))
                .subject(string(json, "sub"))
                .issuedAt(instant(json, "iat"))
                .notBefore(instant(json, "nbf"))
                .expiresAt(instant(json, "exp"))
                .jti(string(json, "jti"))
                .tokenUse(tokenUse(json))
                .scope(string(json, "scope"))
                .environment(string(json, "env"));
        Map<String, Object> extra = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : json.entrySet()) {
            if (!TokenClaims.REGISTERED.contains(e.getKey()) && e.getValue() != null) {
                extra.put(e.getKey(), jsonValue(e.getValue()));
            }
        }
        return claims.extra(extra).build();
    }

    private static String string(Map<String, Object> json, String name) throws Refusal {
        if (!json.containsKey(name)) {
            return null;
        }
        Object value = json.get(name);
        if (!(value instanceof String)) {
            throw Refusal.malformed("the " + name + " claim is not a string");
        }
        return (String) value;
    }

    private static List<String> audience(Map<String, Object> json) throws Refusal {
        if (!json.containsKey("aud")) {
            return List.of();
        }
        Object value = json.get("aud");
        if (value instanceof String) {
            return List.of((String) value);
        }
        if (value instanceof List) {
            List<String> audiences = new ArrayList<>();
            for (Object a : (List<?>) value) {
                if (!(a instanceof String)) {
                    throw Refusal.malformed("the aud claim is not a string or an array of strings");
                }
                audiences.add((String) a);
            }
            return audiences;
        }
        throw Refusal.malformed("the aud claim is not a string or an array of strings");
    }

    private static Instant instant(Map<String, Object> json, String name) throws Refusal {
        if (!json.containsKey(name)) {
            return null;
        }
        Object value = json.get(name);
        if (!(value instanceof Number)) {
            throw Refusal.malformed("the " + name + " claim is not a number");
        }
        try {
            if (value instanceof Long || value instanceof Integer) {
                return Instant.ofEpochSecond(((Number) value).longValue());
            }
            double seconds = ((Number) value).doubleValue();
            if (Double.isNaN(seconds) || Double.isInfinite(seconds) || Math.abs(seconds) > 3.1e16) {
                throw Refusal.malformed("the " + name + " claim is not a time");
            }
            long whole = (long) Math.floor(seconds);
            // to the microsecond: a double cannot carry more of a current epoch time, and 0.123 must read as 123 ms
            long micros = Math.round((seconds - whole) * 1_000_000d);
            return Instant.ofEpochSecond(whole).plusNanos(micros * 1_000L);
        } catch (java.time.DateTimeException | ArithmeticException e) {
            throw Refusal.malformed("the " + name + " claim is out of range");
        }
    }

    private static TokenUse tokenUse(Map<String, Object> json) throws Refusal {
        String raw = string(json, "token_use");
        if (raw == null) {
            return null;
        }
        return TokenUse.fromWireName(raw)
                .orElseThrow(() -> Refusal.malformed("the token_use claim is neither session nor api"));
    }

    /** A deep, unmodifiable copy with JSON types only (nulls inside arrays and objects kept). */
    private static Object jsonValue(Object value) {
        if (value instanceof Map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            ((Map<?, ?>) value).forEach((k, v) -> copy.put(String.valueOf(k), v == null ? null : jsonValue(v)));
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof List) {
            List<Object> copy = new ArrayList<>();
            for (Object v : (List<?>) value) {
                copy.add(v == null ? null : jsonValue(v));
            }
            return Collections.unmodifiableList(copy);
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float) {
            return ((Float) value).doubleValue();
        }
        return value; // String, Long, Double, Boolean
    }
}
