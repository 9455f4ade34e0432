package io.tokenlife.bench.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One line describing where a figure was measured: cores, JDK, load average (the machine may be shared). */
public final class Machine {
    private Machine() {
    }

    public static String describe() {
        return String.format("%d cores, JDK %s, load average %s", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), loadAverage());
    }

    /** The three figures of /proc/loadavg (1, 5, 15 minutes), or the JMX 1-minute figure elsewhere. */
    public static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return String.format("%.2f", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }
}
