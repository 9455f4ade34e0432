package io.tokenlife.domain.port.out;

import io.tokenlife.domain.model.RefreshToken;
import io.tokenlife.domain.model.TokenFamily;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Refresh tokens by the SHA-256 hash of their value, and the families they belong to. Writes are durable
 * when they return and throw {@link StoreUnavailableException} when the store is down. Rotations and
 * family revocations of one family are serialized: of concurrent rotations of the same token, exactly one
 * succeeds, and a rotation that returns true was not overtaken by a revocation of its family.
 */
public interface RefreshTokenStore {
    /** Records a new family and its first refresh token, together. */
    void start(TokenFamily family, RefreshToken first);

    Optional<RefreshToken> findByHash(String tokenHash);

    Optional<RefreshToken> find(String id);

    Optional<TokenFamily> family(String familyId);

    /** The token rotated from {@code id}, if any. */
    Optional<RefreshToken> successor(String id);

    /** Every refresh token of the family, oldest first. */
    List<RefreshToken> tokens(String familyId);

    /**
     * In one transaction: spends {@code spentId} (only if unspent), marks {@code graceOf} as having used its
     * grace retry (only if it had not, when given; {@code spentId} then gets no retry of its own either), and
     * records {@code successor} — or changes nothing.
     *
     * @return false when the family is revoked or the condition failed (another rotation won)
     */
    boolean rotate(String spentId, Optional<String> graceOf, Instant at, RefreshToken successor);

    /** @return true if newly revoked, false if it was revoked already or is unknown */
    boolean revokeFamily(String familyId, Instant at, String revokedBy, String reason);

    /** Deletes refresh tokens that expired before {@code before}, and families left without any; returns how many tokens. */
    int purgeExpired(Instant before);

    /** No refresh tokens: logins hand out none and every refresh is refused (processes without sessions). */
    static RefreshTokenStore none() {
        return NoRefreshTokens.INSTANCE;
    }

    /** Whether this store keeps refresh tokens at all. */
    default boolean enabled() {
        return true;
    }
}
