package io.tokenlife.bench.startup;

import io.tokenlife.bench.support.Keys;
import io.tokenlife.bench.support.Machine;
import io.tokenlife.bench.support.Postgres;
import io.tokenlife.bench.support.ServerProcess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Time from process start to the first 200 from {@code GET /ready} (polled every millisecond), with an empty
 * database: N runs on H2 in memory, one on a fresh PostgreSQL database. Baseline: the same JVM starting and
 * exiting an empty main (the part of the start no service code can remove). Target: ≤ 1.5 s.
 * Without JVM options of its own it also measures the two remedies the start-up profile points at:
 * {@code -XX:TieredStopAtLevel=1 -XX:+UseSerialGC}, and those with an AppCDS archive made by a training run.
 * <pre>
 * java -cp bench/target/tokenlife-bench.jar io.tokenlife.bench.startup.StartupBenchmark [N=5] [--no-postgres] [-- JVM options for the server]
 * </pre>
 * Run from the repository root (it starts {@code token-app-http/target/tokenlife-server.jar}).
 */
public final class StartupBenchmark {
    private StartupBenchmark() {
    }

    /** The baseline: a JVM that starts and exits. */
    public static final class EmptyMain {
        public static void main(String[] args) {
        }
    }

    public static void main(String[] args) throws Exception {
        int n = 5;
        boolean postgres = true;
        boolean variants = true;
        List<String> jvm = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--")) {
                jvm.addAll(Arrays.asList(args).subList(i + 1, args.length));
                variants = false; // measure exactly the options given
                break;
            } else if (args[i].equals("--no-postgres")) {
                postgres = false;
            } else {
                n = Integer.parseInt(args[i]);
            }
        }
        System.out.printf("startup benchmark: %d runs per configuration, %s%n", n, Machine.describe());
        Path dir = Files.createTempDirectory("tokenlife-startup");
        try {
            long[] baseline = new long[n];
            for (int i = 0; i < n; i++) {
                baseline[i] = emptyJvm(jvm);
            }
            Arrays.sort(baseline);
            List<String> rows = new ArrayList<>();
            rows.add(String.format("%-50s %6d ms %6d ms %8s", "baseline: JVM runs an empty main", baseline[0], baseline[n / 2], "1.00x"));
            long h2Median = measure("server, empty H2 in memory" + (jvm.isEmpty() ? "" : " " + jvm), jvm, n, dir, baseline, rows);
            if (postgres && Postgres.reachable()) {
                try (Postgres db = Postgres.createDatabase()) {
                    long pg = startToReady(variables(db.url()), jvm, dir);
                    rows.add(String.format("%-50s %6d ms %9s %7.2fx", "server, empty PostgreSQL (1 run)", pg, "-",
                            pg / (double) baseline[n / 2]));
                }
            } else if (postgres) {
                rows.add("PostgreSQL not reachable at " + Postgres.HOST + ": skipped");
            }
            if (variants) {
                // what the profile points at: class loading and verification, and JIT threads competing for 2 cores
                List<String> quick = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
                measure("  with " + String.join(" ", quick), quick, n, dir, baseline, rows);
                Path archive = dir.resolve("tokenlife-server.jsa");
                List<String> training = List.of("-XX:ArchiveClassesAtExit=" + archive);
                startToReady(variables("jdbc:h2:mem:training;DB_CLOSE_DELAY=-1"), training, dir); // dumps at exit
                List<String> cds = new ArrayList<>(quick);
                cds.add("-XX:SharedArchiveFile=" + archive);
                measure("  with those and an AppCDS archive", cds, n, dir, baseline, rows);
            }
            System.out.printf("%n%-50s %9s %9s %8s%n", "process start -> first 200 /ready", "min", "median", "ratio");
            rows.forEach(System.out::println);
            System.out.printf("target 1,500 ms (median, H2, default JVM options): %s; load average after the run: %s%n",
                    h2Median <= 1500 ? "met" : "MISSED", Machine.loadAverage());
        } finally {
            Keys.deleteRecursively(dir);
        }
    }

    private static long measure(String label, List<String> jvm, int n, Path dir, long[] baseline, List<String> rows) {
        long[] runs = new long[n];
        for (int i = 0; i < n; i++) {
            runs[i] = startToReady(variables("jdbc:h2:mem:startup;DB_CLOSE_DELAY=-1"), jvm, dir);
            System.out.printf("  %s, run %d: %d ms%n", label.trim(), i + 1, runs[i]);
        }
        Arrays.sort(runs);
        rows.add(String.format("%-50s %6d ms %6d ms %7.2fx", label, runs[0], runs[n / 2], runs[n / 2] / (double) baseline[n / 2]));
        return runs[n / 2];
    }

    private static Map<String, String> variables(String databaseUrl) {
        byte[] secret = new byte[48];
        new SecureRandom().nextBytes(secret);
        Map<String, String> env = new HashMap<>();
        env.put("DATABASE_URL", databaseUrl);
        env.put("JWT_SECRET_KEY", Base64.getEncoder().encodeToString(secret));
        env.put("LOG_FORMAT", "text");
        return env;
    }

    private static long startToReady(Map<String, String> env, List<String> jvm, Path dir) {
        try (ServerProcess server = ServerProcess.start(env, jvm, dir)) {
            return server.awaitReady(Duration.ofSeconds(60)).toMillis();
        }
    }

    private static long emptyJvm(List<String> jvm) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvm);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), EmptyMain.class.getName()));
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).inheritIO().start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("the empty JVM did not exit within 30 s");
        }
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }
}
