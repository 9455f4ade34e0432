package io.tokenlife.domain.fakes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The system clock plus an offset the test moves forward: time runs (timeouts, polling work) and can jump
 * (a key's publish-ahead time, a cache's max-age). {@link MutableClock} is the one that stands still.
 */
public final class SteppingClock extends Clock {
    private volatile Duration offset = Duration.ZERO;

    public synchronized void advance(Duration by) {
        offset = offset.plus(by);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
