package io.tokenlife.domain.revocation;

import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Revocation of one token by its {@code jti}. UUID jtis (nearly all of them) sit in a compact primitive
 * table ({@link UuidRevocationTable}); other jtis in a small map. Each entry remembers when its token
 * expires, so it can be forgotten then.
 */
public final class JtiRevocations implements RevocationKind {
    public static final RevocationState REVOKED = new RevocationState("jti", "the token has been revoked",
            "jti revoked before it was recorded");

    /**
     * A jti became revoked.
     *
     * @param expiresAtMillis when the token expires, epoch millis; {@link Long#MAX_VALUE} when unknown
     */
    public record Revoked(String jti, long expiresAtMillis) implements RevocationChange {
        public static Revoked of(String jti, Instant expiresAt) {
            return new Revoked(jti, expiresAt == null ? Long.MAX_VALUE : expiresAt.toEpochMilli());
        }
    }

    private final UuidRevocationTable uuids = new UuidRevocationTable();
    /** jti → expiry millis ({@link Long#MAX_VALUE} when unknown), for jtis that are not canonical UUIDs */
    private final Map<String, Long> otherJtis = new ConcurrentHashMap<>();

    JtiRevocations() {
    }

    @Override
    public RevocationState check(RevocationQuery token) {
        return token.jti() != null && contains(token.jti()) ? REVOKED : RevocationState.NOT_REVOKED;
    }

    boolean contains(String jti) {
        if (UuidKeys.isCanonical(jti)) {
            long high = UuidKeys.high(jti);
            long low = UuidKeys.low(jti);
            if (UuidRevocationTable.storable(high, low)) {
                return uuids.contains(high, low);
            }
        }
        return otherJtis.containsKey(jti);
    }

    @Override
    public boolean apply(RevocationChange change) {
        if (!(change instanceof Revoked revoked)) {
            return false;
        }
        String jti = revoked.jti();
        if (UuidKeys.isCanonical(jti)) {
            long high = UuidKeys.high(jti);
            long low = UuidKeys.low(jti);
            if (UuidRevocationTable.storable(high, low)) {
                uuids.add(high, low, revoked.expiresAtMillis());
                return true;
            }
        }
        otherJtis.merge(jti, revoked.expiresAtMillis(), Math::max);
        return true;
    }

    @Override
    public int dropExpiredBefore(long beforeMillis) {
        int dropped = uuids.removeExpiredBefore(beforeMillis);
        for (Iterator<Long> it = otherJtis.values().iterator(); it.hasNext(); ) {
            if (it.next() < beforeMillis) {
                it.remove();
                dropped++;
            }
        }
        return dropped;
    }

    void ensureCapacity(int jtis) {
        uuids.ensureCapacity(jtis);
    }

    int size() {
        return uuids.size() + otherJtis.size();
    }
}
