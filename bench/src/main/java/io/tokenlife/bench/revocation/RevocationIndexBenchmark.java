package io.tokenlife.bench.revocation;

import io.tokenlife.domain.revocation.JtiRevocations;
import io.tokenlife.adapters.persistence.PersistenceAdapters;
import io.tokenlife.domain.revocation.RevocationState;
import io.tokenlife.domain.revocation.RevocationIndex;
import io.tokenlife.domain.settings.TokenlifeSettings;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The revocation index at scale: heap held by N live jti revocations (default 1,000,000), the time to
 * load them at start from H2 and from PostgreSQL (rows inserted beforehand, outside the timing), and the
 * cost of one lookup, hit and miss. A standalone main rather than JMH: the interesting figures are a
 * one-off load and a heap size, and the lookup loop is long enough for the JIT to settle.
 *
 * <pre>
 * ./mvnw -q -o -Pbench -pl bench -am -DskipTests package
 * java -Xmx1g -cp bench/target/tokenlife-bench.jar io.tokenlife.bench.revocation.RevocationIndexBenchmark [N] [--no-postgres]
 * </pre>
 */
public final class RevocationIndexBenchmark {
    private static final String PG_ADMIN = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
    private static final int SAMPLE = 10_000;
    private static final long LOOKUPS = 20_000_000L;
    private static final PrintStream OUT = System.out;

    private RevocationIndexBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 && !args[0].startsWith("--") ? Integer.parseInt(args[0]) : 1_000_000;
        boolean postgres = !List.of(args).contains("--no-postgres");
        OUT.printf("revocation index benchmark: %,d live jti revocations, JDK %s, %d cores, max heap %d MB%n",
                n, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);

        Path dir = Files.createTempDirectory("tokenlife-bench");
        String h2 = "jdbc:h2:file:" + dir.resolve("tokenlife");
        try {
            run("H2 (file)", h2, n, RevocationIndexBenchmark::fillH2);
        } finally {
            deleteRecursively(dir); // a million rows make a file of about 2 GB
        }
        if (postgres) {
            String name = "tl_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            exec(PG_ADMIN, "CREATE DATABASE " + name);
            try {
                run("PostgreSQL", "jdbc:postgresql://127.0.0.1:5432/" + name + "?user=postgres", n,
                        RevocationIndexBenchmark::fillPostgres);
            } finally {
                exec(PG_ADMIN, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }
    }

    interface Filler {
        void fill(Connection c, int n) throws SQLException;
    }

    private static void run(String label, String url, int n, Filler filler) throws Exception {
        TokenlifeSettings settings = TokenlifeSettings.fromMap(Map.of("DATABASE_URL", url));
        try (PersistenceAdapters adapters = PersistenceAdapters.open(settings, Clock.systemUTC())) {
            adapters.migrate();
            List<String> hits = new ArrayList<>();
            try (Connection c = DriverManager.getConnection(completed(url))) {
                long t = System.nanoTime();
                filler.fill(c, n);
                OUT.printf("%s: inserted %,d revocations in %.1f s (not timed below)%n", label, n, (System.nanoTime() - t) / 1e9);
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                        "SELECT jti FROM jti_revocations ORDER BY jti LIMIT " + SAMPLE)) {
                    while (rs.next()) {
                        hits.add(rs.getString(1));
                    }
                }
            }
            long before = usedHeapAfterGc();
            long start = System.nanoTime();
            adapters.startRevocationSync();
            long loadMillis = (System.nanoTime() - start) / 1_000_000;
            long after = usedHeapAfterGc();
            OUT.printf("%s: loaded %,d live revocations at start in %,d ms; heap held %.1f MB (%.1f bytes each)%n",
                    label, adapters.liveRevocations(), loadMillis, (after - before) / 1048576.0,
                    (after - before) / (double) adapters.liveRevocations());
            lookups(label, adapters.revocationIndex(), hits);
        }
    }

    private static void lookups(String label, RevocationIndex index, List<String> hitList) {
        String[] hits = hitList.toArray(new String[0]);
        String[] misses = new String[hits.length];
        for (int i = 0; i < misses.length; i++) {
            misses[i] = UUID.randomUUID().toString();
        }
        Instant iat = Instant.now();
        for (int warm = 0; warm < 3; warm++) {
            loop(index, hits, iat, LOOKUPS / 10, JtiRevocations.REVOKED);
            loop(index, misses, iat, LOOKUPS / 10, RevocationState.NOT_REVOKED);
        }
        var threads = ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        double hit = loop(index, hits, iat, LOOKUPS, JtiRevocations.REVOKED);
        long cpu1 = threads.getCurrentThreadCpuTime();
        double miss = loop(index, misses, iat, LOOKUPS, RevocationState.NOT_REVOKED);
        long cpu2 = threads.getCurrentThreadCpuTime();
        // CPU time excludes the time this thread waited for a core on a shared machine
        OUT.printf("%s: lookup hit %.1f ns/op wall, %.1f ns/op CPU; miss %.1f ns/op wall, %.1f ns/op CPU "
                        + "(single thread, full check: jti + subject + iat)%n",
                label, hit, (cpu1 - cpu0) / (double) LOOKUPS, miss, (cpu2 - cpu1) / (double) LOOKUPS);
    }

    /** ns per check; fails loudly if any answer is wrong (and keeps the JIT from removing the loop). */
    private static double loop(RevocationIndex index, String[] jtis, Instant iat, long ops, RevocationState expected) {
        long wrong = 0;
        int mask = jtis.length;
        long start = System.nanoTime();
        for (long i = 0; i < ops; i++) {
            if (index.check(jtis[(int) (i % mask)], "bench@example.com", iat) != expected) {
                wrong++;
            }
        }
        long elapsed = System.nanoTime() - start;
        if (wrong != 0) {
            throw new IllegalStateException(wrong + " wrong answers, expected " + expected);
        }
        return elapsed / (double) ops;
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    private static void fillH2(Connection c, int n) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("INSERT INTO jti_revocations (jti, subject, revoked_at, revoked_by, reason, expires_at, seq) "
                    + "SELECT CAST(RANDOM_UUID() AS VARCHAR), 'user' || \"X\" || '@example.com', 0, 'bench', NULL, "
                    + (System.currentTimeMillis() + 86_400_000L) + ", \"X\" FROM SYSTEM_RANGE(1, " + n + ")");
            s.execute("UPDATE revocation_sequence SET last_seq = " + n);
        }
    }

    private static void fillPostgres(Connection c, int n) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("INSERT INTO jti_revocations (jti, subject, revoked_at, revoked_by, reason, expires_at, seq) "
                    + "SELECT gen_random_uuid()::text, 'user' || g || '@example.com', 0, 'bench', NULL, "
                    + (System.currentTimeMillis() + 86_400_000L) + ", g FROM generate_series(1, " + n + ") g");
            s.execute("UPDATE revocation_sequence SET last_seq = " + n);
            s.execute("ANALYZE jti_revocations");
        }
    }

    /** The same options the adapter appends, so this second connection opens the same H2 database. */
    private static String completed(String url) {
        return url.startsWith("jdbc:h2:")
                ? url + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE"
                : url;
    }

    private static void deleteRecursively(Path dir) throws java.io.IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static void exec(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
