package io.tokenlife.adapters.persistence;

import io.tokenlife.domain.revocation.RevocationIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;

/**
 * Brings the index up to the durable store by sequence number: the full load at start, then every
 * revocation above the last sequence seen. Only the catch-up advances that sequence (a notification is
 * applied at once but read again here), so a lost notification is always repaired. Reports whether the
 * index is in sync: false from a failed catch-up until one succeeds again.
 */
final class RevocationCatchUp {
    private static final Logger LOG = LoggerFactory.getLogger(RevocationCatchUp.class);

    private final Database db;
    private final RevocationIndex index;
    private final Clock clock;
    private final Duration leeway;
    private volatile long lastSeen;
    private boolean failing;

    RevocationCatchUp(Database db, RevocationIndex index, Clock clock, Duration leeway) {
        this.db = db;
        this.index = index;
        this.clock = clock;
        this.leeway = leeway;
    }

    /** Loads every live revocation; throws when the database cannot be read. Returns the jti count. */
    int loadAll() {
        long horizon = clock.instant().minus(leeway).toEpochMilli();
        int loaded = db.inTransaction("load revocations", h -> {
            // read the sequence first: anything committed meanwhile is read again by the catch-up, never skipped
            long seq = RevocationRows.lastSequence(h);
            int n = RevocationRows.loadLive(h, horizon, index);
            lastSeen = seq;
            return n;
        });
        index.markInSync(true);
        return loaded;
    }

    /** Applies every revocation with a sequence above the last seen; never throws. */
    void run() {
        try {
            long seen = lastSeen;
            long newest = db.withHandle("revocation catch-up", h -> RevocationRows.since(h, seen, index::apply));
            lastSeen = Math.max(lastSeen, newest);
            if (failing) {
                LOG.info("revocation catch-up recovered; index in sync at sequence {}", lastSeen);
            }
            failing = false;
            index.markInSync(true);
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.warn("revocation catch-up failing, the index keeps answering from memory: {}", e.getMessage());
            }
            failing = true;
            index.markInSync(false);
        }
    }

    /** A notified change, applied at once; its sequence is left to {@link #run()}. */
    void applyNotified(RevocationEvent event) {
        index.apply(event.change());
    }

    long lastSeen() {
        return lastSeen;
    }
}
