package io.tokenlife.adapters.jwt;

import io.tokenlife.domain.port.out.TokenVerifier;
import io.tokenlife.domain.port.out.Verification;
import io.tokenlife.domain.settings.SigningAlgorithm;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The platform's {@link TokenVerifier} (the same steps 1–3 and refusal codes as the service's) with its
 * keys taken from a running service's {@code /.well-known/jwks.json} instead of local keys or the database:
 * for an embedded validator that shares neither. Keys are looked up by {@code kid}; an unknown kid fetches
 * the JWKS again, at most once per {@link Builder#minRefreshInterval}; the set is refetched when its
 * {@code Cache-Control: max-age} ends; a failed fetch keeps the last good keys. Asymmetric algorithms only:
 * HMAC secrets are never published. Build it with {@link JwtAdapters#jwksVerifier(URI, SigningAlgorithm)}.
 */
public final class JwksVerifier implements TokenVerifier {
    /** A flood of unknown kids costs at most one JWKS request per this interval. */
    public static final Duration DEFAULT_MIN_REFRESH_INTERVAL = Duration.ofSeconds(30);
    /** When the response carries no {@code max-age} (the service always sends one). */
    public static final Duration DEFAULT_MAX_AGE = Duration.ofMinutes(5);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    public static final int DEFAULT_VERIFIED_TOKEN_CACHE_SIZE = 10_000;

    private final JwksKeys keys;
    private final TokenVerifier verifier;

    private JwksVerifier(Builder b) {
        KeyRing ring = KeyRing.verificationOnly(b.algorithm, List.of());
        this.keys = new JwksKeys(b.uri, ring, b.minRefreshInterval, b.defaultMaxAge, b.timeout, b.clock);
        NimbusTokenVerifier uncached = new NimbusTokenVerifier(ring, keys);
        this.verifier = b.cacheSize > 0 ? new CachingTokenVerifier(uncached, ring, b.cacheSize, b.clock) : uncached;
        keys.refresh(); // the first fetch; if it fails, the first token with a kid tries again
    }

    @Override
    public Verification verify(String token) {
        keys.refreshIfExpired();
        return verifier.verify(token);
    }

    /** At least one key was fetched (for a readiness probe: false until the service's JWKS answered). */
    public boolean hasKeys() {
        return keys.hasKeys();
    }

    static Builder builder(URI uri, SigningAlgorithm algorithm) {
        return new Builder(uri, algorithm);
    }

    /** Parameters of the embedding API (no environment variable): the defaults suit the service's JWKS. */
    public static final class Builder {
        private final URI uri;
        private final SigningAlgorithm algorithm;
        private Duration minRefreshInterval = DEFAULT_MIN_REFRESH_INTERVAL;
        private Duration defaultMaxAge = DEFAULT_MAX_AGE;
        private Duration timeout = DEFAULT_TIMEOUT;
        private int cacheSize = DEFAULT_VERIFIED_TOKEN_CACHE_SIZE;
        private Clock clock = Clock.systemUTC();

        private Builder(URI uri, SigningAlgorithm algorithm) {
            this.uri = Objects.requireNonNull(uri, "uri");
            this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
            if (algorithm.isSymmetric()) {
                throw new IllegalArgumentException("JWT_ALGORITHM=" + algorithm.joseName() + " cannot be validated "
                        + "from a JWKS: HMAC secrets are never published. Use an asymmetric algorithm (RS*, PS*, ES*, "
                        + "EdDSA) or share the database (KEY_MANAGEMENT=managed) or the secret (JWT_SECRET_KEY)");
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http")) {
                throw new IllegalArgumentException("the JWKS URL must be http(s)://...; got scheme '" + scheme + "'");
            }
        }

        /** At most one JWKS fetch per interval, whatever the tokens name (default 30 s). */
        public Builder minRefreshInterval(Duration interval) {
            this.minRefreshInterval = positive(interval, "minRefreshInterval");
            return this;
        }

        /** How long a key set is kept when the response has no {@code max-age} (default 5 min). */
        public Builder defaultMaxAge(Duration maxAge) {
            this.defaultMaxAge = positive(maxAge, "defaultMaxAge");
            return this;
        }

        /** Connect and response timeout of one fetch (default 5 s). */
        public Builder timeout(Duration timeout) {
            this.timeout = positive(timeout, "timeout");
            return this;
        }

        /** Verified tokens remembered (0 turns the cache off); emptied whenever the key set changes. */
        public Builder verifiedTokenCacheSize(int size) {
            if (size < 0) {
                throw new IllegalArgumentException("verifiedTokenCacheSize must be 0 or more");
            }
            this.cacheSize = size;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Builds and fetches the key set once (a failed fetch is logged, not thrown: the service may start later). */
        public JwksVerifier build() {
            return new JwksVerifier(this);
        }

        private static Duration positive(Duration d, String name) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
            return d;
        }
    }
}
