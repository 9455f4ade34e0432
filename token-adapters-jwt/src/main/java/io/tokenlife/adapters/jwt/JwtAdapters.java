package io.tokenlife.adapters.jwt;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import io.tokenlife.domain.port.out.TokenSigner;
import io.tokenlife.domain.port.out.TokenVerifier;
import io.tokenlife.domain.settings.TokenlifeSettings;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The JWT adapter's entry point for composition roots: the key ring loaded from the settings, the
 * signer, the (cached) verifier and the public JWK set.
 */
public final class JwtAdapters {
    private final KeyRing ring;
    private final NimbusTokenSigner signer;
    private final NimbusTokenVerifier verifier;
    private final TokenVerifier cachedVerifier;

    private JwtAdapters(KeyRing ring, int cacheSize, Clock clock) {
        this.ring = ring;
        this.signer = new NimbusTokenSigner(ring);
        this.verifier = new NimbusTokenVerifier(ring);
        this.cachedVerifier = cacheSize > 0 ? new CachingTokenVerifier(verifier, ring, cacheSize, clock) : verifier;
    }

    /**
     * Loads the keys of {@code settings} (HMAC secret and its previous secrets, or PEM files; in development
     * a generated key when none is configured, kept beside an H2 database file). A missing, unreadable or unfit key is a {@link KeyLoadException} naming the
     * variable and the path.
     */
    public static JwtAdapters create(TokenlifeSettings settings, Clock clock) {
        return new JwtAdapters(SettingsKeyLoader.ring(settings), settings.validation().verifiedTokenCacheSize(), clock);
    }

    public TokenSigner signer() {
        return signer;
    }

    /** Steps 1–3 of validation, behind the verified-token cache when VERIFIED_TOKEN_CACHE_SIZE > 0. */
    public TokenVerifier verifier() {
        return cachedVerifier;
    }

    /** Steps 1–3 without the cache (for benchmarks and tools that must verify every time). */
    public TokenVerifier uncachedVerifier() {
        return verifier;
    }

    /** The {@code kid} new tokens carry. */
    public String currentKeyId() {
        return ring.current().kid();
    }

    /** {@code {"keys":[...]}} with public keys only, never private or symmetric material. */
    public String publicJwkSetJson() {
        return publicJwkSetJson(ring.verificationKeys());
    }

    static String publicJwkSetJson(List<RingKey> keys) {
        List<JWK> published = new ArrayList<>();
        for (RingKey key : keys) {
            if (key.algorithm().isSymmetric()) {
                continue; // a symmetric key is never published
            }
            published.add(publish(key.jwk(), key.kid(), key.algorithm().joseName()));
        }
        return new JWKSet(published).toString(true);
    }

    /** The public JWK with {@code kid}, {@code alg} and {@code use: "sig"} set as we publish them. */
    static JWK publish(JWK publicJwk, String kid, String algorithm) {
        java.util.Map<String, Object> map = new java.util.LinkedHashMap<>(publicJwk.toPublicJWK().toJSONObject());
        map.put("kid", kid);
        map.put("alg", JWSAlgorithm.parse(algorithm).getName());
        map.put("use", KeyUse.SIGNATURE.identifier());
        try {
            return JWK.parse(map);
        } catch (java.text.ParseException e) {
            throw new IllegalStateException("cannot publish key " + kid, e);
        }
    }

    /** A key could not be loaded; the message names the variable and the path, never key material. */
    public static final class KeyLoadException extends RuntimeException {
        public KeyLoadException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
