package io.tokenlife.adapters.persistence;

import io.tokenlife.domain.revocation.GlobalCutoff;
import io.tokenlife.domain.revocation.JtiRevocations;
import io.tokenlife.domain.revocation.RevocationChange;
import io.tokenlife.domain.revocation.RevocationIndex;
import io.tokenlife.domain.revocation.SubjectCutoffs;
import org.jdbi.v3.core.Handle;

import java.util.function.Consumer;

/**
 * Reads revocations back from their tables as {@link RevocationChange}s: everything live (the load at
 * start) or everything above a sequence number (the catch-up). Every revocation table has a {@code seq}
 * column taken from {@code revocation_sequence}; a new kind of revocation adds its table's query here.
 */
final class RevocationRows {
    private static final int LOAD_FETCH_SIZE = 10_000;

    private RevocationRows() {
    }

    /** The sequence number of the newest committed revocation. */
    static long lastSequence(Handle h) {
        return h.createQuery("SELECT last_seq FROM revocation_sequence WHERE id = 1").mapTo(Long.class).one();
    }

    /** Every jti revocation whose token expires at or after the horizon, and every cut-off; returns the jti count. */
    static int loadLive(Handle h, long horizonMillis, RevocationIndex index) {
        long count = h.createQuery("SELECT COUNT(*) FROM jti_revocations").mapTo(Long.class).one();
        index.ensureJtiCapacity((int) Math.min(Integer.MAX_VALUE / 2, count));
        int loaded = h.createQuery("SELECT jti, expires_at FROM jti_revocations")
                .setFetchSize(LOAD_FETCH_SIZE)
                .scanResultSet((supplier, ctx) -> {
                    var rs = supplier.get();
                    int n = 0;
                    while (rs.next()) {
                        long expires = rs.getLong(2);
                        long expiry = rs.wasNull() ? Long.MAX_VALUE : expires;
                        if (expiry >= horizonMillis) {
                            index.apply(new JtiRevocations.Revoked(rs.getString(1), expiry));
                            n++;
                        }
                    }
                    return n;
                });
        cutoffsSince(h, Long.MIN_VALUE, index::apply);
        return loaded;
    }

    /** Hands every revocation with a sequence above {@code seen} to the sink; returns the highest sequence seen. */
    static long since(Handle h, long seen, Consumer<RevocationChange> sink) {
        long jtis = h.createQuery("SELECT jti, expires_at, seq FROM jti_revocations WHERE seq > :seq")
                .bind("seq", seen)
                .reduceRows(seen, (max, row) -> {
                    Long expires = row.getColumn("expires_at", Long.class);
                    sink.accept(new JtiRevocations.Revoked(row.getColumn("jti", String.class),
                            expires == null ? Long.MAX_VALUE : expires));
                    return Math.max(max, row.getColumn("seq", Long.class));
                });
        return Math.max(jtis, cutoffsSince(h, seen, sink));
    }

    private static long cutoffsSince(Handle h, long seen, Consumer<RevocationChange> sink) {
        return h.createQuery("SELECT kind, subject, cutoff, seq FROM revocation_cutoffs WHERE seq > :seq")
                .bind("seq", seen)
                .reduceRows(seen, (max, row) -> {
                    long cutoff = row.getColumn("cutoff", Long.class);
                    sink.accept("global".equals(row.getColumn("kind", String.class))
                            ? new GlobalCutoff.Cutoff(cutoff)
                            : new SubjectCutoffs.Cutoff(row.getColumn("subject", String.class), cutoff));
                    return Math.max(max, row.getColumn("seq", Long.class));
                });
    }
}
