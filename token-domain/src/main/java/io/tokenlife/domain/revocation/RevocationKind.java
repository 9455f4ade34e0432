package io.tokenlife.domain.revocation;

/**
 * One kind of revocation: a pure rule over a token's {@link RevocationQuery} and the state this kind holds
 * in memory. {@link RevocationIndex} asks each kind in turn; the first that revokes decides.
 *
 * <p>Threading: {@link #check} runs on every validation, concurrently, and must take no lock and allocate
 * nothing (read volatile or concurrent state). {@link #apply} and {@link #dropExpiredBefore} are only ever
 * called by the index's single writer, one at a time.
 */
public interface RevocationKind {
    /** This kind's state for the token ({@code REVOKED} constant) or {@link RevocationState#NOT_REVOKED}. */
    RevocationState check(RevocationQuery token);

    /**
     * Applies the change if it is of this kind and returns true; returns false for another kind's change.
     * Idempotent, and an older change never undoes a newer one.
     */
    boolean apply(RevocationChange change);

    /** Forgets what can no longer matter: revocations of tokens that expired before the instant. */
    default int dropExpiredBefore(long beforeMillis) {
        return 0;
    }
}
