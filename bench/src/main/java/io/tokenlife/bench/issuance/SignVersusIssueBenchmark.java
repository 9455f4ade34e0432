package io.tokenlife.bench.issuance;

import io.tokenlife.bench.support.Keys;
import io.tokenlife.bench.support.Machine;
import io.tokenlife.bench.support.Stack;
import io.tokenlife.domain.model.TokenClaims;
import io.tokenlife.domain.model.TokenSource;
import io.tokenlife.domain.port.in.IssueTokenCommand;
import io.tokenlife.domain.port.in.IssueTokenResult;
import io.tokenlife.domain.port.in.IssueTokenUseCase;
import io.tokenlife.domain.port.out.TokenSigner;
import io.tokenlife.domain.settings.SigningAlgorithm;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Issuance against signing alone, per algorithm, in one run (JMH):
 * <ul>
 *   <li>{@code signOnly}: {@code TokenSigner.sign} of a session token's claims — the floor;</li>
 *   <li>{@code issue}: the issuance use case over the real adapters — policy, jti, sign, and the registry row
 *       written to H2 (a file in a temporary directory, as the service's default), security events dropped.</li>
 * </ul>
 * {@link #main} runs it through the JMH Runner and prints each algorithm's {@code issue / signOnly} ratio.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class SignVersusIssueBenchmark {
    @Param({"HS256", "RS256", "ES256", "EdDSA"})
    public String algorithm;

    private Path dir;
    private Stack stack;
    private TokenSigner signer;
    private TokenClaims claims;
    private IssueTokenUseCase issue;
    private static final LongAdder OPERATIONS = new LongAdder();
    private long cpuAtStart;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        dir = Files.createTempDirectory("tokenlife-sign-vs-issue");
        Map<String, String> env = new HashMap<>(Keys.variables(SigningAlgorithm.valueOf(algorithm), dir));
        env.put("DATABASE_URL", "jdbc:h2:file:" + dir.resolve("registry"));
        stack = Stack.open(env, false);
        signer = stack.jwt().signer();
        issue = stack.services().issueToken();
        claims = IssuanceBenchmark.claims(stack.settings());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        stack.close();
        Keys.deleteRecursively(dir);
    }

    /** Process CPU time per operation, per iteration: the figure the machine's load moves least. */
    @Setup(Level.Iteration)
    public void startIteration() {
        OPERATIONS.reset();
        cpuAtStart = processCpuNanos();
    }

    @TearDown(Level.Iteration)
    public void endIteration() {
        long ops = OPERATIONS.sum();
        if (ops > 0) {
            System.out.printf("(cpu %.1f us/op over %d ops) ", (processCpuNanos() - cpuAtStart) / 1e3 / ops, ops);
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    @Benchmark
    public String signOnly() {
        OPERATIONS.increment();
        return signer.sign(claims);
    }

    @Benchmark
    public IssueTokenResult issue() {
        OPERATIONS.increment();
        IssueTokenResult result = issue.issue(IssueTokenCommand.session("bench@example.com", TokenSource.CLI));
        if (!(result instanceof IssueTokenResult.Issued)) {
            throw new IllegalStateException("not issued: " + result);
        }
        return result;
    }

    /**
     * Runs this benchmark (JMH command-line options accepted, e.g. {@code -f 1 -wi 2 -w 2s -i 3 -r 2s -t 8
     * -p algorithm=RS256}) and prints ops/s per algorithm with the ratio of issuing to signing alone (target: at
     * least 0.90). Sign and issue of one algorithm run back to back, {@code --rounds N} times (default 1), the
     * order alternating, so that the two figures of a ratio see the same machine load; plain JMH (the
     * {@code tokenlife-bench.jar} main) runs all of one method before the other instead.
     */
    public static void main(String[] args) throws Exception {
        int rounds = 1;
        List<String> jmhArgs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--rounds") && i + 1 < args.length) {
                rounds = Integer.parseInt(args[++i]);
            } else {
                jmhArgs.add(args[i]);
            }
        }
        CommandLineOptions options = new CommandLineOptions(jmhArgs.toArray(String[]::new));
        Collection<String> algorithms = options.getParameter("algorithm").orElse(List.of("HS256", "RS256", "ES256", "EdDSA"));
        System.out.println("sign versus issue: " + Machine.describe() + ", threads "
                + options.getThreads().orElse(1) + ", rounds " + rounds);
        Map<String, List<double[]>> byAlgorithm = new LinkedHashMap<>();
        for (String alg : algorithms) {
            for (int round = 0; round < rounds; round++) {
                List<String> order = round % 2 == 0 ? List.of("signOnly", "issue") : List.of("issue", "signOnly");
                Map<String, Double> score = new HashMap<>();
                for (String method : order) {
                    Collection<RunResult> results = new Runner(new OptionsBuilder().parent(options)
                            .include(SignVersusIssueBenchmark.class.getName() + "\\." + method + "$")
                            .param("algorithm", alg).build()).run();
                    score.put(method, results.iterator().next().getPrimaryResult().getScore());
                }
                double[] pair = {score.get("signOnly"), score.get("issue")};
                byAlgorithm.computeIfAbsent(alg, a -> new ArrayList<>()).add(pair);
                System.out.printf("ROUND %s %d: sign %.0f/s, issue %.0f/s, ratio %.2fx, load average %s%n", alg,
                        round + 1, pair[0], pair[1], pair[1] / pair[0], Machine.loadAverage());
            }
        }
        StringBuilder out = new StringBuilder(String.format("%n%-6s %14s %14s %8s %8s   %s%n", "alg", "sign only/s",
                "issue/s", "ratio", "target", "ratio per round"));
        byAlgorithm.forEach((alg, pairs) -> {
            double ratio = median(pairs.stream().mapToDouble(p -> p[1] / p[0]).toArray());
            out.append(String.format("%-6s %14.0f %14.0f %7.2fx %8s   %s%n", alg,
                    median(pairs.stream().mapToDouble(p -> p[0]).toArray()),
                    median(pairs.stream().mapToDouble(p -> p[1]).toArray()), ratio, ratio >= 0.9 ? "met" : "missed",
                    pairs.stream().map(p -> String.format("%.2f", p[1] / p[0])).toList()));
        });
        out.append("(medians over the rounds) load average after the run: ").append(Machine.loadAverage()).append('\n');
        System.out.print(out);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
