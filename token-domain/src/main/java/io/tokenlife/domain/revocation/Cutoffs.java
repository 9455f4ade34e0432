package io.tokenlife.domain.revocation;

import java.time.Instant;

/**
 * The pure rules of a revoke-all cut-off, shared by the subject and the platform-wide kind, the stores
 * and the issuance of new tokens. Cut-offs compare in epoch milliseconds, the precision they are stored in.
 */
public final class Cutoffs {
    /** No cut-off: covers nothing. */
    public static final long NONE = Long.MIN_VALUE;

    private Cutoffs() {
    }

    /** A token issued at or before the cut-off is revoked by it; a token without {@code iat} too (fail closed). */
    public static boolean covers(long cutoffMillis, Instant issuedAt) {
        return cutoffMillis != NONE && (issuedAt == null || issuedAt.toEpochMilli() <= cutoffMillis);
    }

    /** A later cut-off replaces an earlier one, never the reverse (an equal one changes nothing). */
    public static boolean replaces(long candidateMillis, long currentMillis) {
        return candidateMillis > currentMillis;
    }
}
