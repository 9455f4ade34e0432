package io.tokenlife.adapters.persistence;

import io.tokenlife.domain.model.RevocationState;
import io.tokenlife.domain.model.Subjects;
import io.tokenlife.domain.port.out.RevocationIndex;

import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This process's copy of the live revocations. UUID jtis (nearly all of them) sit in a compact
 * primitive table; other jtis in a small map; subject cut-offs in a map; the global cut-off in a volatile.
 * Lookups take no lock and allocate nothing.
 */
final class MemoryRevocationIndex implements RevocationIndex {
    private static final long NONE = Long.MIN_VALUE;

    private final UuidRevocationTable uuids = new UuidRevocationTable();
    /** jti → expiry millis ({@link Long#MAX_VALUE} when unknown), for jtis that are not canonical UUIDs */
    private final Map<String, Long> otherJtis = new ConcurrentHashMap<>();
    /** lower-cased subject → cut-off millis */
    private final Map<String, Long> subjectCutoffs = new ConcurrentHashMap<>();
    private volatile long globalCutoff = NONE;
    private volatile boolean inSync;

    @Override
    public RevocationState check(String jti, String subject, Instant issuedAt) {
        if (jti != null && isJtiRevoked(jti)) {
            return RevocationState.JTI_REVOKED;
        }
        if (subject != null && !subjectCutoffs.isEmpty()) {
            // normalize returns the same instance for an already normalized subject: no allocation
            Long cutoff = subjectCutoffs.get(Subjects.normalize(subject));
            if (cutoff != null && covers(cutoff, issuedAt)) {
                return RevocationState.SUBJECT_CUTOFF;
            }
        }
        long global = globalCutoff;
        if (global != NONE && covers(global, issuedAt)) {
            return RevocationState.GLOBAL_CUTOFF;
        }
        return RevocationState.NOT_REVOKED;
    }

    boolean isJtiRevoked(String jti) {
        if (UuidKeys.isCanonical(jti)) {
            long high = UuidKeys.high(jti);
            long low = UuidKeys.low(jti);
            if (UuidRevocationTable.storable(high, low)) {
                return uuids.contains(high, low);
            }
        }
        return otherJtis.containsKey(jti);
    }

    private static boolean covers(long cutoffMillis, Instant issuedAt) {
        return issuedAt == null || issuedAt.toEpochMilli() <= cutoffMillis;
    }

    @Override
    public boolean inSync() {
        return inSync;
    }

    void markInSync(boolean value) {
        inSync = value;
    }

    /** @param expiresAtMillis epoch millis, or {@link Long#MAX_VALUE} when the token's expiry is unknown */
    void addJti(String jti, long expiresAtMillis) {
        if (UuidKeys.isCanonical(jti)) {
            long high = UuidKeys.high(jti);
            long low = UuidKeys.low(jti);
            if (UuidRevocationTable.storable(high, low)) {
                uuids.add(high, low, expiresAtMillis);
                return;
            }
        }
        otherJtis.merge(jti, expiresAtMillis, Math::max);
    }

    /** A later cut-off replaces an earlier one, never the reverse. */
    void applySubjectCutoff(String subject, long cutoffMillis) {
        subjectCutoffs.merge(Subjects.normalize(subject), cutoffMillis, Math::max);
    }

    synchronized void applyGlobalCutoff(long cutoffMillis) {
        if (cutoffMillis > globalCutoff) {
            globalCutoff = cutoffMillis;
        }
    }

    void ensureCapacity(int jtis) {
        uuids.ensureCapacity(jtis);
    }

    /** Forgets jti revocations whose token expired before the instant; cut-offs stay. */
    int dropExpiredBefore(long beforeMillis) {
        int dropped = uuids.removeExpiredBefore(beforeMillis);
        for (Iterator<Long> it = otherJtis.values().iterator(); it.hasNext(); ) {
            if (it.next() < beforeMillis) {
                it.remove();
                dropped++;
            }
        }
        return dropped;
    }

    int jtiCount() {
        return uuids.size() + otherJtis.size();
    }
}
