package io.tokenlife.adapters.jwt;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.tokenlife.domain.model.VerifiedToken;
import io.tokenlife.domain.port.out.TokenVerifier;
import io.tokenlife.domain.port.out.Verification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Remembers tokens whose shape, algorithm and signature were verified, keyed by the exact token string,
 * so a repeated token is neither parsed nor verified again. Only successes are cached (garbage cannot
 * push out the working set); an entry lives no longer than its token's {@code exp}; the whole cache is
 * emptied when the key ring changes. Nothing time- or state-dependent is decided here: the domain policy
 * still judges expiry, revocation, issuer, audience... on every call.
 */
final class CachingTokenVerifier implements TokenVerifier {
    private final TokenVerifier delegate;
    private final KeyRing ring;
    private final Clock clock;
    private final Cache<String, VerifiedToken> cache;

    CachingTokenVerifier(TokenVerifier delegate, KeyRing ring, long maximumSize, Clock clock) {
        if (maximumSize <= 0) {
            throw new IllegalArgumentException("maximumSize must be positive");
        }
        this.delegate = delegate;
        this.ring = ring;
        this.clock = clock;
        this.cache = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .ticker(clockTicker(clock))
                .expireAfter(new UntilExpiry())
                .executor(Runnable::run) // maintenance on the caller: no extra threads, deterministic in tests
                .build();
        ring.addListener(cache::invalidateAll);
    }

    @Override
    public Verification verify(String token) {
        if (token == null) {
            return delegate.verify(null);
        }
        VerifiedToken cached = cache.getIfPresent(token);
        if (cached != null) {
            return new Verification.Verified(cached);
        }
        long version = ring.version();
        Verification verification = delegate.verify(token);
        if (verification instanceof Verification.Verified verified && !expired(verified.token())) {
            cache.put(token, verified.token());
            if (ring.version() != version) {
                cache.invalidate(token); // the ring changed while we verified: don't keep an answer it may void
            }
        }
        return verification;
    }

    long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    boolean contains(String token) {
        return cache.getIfPresent(token) != null;
    }

    private boolean expired(VerifiedToken token) {
        Instant exp = token.claims().expiresAt();
        return exp != null && !exp.isAfter(clock.instant());
    }

    /** Caffeine's clock follows the injected {@link Clock}, so an entry's expiry is the token's {@code exp}. */
    private static Ticker clockTicker(Clock clock) {
        return () -> {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        };
    }

    private final class UntilExpiry implements Expiry<String, VerifiedToken> {
        @Override
        public long expireAfterCreate(String key, VerifiedToken value, long currentTime) {
            Instant exp = value.claims().expiresAt();
            if (exp == null) {
                return Long.MAX_VALUE; // never expires by time; the size bound still applies
            }
            try {
                return Math.max(0, Duration.between(clock.instant(), exp).toNanos());
            } catch (ArithmeticException farFuture) {
                return Long.MAX_VALUE;
            }
        }

        @Override
        public long expireAfterUpdate(String key, VerifiedToken value, long currentTime, long currentDuration) {
            return expireAfterCreate(key, value, currentTime);
        }

        @Override
        public long expireAfterRead(String key, VerifiedToken value, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
