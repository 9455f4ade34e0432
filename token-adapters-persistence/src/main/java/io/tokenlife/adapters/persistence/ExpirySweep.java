package io.tokenlife.adapters.persistence;

import io.tokenlife.domain.revocation.RevocationIndex;

import java.time.Clock;
import java.time.Duration;

/**
 * Drops index entries whose tokens expired (after {@code exp} + leeway), every sweep interval — also when
 * another process ran the purge, which this process's index would otherwise never hear of.
 */
final class ExpirySweep {
    private final RevocationIndex index;
    private final Duration interval;
    private final Clock clock;
    private final Duration leeway;
    private long nextNanos;

    ExpirySweep(RevocationIndex index, Duration interval, Clock clock, Duration leeway) {
        this.index = index;
        this.interval = interval;
        this.clock = clock;
        this.leeway = leeway;
        this.nextNanos = System.nanoTime() + interval.toNanos();
    }

    void runIfDue() {
        long now = System.nanoTime(); // elapsed time for the schedule; which entries expired follows the clock
        if (now - nextNanos >= 0) {
            nextNanos = now + interval.toNanos();
            index.dropExpiredBefore(clock.instant().minus(leeway));
        }
    }
}
