package io.tokenlife.domain.revocation;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The {@code iat} a new token gets, so that no cut-off already held covers it — and so that it is never in
 * the future, which validation with {@code JWT_LEEWAY_SECONDS=0} would refuse.
 *
 * <p>{@code iat} is whole seconds, and a cut-off revokes every token issued at or before it
 * ({@link Cutoffs#covers}, in milliseconds). A token issued in the same second as a revoke-all of its
 * subject (a login right after a password change) would be born revoked if stamped with that second; it is
 * stamped to the millisecond instead, which the cut-off does not cover because it was issued after it. Only
 * then does a token carry a fractional {@code iat} (RFC 7519 allows a non-integer NumericDate).
 */
public final class IssuanceStamp {
    private IssuanceStamp() {
    }

    /** The issue time of a token for {@code subject} issued at {@code now}. */
    public static Instant issuedAt(RevocationIndex index, String subject, Instant now) {
        Instant second = now.truncatedTo(ChronoUnit.SECONDS);
        if (!covered(index, subject, second)) {
            return second;
        }
        Instant milli = now.truncatedTo(ChronoUnit.MILLIS);
        if (!covered(index, subject, milli)) {
            return milli;
        }
        // the cut-off is this very millisecond: one millisecond later, ahead of the clock by less than that
        Instant next = milli.plusMillis(1);
        if (!covered(index, subject, next)) {
            return next;
        }
        // a cut-off ahead of this process's clock (another replica's): the next whole second
        return second.plusSeconds(1);
    }

    private static boolean covered(RevocationIndex index, String subject, Instant issuedAt) {
        return index.check(RevocationQuery.issuance(subject, issuedAt)).isRevoked();
    }
}
