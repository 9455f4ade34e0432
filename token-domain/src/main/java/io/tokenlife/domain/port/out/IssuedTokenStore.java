package io.tokenlife.domain.port.out;

import io.tokenlife.domain.model.KeyUsage;
import io.tokenlife.domain.model.Page;
import io.tokenlife.domain.model.TokenCounts;
import io.tokenlife.domain.model.TokenQuery;
import io.tokenlife.domain.model.TokenRecord;

import java.time.Instant;
import java.util.Optional;

/**
 * The issued-token registry: every token issued, by jti, never the token itself. Write methods are
 * durable when they return and throw {@link StoreUnavailableException} when the store is down.
 */
public interface IssuedTokenStore {
    /** Records a newly issued token; a jti already recorded is a {@link DuplicateJtiException}. */
    void record(TokenRecord token);

    Optional<TokenRecord> find(String jti);

    /**
     * Filtered and paged, newest first; {@code now} decides active versus expired. A cursor this store did
     * not hand out is an {@link InvalidCursorException}.
     */
    Page<TokenRecord> list(TokenQuery query, Instant now);

    /** How many rows pass the query's filters (its cursor and limit are ignored). */
    long count(TokenQuery query, Instant now);

    /** Live tokens by source and by use at {@code now}, and how many were revoked at or after {@code revokedSince}. */
    TokenCounts counts(Instant now, Instant revokedSince);

    /** The live tokens (not revoked, not expired at {@code now}) that the key {@code keyId} signed. */
    KeyUsage keyUsage(String keyId, Instant now);

    /** Remembers that a token was presented; may be batched, never on the validation path's critical section. */
    void touch(String jti, Instant at);

    /** Deletes rows whose {@code expires_at} is before {@code before}; returns how many. */
    int purgeExpired(Instant before);

    /** The cursor of a listing is not one this store handed out (its format is the store's own). */
    final class InvalidCursorException extends RuntimeException {
        public InvalidCursorException() {
            super("pass the 'next' value of the previous page unchanged", null, false, false);
        }
    }

    /** The jti was recorded before: a caller's jti is kept, so a reused one must be refused. */
    final class DuplicateJtiException extends RuntimeException {
        public DuplicateJtiException(String jti) {
            super("a token with jti '" + jti + "' was already issued");
        }
    }
}
