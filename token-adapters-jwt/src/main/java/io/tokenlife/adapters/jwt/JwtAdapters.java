package io.tokenlife.adapters.jwt;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import io.tokenlife.domain.port.out.SigningKeyMaterials;
import io.tokenlife.domain.port.out.SigningKeyRing;
import io.tokenlife.domain.port.out.TokenSigner;
import io.tokenlife.domain.port.out.TokenVerifier;
import io.tokenlife.domain.settings.DeploymentEnvironment;
import io.tokenlife.domain.settings.KeySettings;
import io.tokenlife.domain.settings.Secret;
import io.tokenlife.domain.settings.TokenlifeSettings;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The JWT adapter's entry point for composition roots: the key ring loaded from the settings, the
 * signer, the (cached) verifier and the public JWK set.
 */
public final class JwtAdapters {
    private final KeyRing ring;
    private final NimbusTokenSigner signer;
    private final NimbusTokenVerifier verifier;
    private final TokenVerifier cachedVerifier;
    private final Optional<ManagedKeys> managed;
    private final Duration jwksMaxAge;

    private JwtAdapters(KeyRing ring, int cacheSize, Clock clock, Optional<ManagedKeys> managed, Duration jwksMaxAge) {
        this.ring = ring;
        this.managed = managed;
        this.jwksMaxAge = jwksMaxAge;
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
        int cacheSize = settings.validation().verifiedTokenCacheSize();
        if (settings.keys().isManaged()) {
            KeyRing ring = KeyRing.verificationOnly(settings.jwt().algorithm(), List.of());
            ManagedKeys keys = new ManagedKeys(settings, ring, new KeyEncryption(encryptionSecret(settings)));
            return new JwtAdapters(ring, cacheSize, clock, Optional.of(keys), settings.keys().jwksMaxAge());
        }
        return new JwtAdapters(SettingsKeyLoader.ring(settings), cacheSize, clock, Optional.empty(), STATIC_JWKS_MAX_AGE);
    }

    /** Static keys change only with a restart: validators may cache the JWKS for five minutes. */
    static final Duration STATIC_JWKS_MAX_AGE = Duration.ofMinutes(5);
    /**
     * Development without {@code KEY_ENCRYPTION_SECRET}: a fixed, publicly known key-encryption secret (the
     * startup review warns; staging and production refuse to start without one).
     */
    static final String DEVELOPMENT_ENCRYPTION_SECRET = "tokenlife development only: not a secret, set KEY_ENCRYPTION_SECRET";

    private static byte[] encryptionSecret(TokenlifeSettings settings) {
        String variable = ManagedKeys.SECRET_VARIABLE;
        Optional<Secret> secret = settings.keys().encryptionSecret();
        if (secret.isEmpty()) {
            if (settings.environment() != DeploymentEnvironment.DEVELOPMENT) {
                throw new KeyLoadException(variable + " is not set; KEY_MANAGEMENT=managed with ENVIRONMENT="
                        + settings.environment().wireName() + " needs it to encrypt the signing keys in the database "
                        + "(for example: openssl rand -base64 48)", null);
            }
            return DEVELOPMENT_ENCRYPTION_SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        if (secret.get().lengthInBytes() < KeySettings.MIN_ENCRYPTION_SECRET_BYTES) {
            throw new KeyLoadException(variable + " is " + secret.get().lengthInBytes() + " bytes long; at least "
                    + KeySettings.MIN_ENCRYPTION_SECRET_BYTES + " are required (for example: openssl rand -base64 48)", null);
        }
        return secret.get().utf8();
    }

    /** {@code KEY_MANAGEMENT=managed}: the maker of sealed keys for the store. */
    public Optional<SigningKeyMaterials> managedMaterials() {
        return managed.map(m -> m);
    }

    /** {@code KEY_MANAGEMENT=managed}: this process's ring, loaded from the store. */
    public Optional<SigningKeyRing> managedRing() {
        return managed.map(m -> m);
    }

    /**
     * The JWKS {@code Cache-Control: max-age}: five minutes for static keys; for managed keys at most half
     * the publish-ahead time, so a validator that honours it has seen a key before it signs.
     */
    public Duration jwksMaxAge() {
        return jwksMaxAge;
    }

    /** A signing key is loaded (managed keys: after the store was first read). */
    public boolean canSign() {
        return ring.canSign();
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

    /** The {@code kid} new tokens carry; {@link IllegalStateException} before a managed ring is loaded. */
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

    /**
     * A verifier for an embedded validator that shares no database with the service: the platform's
     * verification with the keys of the service's JWKS ({@code https://host/.well-known/jwks.json}),
     * refetched on an unknown {@code kid} at most once per 30 s (see {@link JwksVerifier.Builder}). Put it in
     * {@code Ports.offline(...)} to get the domain's validation policy on top.
     *
     * @throws IllegalArgumentException for an HMAC algorithm (never published) or a URL that is not http(s)
     */
    public static JwksVerifier.Builder jwksVerifier(java.net.URI jwksUrl, io.tokenlife.domain.settings.SigningAlgorithm algorithm) {
        return JwksVerifier.builder(jwksUrl, algorithm);
    }

    /** A key could not be loaded; the message names the variable and the path, never key material. */
    public static final class KeyLoadException extends RuntimeException {
        public KeyLoadException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
