package io.tokenlife.bench.support;

import java.util.Arrays;

/** Nearest-rank percentiles of a sample of durations in nanoseconds. */
public final class Percentiles {
    private final long[] sorted;

    public Percentiles(long[] nanos) {
        this.sorted = nanos.clone();
        Arrays.sort(sorted);
    }

    public int count() {
        return sorted.length;
    }

    /** The value at percentile {@code p} (0–100) in milliseconds. */
    public double millis(double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }

    public double maxMillis() {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6;
    }

    public double minMillis() {
        return sorted.length == 0 ? Double.NaN : sorted[0] / 1e6;
    }
}
