package io.tokenlife.adapters.jwt;

import io.tokenlife.domain.model.TokenClaims;
import io.tokenlife.domain.model.TokenHeader;
import io.tokenlife.domain.model.VerifiedToken;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lets the verified tokens kept in the cache share one instance of the parts that repeat from token to
 * token: the header (algorithm, key id, type), the issuer and the audience. Parsed afresh, they were about
 * a fifth of the ~1.4 KB an RS256 token costs in the cache (bench/README.md, footprint). Only tokens whose
 * signature verified with our keys get here, so the distinct values are few; the pool is bounded anyway,
 * and past its bound a value is simply kept unshared.
 */
final class SharedParts {
    static final int MAX_VALUES = 256;

    private final Map<Object, Object> pool = new ConcurrentHashMap<>();

    VerifiedToken share(VerifiedToken token) {
        TokenClaims c = token.claims();
        TokenClaims claims = new TokenClaims(shared(c.issuer()), shared(c.audience()), c.subject(), c.issuedAt(),
                c.notBefore(), c.expiresAt(), c.jti(), c.tokenUse(), c.scope(), shared(c.environment()), c.extra());
        return new VerifiedToken(shared(token.header()), claims);
    }

    int size() {
        return pool.size();
    }

    @SuppressWarnings("unchecked")
    private <T> T shared(T value) {
        if (value == null) {
            return null;
        }
        Object known = pool.get(value);
        if (known != null) {
            return (T) known;
        }
        if (pool.size() >= MAX_VALUES) {
            return value;
        }
        Object raced = pool.putIfAbsent(value, value);
        return raced == null ? value : (T) raced;
    }
}
