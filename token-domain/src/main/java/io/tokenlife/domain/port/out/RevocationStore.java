package io.tokenlife.domain.port.out;

import io.tokenlife.domain.revocation.Revocation;
import io.tokenlife.domain.revocation.RevocationCutoff;
import io.tokenlife.domain.revocation.RevocationIndex;

import java.time.Instant;

/**
 * Durable revocations. A method returns only once the revocation is durable, and makes it visible to
 * this process's {@link RevocationIndex} before it returns (through {@link RevocationIndex#apply}, the
 * index's single writer); other processes see it within a bounded delay.
 * In the same transaction it marks the matching rows of the {@link IssuedTokenStore} revoked
 * ({@code revoked_at}, {@code revoked_by}, {@code reason}), so registry and revocations never disagree.
 * Throws {@link StoreUnavailableException} when the store is down.
 */
public interface RevocationStore {
    /** @return true if newly revoked, false if the jti was revoked already (not an error) */
    boolean revoke(Revocation revocation);

    /** Records a subject or platform-wide cut-off; a later cut-off replaces an earlier one, never the reverse. */
    void revokeAll(RevocationCutoff cutoff);

    /** Deletes jti revocations whose token expired before {@code before}; returns how many. */
    int purgeExpiredRevocations(Instant before);
}
