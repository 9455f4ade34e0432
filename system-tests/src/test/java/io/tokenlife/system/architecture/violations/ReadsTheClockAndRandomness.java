package io.tokenlife.system.architecture.violations;

import java.time.Instant;
import java.util.UUID;

/** Breaks "time and randomness come from the clock and the jti generator", three ways. */
public final class ReadsTheClockAndRandomness {
    private ReadsTheClockAndRandomness() {
    }

    public static Instant now() {
        return Instant.now();
    }

    public static String jti() {
        return UUID.randomUUID().toString();
    }

    public static long millis() {
        return System.currentTimeMillis();
    }
}
