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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

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

    @Benchmark
    public String signOnly() {
        return signer.sign(claims);
    }

    @Benchmark
    public IssueTokenResult issue() {
        IssueTokenResult result = issue.issue(IssueTokenCommand.session("bench@example.com", TokenSource.CLI));
        if (!(result instanceof IssueTokenResult.Issued)) {
            throw new IllegalStateException("not issued: " + result);
        }
        return result;
    }

    /**
     * Runs this benchmark (JMH command-line options accepted, e.g. {@code -f 1 -wi 2 -w 2s -i 3 -r 2s -t 1}) and
     * prints ops/s per algorithm with the ratio of issuing to signing alone (target: at least 0.90).
     */
    public static void main(String[] args) throws Exception {
        System.out.println("sign versus issue: " + Machine.describe());
        Collection<RunResult> results = new Runner(new OptionsBuilder().parent(new CommandLineOptions(args))
                .include(SignVersusIssueBenchmark.class.getName()).build()).run();
        Map<String, Map<String, Double>> byAlgorithm = new LinkedHashMap<>();
        for (String alg : List.of("HS256", "RS256", "ES256", "EdDSA")) {
            for (RunResult r : results) {
                if (r.getParams().getParam("algorithm").equals(alg)) {
                    String name = r.getParams().getBenchmark().substring(r.getParams().getBenchmark().lastIndexOf('.') + 1);
                    byAlgorithm.computeIfAbsent(alg, a -> new HashMap<>()).put(name, r.getPrimaryResult().getScore());
                }
            }
        }
        StringBuilder out = new StringBuilder(String.format("%n%-6s %14s %14s %8s %8s%n", "alg", "sign only/s",
                "issue/s", "ratio", "target"));
        byAlgorithm.forEach((alg, s) -> {
            double sign = s.getOrDefault("signOnly", Double.NaN);
            double issued = s.getOrDefault("issue", Double.NaN);
            out.append(String.format("%-6s %14.0f %14.0f %7.2fx %8s%n", alg, sign, issued, issued / sign,
                    issued / sign >= 0.9 ? "met" : "missed"));
        });
        out.append("load average after the run: ").append(Machine.loadAverage()).append('\n');
        System.out.print(out);
    }
}
