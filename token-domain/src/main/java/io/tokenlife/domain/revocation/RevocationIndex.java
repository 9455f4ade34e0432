package io.tokenlife.domain.revocation;

import java.time.Instant;

/**
 * This process's copy of the live revocations, so that validation never waits on a database: every
 * {@link RevocationKind} with its state, asked in order (jti, subject cut-off, platform cut-off); the first
 * that revokes decides.
 *
 * <p><b>One writer.</b> Every change — this process's own durable write, a notification from another
 * process, the catch-up, the load at start — goes through {@link #apply}, and expiry through
 * {@link #dropExpiredBefore}; both are serialized here, so no two writers ever interleave. Readers
 * ({@link #check}) take no lock and allocate nothing.
 *
 * <p>The persistence adapter keeps one current ({@code PersistenceAdapters.revocationIndex()}); a process
 * without a database has an empty one, which is in sync by definition ({@link #standalone()}).
 */
public final class RevocationIndex {
    private final JtiRevocations jtis = new JtiRevocations();
    /** In the order they are asked; add a new kind here (see the package documentation). */
    private final RevocationKind[] kinds = {jtis, new SubjectCutoffs(), new GlobalCutoff()};
    private volatile boolean inSync;

    /** An empty index, not yet in sync with any durable store. */
    public RevocationIndex() {
    }

    /** An empty index that has nothing to keep in sync with (no database, tests). */
    public static RevocationIndex standalone() {
        RevocationIndex index = new RevocationIndex();
        index.markInSync(true);
        return index;
    }

    /** Whether, and by which kind, the token is revoked. Lock-free and allocation-free. */
    public RevocationState check(RevocationQuery token) {
        for (RevocationKind kind : kinds) {
            RevocationState state = kind.check(token);
            if (state != RevocationState.NOT_REVOKED) {
                return state;
            }
        }
        return RevocationState.NOT_REVOKED;
    }

    /**
     * @param jti the token's jti, may be null
     * @param subject the token's subject, may be null
     * @param issuedAt the token's {@code iat}, may be null (then any cut-off revokes it)
     */
    public RevocationState check(String jti, String subject, Instant issuedAt) {
        return check(RevocationQuery.of(jti, subject, issuedAt));
    }

    /** The single writer: applies one change to the kind it belongs to. */
    public synchronized void apply(RevocationChange change) {
        for (RevocationKind kind : kinds) {
            if (kind.apply(change)) {
                return;
            }
        }
        throw new IllegalArgumentException("no revocation kind applies " + change.getClass().getName());
    }

    /** Forgets revocations whose token expired before the instant (cut-offs stay); returns how many. */
    public synchronized int dropExpiredBefore(Instant before) {
        long millis = before.toEpochMilli();
        int dropped = 0;
        for (RevocationKind kind : kinds) {
            dropped += kind.dropExpiredBefore(millis);
        }
        return dropped;
    }

    /** True while the index is known to be current with the durable store (for {@code /ready}). */
    public boolean inSync() {
        return inSync;
    }

    /** Set by whoever keeps the index current: true after a successful load or catch-up, false while failing. */
    public void markInSync(boolean value) {
        inSync = value;
    }

    /** Pre-sizes the jti table before a bulk load, so the load does not rehash again and again. */
    public synchronized void ensureJtiCapacity(int count) {
        jtis.ensureCapacity(count);
    }

    /** The jti revocations held (for metrics). */
    public int jtiCount() {
        return jtis.size();
    }
}
