package io.tokenlife.domain.revocation;

/** Platform-wide revoke-all: every token issued at or before the cut-off ({@link Cutoffs}). */
public final class GlobalCutoff implements RevocationKind {
    public static final RevocationState REVOKED = new RevocationState("global",
            "every token issued before a platform-wide revoke-all has been revoked",
            "issued before a revoke-all cut-off");

    /** The platform's cut-off is now {@code cutoffMillis} (epoch millis), unless a later one is held already. */
    public record Cutoff(long cutoffMillis) implements RevocationChange {
    }

    private volatile long cutoff = Cutoffs.NONE;

    GlobalCutoff() {
    }

    @Override
    public RevocationState check(RevocationQuery token) {
        return Cutoffs.covers(cutoff, token.issuedAt()) ? REVOKED : RevocationState.NOT_REVOKED;
    }

    @Override
    public boolean apply(RevocationChange change) {
        if (!(change instanceof Cutoff offered)) {
            return false;
        }
        if (Cutoffs.replaces(offered.cutoffMillis(), cutoff)) {
            cutoff = offered.cutoffMillis();
        }
        return true;
    }
}
