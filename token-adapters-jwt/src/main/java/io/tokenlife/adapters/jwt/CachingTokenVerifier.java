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
import java.util.concurrent.ThreadLocalRandom;

/**
 * Remembers tokens whose shape, algorithm and signature were verified, keyed by the exact token string,
 * so a repeated token is neither parsed nor verified again. Only successes are cached (garbage cannot
 * push out the working set); an entry lives no longer than its token's {@code exp}; the whole cache is
 * emptied when the key ring changes. Nothing time- or state-dependent is decided here: the domain policy
 * still judges expiry, revocation, issuer, audience... on every call.
 *
 * <p>In front of the cache, a small table of tokens found there ({@link #RECENT_SLOTS} slots, one token each,
 * chosen by the key's hash; an empty or void slot is taken at once, a held one now and then): a repeated token
 * is answered without the cache's bookkeeping (every read of a Caffeine cache is recorded for its eviction
 * policy and drained on the reading thread, a few per cent of an introspection's CPU time). A slot holds only what the cache held, is only good until its token's
 * {@code exp}, and belongs to a generation: whatever removes a token from the cache for cause (the key ring
 * changed, or changed while the token was verified) starts a new generation after the removal, which voids
 * every slot filled before it. A slot filled after it was filled from the cache as it then was.
 */
final class CachingTokenVerifier implements TokenVerifier {
    static final int RECENT_SLOTS = 512;
    /**
     * A slot held by another current token is taken over on one cache hit in this many, at random: more tokens
     * in turn than there are slots would otherwise replace each other on every hit (an allocation and a write
     * per validation, for nothing: ValidationBenchmark cycles through 1,024 tokens), while a token that keeps
     * coming back still gets a slot after a few hits.
     */
    static final int REPLACE_ONE_IN = 8;

    private final TokenVerifier delegate;
    private final KeyRing ring;
    private final Clock clock;
    private final Cache<TokenKey, VerifiedToken> cache;
    private final SharedParts shared = new SharedParts();
    private final Recent[] recent = new Recent[RECENT_SLOTS];
    private volatile int generation;

    /** A token found in the cache, until {@code expiresAtMillis}, valid while {@code generation} is current. */
    private record Recent(String token, VerifiedToken verified, long expiresAtMillis, int generation) {
    }

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
        ring.addListener(() -> {
            cache.invalidateAll();
            newGeneration();
        });
    }

    @Override
    public Verification verify(String token) {
        if (token == null) {
            return delegate.verify(null);
        }
        int hash = TokenKey.hash(token);
        int slot = (hash ^ (hash >>> 16)) & (RECENT_SLOTS - 1);
        int current = generation; // read before the cache: a removal after this read voids what we store below
        Recent seen = recent[slot];
        if (seen != null && seen.generation() == current && seen.token().equals(token)
                && clock.millis() < seen.expiresAtMillis()) {
            return new Verification.Verified(seen.verified());
        }
        TokenKey key = new TokenKey(token, hash);
        VerifiedToken cached = cache.getIfPresent(key);
        if (cached != null) {
            if (seen == null || seen.generation() != current
                    || ThreadLocalRandom.current().nextInt(REPLACE_ONE_IN) == 0) {
                recent[slot] = new Recent(token, cached, expiresAtMillis(cached), current);
            }
            return new Verification.Verified(cached);
        }
        long version = ring.version();
        Verification verification = delegate.verify(token);
        if (verification instanceof Verification.Verified verified && !expired(verified.token())) {
            cache.put(key, shared.share(verified.token()));
            if (ring.version() != version) {
                cache.invalidate(key); // the ring changed while we verified: don't keep an answer it may void
                newGeneration(); // nor a copy another thread took from the cache in the meantime
            }
        }
        return verification;
    }

    /** Voids every slot of {@link #recent} filled so far; called after the removal from the cache it follows. */
    private synchronized void newGeneration() {
        generation = generation + 1;
    }

    /** The token's {@code exp} in epoch milliseconds, {@link Long#MAX_VALUE} without one or beyond the range. */
    private static long expiresAtMillis(VerifiedToken token) {
        Instant exp = token.claims().expiresAt();
        if (exp == null) {
            return Long.MAX_VALUE;
        }
        try {
            return exp.toEpochMilli();
        } catch (ArithmeticException farFuture) {
            return Long.MAX_VALUE;
        }
    }

    long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    boolean contains(String token) {
        return cache.getIfPresent(new TokenKey(token)) != null;
    }

    /**
     * The cache key: the exact token (equality is full string equality), with a hash taken from its last
     * 32 characters only. Hashing every character of a fresh ~300-character string was a quarter of the
     * time of a cached validation (profiled); the tail is the signature, unpredictable for tokens we
     * signed, and only verified tokens are ever stored, so colliding garbage never fills a bucket.
     */
    static final class TokenKey {
        private static final int HASHED_TAIL = 32;
        private final String token;
        private final int hash;

        TokenKey(String token) {
            this(token, hash(token));
        }

        TokenKey(String token, int hash) {
            this.token = token;
            this.hash = hash;
        }

        static int hash(String token) {
            int h = token.length();
            for (int i = Math.max(0, token.length() - HASHED_TAIL); i < token.length(); i++) {
                h = 31 * h + token.charAt(i);
            }
            return h;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof TokenKey other && hash == other.hash && token.equals(other.token);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public String toString() {
            return "TokenKey[" + token.length() + " chars]"; // never the token itself
        }
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

    private final class UntilExpiry implements Expiry<TokenKey, VerifiedToken> {
        @Override
        public long expireAfterCreate(TokenKey key, VerifiedToken value, long currentTime) {
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
        public long expireAfterUpdate(TokenKey key, VerifiedToken value, long currentTime, long currentDuration) {
            return expireAfterCreate(key, value, currentTime);
        }

        @Override
        public long expireAfterRead(TokenKey key, VerifiedToken value, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
