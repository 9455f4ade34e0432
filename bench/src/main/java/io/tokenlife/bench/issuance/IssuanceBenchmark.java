package io.tokenlife.bench.issuance;

import io.tokenlife.bench.support.Keys;
import io.tokenlife.bench.support.Machine;
import io.tokenlife.bench.support.Postgres;
import io.tokenlife.bench.support.Stack;
import io.tokenlife.domain.assembly.DomainSettings;
import io.tokenlife.domain.model.TokenClaims;
import io.tokenlife.domain.model.TokenSource;
import io.tokenlife.domain.policy.IssuancePolicy;
import io.tokenlife.domain.port.in.IssueTokenCommand;
import io.tokenlife.domain.port.in.IssueTokenResult;
import io.tokenlife.domain.port.in.IssueTokenUseCase;
import io.tokenlife.domain.port.out.TokenSigner;
import io.tokenlife.domain.settings.SigningAlgorithm;
import io.tokenlife.domain.settings.TokenlifeSettings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Issuance cost: {@code TokenServices.issueToken()} (policy, sign, record the registry row) over the real
 * JWT adapter and the real persistence adapter, on H2 (a file in a temp directory) and on PostgreSQL (a
 * database {@code tl_bench_<random>} created and dropped), with 1, 2 and 8 concurrent callers, for HS256
 * and ES256. Baseline: signing alone ({@code JwtAdapters.signer().sign}) with the same number of callers,
 * so the ratio shows what recording costs.
 *
 * <p>A standalone main with a fixed duration per cell (default 1 s warm-up + 3 s measured):
 * <pre>
 * java -cp bench/target/tokenlife-bench.jar io.tokenlife.bench.issuance.IssuanceBenchmark [--seconds 3] [--threads 1,2,8]
 *      [--alg HS256,ES256] [--no-postgres]
 * </pre>
 */
public final class IssuanceBenchmark {
    private IssuanceBenchmark() {
    }

    interface Operation {
        void run(int thread, long i);
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        System.out.printf("issuance benchmark: %s; %d s warm-up + %d s per cell%n", Machine.describe(), o.warmup, o.seconds);
        boolean postgres = o.postgres && Postgres.reachable();
        if (o.postgres && !postgres) {
            System.out.println("PostgreSQL not reachable at " + Postgres.HOST + ": its column is skipped");
        }
        Path dir = Files.createTempDirectory("tokenlife-issuance");
        List<String> rows = new ArrayList<>();
        try {
            for (SigningAlgorithm alg : o.algorithms) {
                Map<String, String> key = Keys.variables(alg, dir);
                Map<Integer, Double> sign = new LinkedHashMap<>();
                Map<Integer, Double> h2 = new LinkedHashMap<>();
                Map<Integer, Double> pg = new LinkedHashMap<>();
                Map<String, String> h2Vars = new LinkedHashMap<>(key);
                h2Vars.put("DATABASE_URL", "jdbc:h2:file:" + dir.resolve("issuance-" + alg.joseName()));
                try (Stack stack = Stack.open(h2Vars, false)) {
                    TokenSigner signer = stack.jwt().signer();
                    TokenClaims claims = claims(stack.settings());
                    for (int threads : o.threads) {
                        sign.put(threads, measure(threads, o, (t, i) -> {
                            if (signer.sign(claims).isEmpty()) {
                                throw new IllegalStateException("empty token");
                            }
                        }));
                    }
                    for (int threads : o.threads) {
                        h2.put(threads, measure(threads, o, issuing(stack.services().issueToken())));
                    }
                }
                if (postgres) {
                    try (Postgres db = Postgres.createDatabase()) {
                        Map<String, String> pgVars = new LinkedHashMap<>(key);
                        pgVars.put("DATABASE_URL", db.url());
                        try (Stack stack = Stack.open(pgVars, false)) {
                            for (int threads : o.threads) {
                                pg.put(threads, measure(threads, o, issuing(stack.services().issueToken())));
                            }
                        }
                    }
                }
                for (int threads : o.threads) {
                    double s = sign.get(threads);
                    double h = h2.get(threads);
                    Double p = pg.get(threads);
                    rows.add(String.format("%-6s %7d %12.0f %12.0f %7.2fx %12s %8s", alg.joseName(), threads, s, h, h / s,
                            p == null ? "-" : String.format("%.0f", p), p == null ? "-" : String.format("%.2fx", p / s)));
                }
            }
        } finally {
            Keys.deleteRecursively(dir);
        }
        System.out.printf("%n%-6s %7s %12s %12s %8s %12s %8s%n", "alg", "callers", "sign only/s", "H2 issue/s",
                "ratio", "PG issue/s", "ratio");
        rows.forEach(System.out::println);
        System.out.printf("ratio = issue and record / sign alone, same callers; load average after the run: %s%n",
                Machine.loadAverage());
    }

