package io.tokenlife.bench.issuance;

import io.tokenlife.bench.support.Keys;
import io.tokenlife.bench.support.Machine;
import io.tokenlife.bench.support.Stack;
import io.tokenlife.domain.model.TokenRecord;
import io.tokenlife.domain.model.TokenSource;
import io.tokenlife.domain.model.TokenUse;
import io.tokenlife.domain.port.out.IssuedTokenStore;
import io.tokenlife.domain.port.out.JtiGenerator;
import io.tokenlife.domain.service.UuidJtiGenerator;
import io.tokenlife.domain.settings.SigningAlgorithm;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What recording costs without signing: {@code T} callers record registry rows ({@code IssuedTokenStore.record},
 * the persistence adapter's batching writer, an H2 file as the service's default) as fast as they can, after a
 * warm-up long enough for the JIT to compile H2's write path. Prints per caller count the rows per second — the
 * most {@code issue} can reach at that concurrency whatever the algorithm — and the CPU time per row of the
 * whole process and of the registry's own threads, which the machine's load moves far less than the rate.
 * Each caller count runs twice, with the service's time-ordered jtis and with random (version 4) UUIDs, the
 * baseline of the same run (ADR 0013); {@code subjects} spreads the rows over that many subjects (1: the
 * JMH benchmarks' single subject).
 *
 * <pre>java -cp bench/target/tokenlife-bench.jar io.tokenlife.bench.issuance.RegistryWriteCost [threads=8,32] [seconds=10] [warmup=20] [subjects=1]</pre>
 */
public final class RegistryWriteCost {
    private static final JtiGenerator JTIS = new UuidJtiGenerator();
    /** The service's jtis, and the random UUIDs it made before ADR 0013. */
    private static final List<Map.Entry<String, JtiGenerator>> LAYOUTS = List.of(
            Map.entry("time-ordered", JTIS), Map.entry("random", () -> UUID.randomUUID().toString()));

    private RegistryWriteCost() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> threadCounts = new ArrayList<>();
        for (String t : (args.length > 0 ? args[0] : "8,32").split(",")) {
            threadCounts.add(Integer.parseInt(t.trim()));
        }
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int subjects = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        System.out.println("registry write cost: " + Machine.describe());
        Path dir = Files.createTempDirectory("tokenlife-registry-cost");
        try {
            Map<String, String> env = new HashMap<>(Keys.variables(SigningAlgorithm.HS256, dir));
            env.put("DATABASE_URL", "jdbc:h2:file:" + dir.resolve("registry"));
            try (Stack stack = Stack.open(env, false)) {
                IssuedTokenStore registry = stack.persistence().registry();
                run(registry, threadCounts.get(threadCounts.size() - 1), warmup, JTIS, subjects); // JIT warm-up
                System.out.printf("%n%s subject(s)%n%7s %-13s %10s %16s %18s %10s%n", subjects, "callers", "jti",
                        "rows/s", "process cpu/row", "registry cpu/row", "load");
                for (int threads : threadCounts) {
                    for (Map.Entry<String, JtiGenerator> layout : LAYOUTS) {
                        double[] r = run(registry, threads, seconds, layout.getValue(), subjects);
                        System.out.printf("%7d %-13s %10.0f %13.1f µs %15.1f µs %10s%n", threads, layout.getKey(), r[0],
                                r[1], r[2], Machine.loadAverage().split(" ")[0]);
                    }
                }
            }
        } finally {
            Keys.deleteRecursively(dir);
        }
    }

    /** {rows per second, process CPU µs per row, registry threads' CPU µs per row}. */
    private static double[] run(IssuedTokenStore registry, int threads, int seconds, JtiGenerator jtis, int subjects)
            throws InterruptedException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        AtomicLong rows = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long cpu0 = processCpu();
        long registry0 = registryThreadsCpu();
        long start = System.nanoTime();
        List<Thread> callers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread caller = new Thread(() -> {
                while (System.nanoTime() < end) {
                    String subject = "bench-" + ThreadLocalRandom.current().nextInt(subjects) + "@example.com";
                    registry.record(new TokenRecord(jtis.newJti(), subject, TokenSource.CLI,
                            TokenUse.SESSION, null, null, now, now.plusSeconds(3600), null, null, null, null));
                    rows.incrementAndGet();
                }
            });
            callers.add(caller);
            caller.start();
        }
        for (Thread caller : callers) {
            caller.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long n = rows.get();
        return new double[] {n / elapsed, (processCpu() - cpu0) / 1e3 / n, (registryThreadsCpu() - registry0) / 1e3 / n};
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** CPU time of the persistence adapter's registry threads ({@code tokenlife-registry-*}). */
    private static long registryThreadsCpu() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("tokenlife-registry")) {
                sum += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return sum;
    }
}
