package io.tokenlife.domain.revocation;

/**
 * One revocation as the index learns it — from this process's own durable write, a notification from
 * another process, the periodic catch-up or the load at start: all four go through
 * {@link RevocationIndex#apply}. Each {@link RevocationKind} declares its own change record beside it
 * ({@link JtiRevocations.Revoked}, {@link SubjectCutoffs.Cutoff}, {@link GlobalCutoff.Cutoff}).
 * Applying a change twice, or an older one after a newer one, must change nothing.
 */
public interface RevocationChange {
}
