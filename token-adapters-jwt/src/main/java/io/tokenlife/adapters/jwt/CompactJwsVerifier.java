package io.tokenlife.adapters.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import io.tokenlife.domain.model.Limits;
import io.tokenlife.domain.model.TokenHeader;
import io.tokenlife.domain.model.ValidationCode;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Steps 1–3 of validation (docs/explanation/token-lifecycle.md#validation) for a compact JWS whose payload
 * is read by a {@link PayloadReader}:
 * <ol>
 *   <li>at most 8 KiB, three strict base64url parts (no padding, no other characters, no stray bits),
 *       a JSON object header, a payload the reader accepts → {@code token_malformed};</li>
 *   <li>{@code alg} exactly the ring's algorithm (so never {@code none}); any {@code crit} →
 *       {@code token_algorithm_not_allowed} (we understand no critical extension);</li>
 *   <li>the key named by {@code kid} in the ring (an unknown kid fails), or without a kid each ring key;
 *       the signature → {@code token_signature_invalid}.</li>
 * </ol>
 * {@code jwk}, {@code jku}, {@code x5u}, {@code x5c}, {@code x5t} are never read: keys come from the ring
 * only, and the verifier is chosen by the ring's algorithm, never by the token.
 */
final class CompactJwsVerifier {
    static final int MAX_TOKEN_CHARS = Limits.MAX_TOKEN_CHARS;

    /** Reads the decoded payload at step 1; a payload it cannot read makes the token malformed. */
    interface PayloadReader<T> {
        T read(byte[] payload) throws Refusal;
    }

    record Jws<T>(TokenHeader header, T payload) {
    }

    /** Asked for a {@code kid} the ring does not hold (a JWKS validator refetches, rate-limited); none by default. */
    interface UnknownKeys {
        UnknownKeys NONE = kid -> Optional.empty();

        Optional<RingKey> find(String kid);
    }

    private final KeyRing ring;
    private final UnknownKeys unknownKeys;
    private final String algorithmName;
    /** The header handed to nimbus: only the algorithm, since crit was already refused. */
    private final JWSHeader verificationHeader;

    CompactJwsVerifier(KeyRing ring) {
        this(ring, UnknownKeys.NONE);
    }

    CompactJwsVerifier(KeyRing ring, UnknownKeys unknownKeys) {
        this.ring = ring;
        this.unknownKeys = unknownKeys;
        this.algorithmName = ring.algorithm().joseName();
        this.verificationHeader = new JWSHeader(JWSAlgorithm.parse(algorithmName));
    }

    <T> Jws<T> verify(String token, PayloadReader<T> reader) throws Refusal {
        if (token == null || token.isEmpty()) {
            throw Refusal.malformed("the token is empty");
        }
        if (token.length() > MAX_TOKEN_CHARS) {
            throw Refusal.malformed("the token is longer than " + MAX_TOKEN_CHARS + " characters");
        }
        int firstDot = token.indexOf('.');
        int secondDot = firstDot < 0 ? -1 : token.indexOf('.', firstDot + 1);
        if (secondDot < 0 || token.indexOf('.', secondDot + 1) >= 0) {
            throw Refusal.malformed("the token does not have three dot-separated parts");
        }
        String headerPart = token.substring(0, firstDot);
        String payloadPart = token.substring(firstDot + 1, secondDot);
        String signaturePart = token.substring(secondDot + 1);
        Map<String, Object> header = jsonObject(decode(headerPart, "header"), "header");
        T payload = reader.read(decode(payloadPart, "payload"));
        checkSignatureEncoding(signaturePart);
        TokenHeader tokenHeader = tokenHeader(header);

        if (!algorithmName.equals(tokenHeader.algorithm())) {
            throw new Refusal(ValidationCode.TOKEN_ALGORITHM_NOT_ALLOWED,
                    "the token's algorithm is not the configured " + algorithmName);
        }
        if (header.containsKey("crit")) {
            throw new Refusal(ValidationCode.TOKEN_ALGORITHM_NOT_ALLOWED,
                    "the token names critical header extensions this verifier does not understand");
        }

        byte[] signingInput = token.substring(0, secondDot).getBytes(StandardCharsets.US_ASCII);
        Base64URL signature = new Base64URL(signaturePart);
        if (tokenHeader.keyId() != null) {
            if (ring.isRevoked(tokenHeader.keyId())) {
                throw new Refusal(ValidationCode.TOKEN_REVOKED, "the key that signed the token was revoked");
            }
            Optional<RingKey> key = ring.byKid(tokenHeader.keyId());
            if (key.isEmpty()) {
                key = unknownKeys.find(tokenHeader.keyId());
            }
            if (key.isEmpty()) {
                throw new Refusal(ValidationCode.TOKEN_SIGNATURE_INVALID, "the token's key id is not a known key");
            }
            if (!verifies(key.get(), signingInput, signature)) {
                throw new Refusal(ValidationCode.TOKEN_SIGNATURE_INVALID, "the signature is not valid");
            }
        } else if (ring.verificationKeys().stream().noneMatch(k -> verifies(k, signingInput, signature))) {
            throw new Refusal(ValidationCode.TOKEN_SIGNATURE_INVALID, "the signature is not valid for any known key");
        }
        return new Jws<>(tokenHeader, payload);
    }

    private boolean verifies(RingKey key, byte[] signingInput, Base64URL signature) {
        try {
            return key.verifier().verify(verificationHeader, signingInput, signature);
        } catch (JOSEException | RuntimeException e) {
            return false; // e.g. a signature of the wrong length: simply not valid
        }
    }

    private static TokenHeader tokenHeader(Map<String, Object> header) throws Refusal {
        Object alg = header.get("alg");
        if (alg == null) {
            throw new Refusal(ValidationCode.TOKEN_ALGORITHM_NOT_ALLOWED, "the token header has no algorithm");
        }
        return new TokenHeader(string(header, "alg"), string(header, "kid"), string(header, "typ"));
    }

    private static String string(Map<String, Object> header, String name) throws Refusal {
        Object value = header.get(name);
        if (value != null && !(value instanceof String)) {
            throw Refusal.malformed("the header parameter " + name + " is not a string");
        }
        return (String) value;
    }

    static Map<String, Object> jsonObject(byte[] json, String part) throws Refusal {
        try {
            return JSONObjectUtils.parse(new String(json, StandardCharsets.UTF_8));
        } catch (ParseException | RuntimeException e) {
            throw Refusal.malformed("the token " + part + " is not a JSON object");
        }
    }

    private static void checkSignatureEncoding(String part) throws Refusal {
        if (!isStrictBase64Url(part)) {
            throw Refusal.malformed("the token signature is not base64url");
        }
    }

    static byte[] decode(String part, String name) throws Refusal {
        if (!isStrictBase64Url(part)) {
            throw Refusal.malformed("the token " + name + " is not base64url");
        }
        return Base64.getUrlDecoder().decode(part);
    }

    /**
     * RFC 7515 §2: base64url without padding; also refuses a length no encoding produces and non-zero
     * unused bits in the last character, so each byte string has exactly one accepted encoding.
     */
    static boolean isStrictBase64Url(String s) {
        int n = s.length();
        if (n % 4 == 1) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (value(s.charAt(i)) < 0) {
                return false;
            }
        }
        if (n == 0) {
            return true;
        }
        int last = value(s.charAt(n - 1));
        switch (n % 4) {
            case 2: return (last & 0x0f) == 0;
            case 3: return (last & 0x03) == 0;
            default: return true;
        }
    }

    private static int value(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        if (c == '-') {
            return 62;
        }
        if (c == '_') {
            return 63;
        }
        return -1;
    }
}