    /** The claims the issuance policy decides for a session token, signed again and again by the baseline. */
    static TokenClaims claims(TokenlifeSettings settings) {
        IssuancePolicy.Decision decision = new IssuancePolicy(DomainSettings.from(settings).identity(),
                settings.issuance()).decide(
                IssueTokenCommand.session("bench@example.com", TokenSource.CLI), Instant.now(), UUID.randomUUID().toString());
        return ((IssuancePolicy.Claims) decision).claims();
    }

    private static Operation issuing(IssueTokenUseCase issue) {
        return (t, i) -> {
            IssueTokenResult result = issue.issue(IssueTokenCommand.session("user" + t + "-" + (i % 1000) + "@example.com",
                    TokenSource.CLI));
            if (!(result instanceof IssueTokenResult.Issued)) {
                throw new IllegalStateException("not issued: " + result);
            }
        };
    }

    /** Operations per second over {@code o.seconds}, after {@code o.warmup} seconds with the same callers. */
    private static double measure(int threads, Options o, Operation op) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        LongAdder done = new LongAdder();
        List<Thread> workers = new ArrayList<>();
        Throwable[] failure = new Throwable[1];
        for (int t = 0; t < threads; t++) {
            int id = t;
            Thread worker = new Thread(() -> {
                long i = 0;
                try {
                    while (!stop.get()) {
                        op.run(id, i++);
                        done.increment();
                    }
                } catch (RuntimeException e) {
                    failure[0] = e;
                    stop.set(true);
                }
            }, "issuer-" + t);
            workers.add(worker);
            worker.start();
        }
        Thread.sleep(o.warmup * 1000L);
        long before = done.sum();
        long start = System.nanoTime();
        Thread.sleep(o.seconds * 1000L);
        long after = done.sum();
        double elapsed = (System.nanoTime() - start) / 1e9;
        stop.set(true);
        for (Thread w : workers) {
            w.join();
        }
        if (failure[0] != null) {
            throw new IllegalStateException("a caller failed", failure[0]);
        }
        return (after - before) / elapsed;
    }

    record Options(int seconds, int warmup, List<Integer> threads, List<SigningAlgorithm> algorithms, boolean postgres) {
        static Options parse(String[] args) {
            int seconds = 3;
            int warmup = 1;
            List<Integer> threads = List.of(1, 2, 8);
            List<SigningAlgorithm> algorithms = List.of(SigningAlgorithm.HS256, SigningAlgorithm.ES256);
            boolean postgres = true;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                    case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                    case "--threads" -> threads = List.of(args[++i].split(",")).stream().map(Integer::parseInt).toList();
                    case "--alg" -> algorithms = List.of(args[++i].split(",")).stream().map(SigningAlgorithm::valueOf).toList();
                    case "--no-postgres" -> postgres = false;
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + " (known: --seconds N, --warmup N, --threads 1,2,8, --alg HS256,ES256, --no-postgres)");
                }
            }
            return new Options(seconds, warmup, threads, algorithms, postgres);
        }
    }
}
