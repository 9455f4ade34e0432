package io.tokenlife.bench.validation;

import io.tokenlife.adapters.jwt.JwtAdapters;
import io.tokenlife.domain.assembly.DomainSettings;
import io.tokenlife.domain.assembly.KeyPorts;
import io.tokenlife.domain.assembly.Ports;
import io.tokenlife.domain.assembly.UseCases;
import io.tokenlife.domain.fakes.InMemorySigningKeyStore;
import io.tokenlife.domain.fakes.InMemoryTokenStore;
import io.tokenlife.domain.fakes.InMemoryUserDirectory;
import io.tokenlife.domain.fakes.PlainPasswordHasher;
import io.tokenlife.domain.model.Actor;
import io.tokenlife.domain.model.TokenSource;
import io.tokenlife.domain.model.ValidationResult;
import io.tokenlife.domain.port.in.IssueTokenCommand;
import io.tokenlife.domain.port.in.IssueTokenResult;
import io.tokenlife.domain.port.in.ValidateTokenUseCase;
import io.tokenlife.domain.port.out.ExternalTokenVerifier;
import io.tokenlife.domain.port.out.SsoProviders;
import io.tokenlife.domain.service.UuidJtiGenerator;
import io.tokenlife.domain.settings.TokenlifeSettings;
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
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Validation throughput with a ring of one managed key against a ring of five (one active, four
 * retired after {@code keys rotate --now}), in the same run: the full validation use case with the
 * verified-token cache off, so every call finds its key by kid and verifies the signature. The 1,024
 * tokens are spread over every key of the ring. {@link #main} prints the ratio of 5 keys to 1 key.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class KeyRingSizeBenchmark {
    static final int TOKENS = 1024;

    @Param({"HS256", "ES256"})
    public String algorithm;

    @Param({"1", "5"})
    public int keys;

    private char[][] tokens;
    private int next;
    private ValidateTokenUseCase validate;

    @Setup(Level.Trial)
    public void setUp() {
        Clock clock = Clock.systemUTC();
        TokenlifeSettings settings = TokenlifeSettings.fromMap(Map.of("JWT_ALGORITHM", algorithm,
                "KEY_MANAGEMENT", "managed", "KEY_ENCRYPTION_SECRET", "bench-key-encryption-secret-0123456789-abcdef",
                "VERIFIED_TOKEN_CACHE_SIZE", "0", "DATABASE_URL", "jdbc:h2:mem:unused"));
        InMemoryTokenStore registry = new InMemoryTokenStore();
        JwtAdapters jwt = JwtAdapters.create(settings, clock);
        UseCases useCases = UseCases.wire(new Ports(jwt.signer(), jwt.verifier(), registry, registry, registry.index(),
                new InMemoryUserDirectory(), new PlainPasswordHasher(), new UuidJtiGenerator(), SsoProviders.none(),
                ExternalTokenVerifier.none(), event -> { }, clock)
                .withKeys(KeyPorts.managed(new InMemorySigningKeyStore(registry), jwt.managedMaterials().orElseThrow(),
                        jwt.managedRing().orElseThrow())), DomainSettings.from(settings));
        useCases.keySchedule().run();
        tokens = new char[TOKENS][];
        int perKey = TOKENS / keys;
        for (int i = 0; i < TOKENS; i++) {
            if (i > 0 && i % perKey == 0 && i / perKey < keys) {
                useCases.signingKeys().rotate(Actor.operator("bench"), true);
            }
            IssueTokenResult issued = useCases.issueToken().issue(IssueTokenCommand.session("user" + i + "@example.com",
                    TokenSource.CLI));
            tokens[i] = ((IssueTokenResult.Issued) issued).token().compact().toCharArray();
        }
        validate = useCases.validateToken();
        for (char[] token : tokens) {
            if (!validate.validate(new String(token)).isValid()) {
                throw new IllegalStateException("a benchmark token does not validate");
            }
        }
    }

    @Benchmark
    public ValidationResult validate() {
        next = (next + 1) & (TOKENS - 1);
        return validate.validate(new String(tokens[next]));
    }

    /** Runs the benchmark (JMH options accepted) and prints, per algorithm, 5 keys against 1 key. */
    public static void main(String[] args) throws Exception {
        CommandLineOptions cli = new CommandLineOptions(args);
        Collection<RunResult> results = new Runner(new OptionsBuilder().parent(cli)
                .include(KeyRingSizeBenchmark.class.getName()).build()).run();
        Map<String, Map<String, Double>> scores = new TreeMap<>();
        for (RunResult r : results) {
            scores.computeIfAbsent(r.getParams().getParam("algorithm"), a -> new TreeMap<>())
                    .put(r.getParams().getParam("keys"), r.getPrimaryResult().getScore());
        }
        System.out.println();
        System.out.println("algorithm   1 key ops/s   5 keys ops/s   5 keys / 1 key   target >= 0.95");
        scores.forEach((alg, byKeys) -> {
            double one = byKeys.getOrDefault("1", Double.NaN);
            double five = byKeys.getOrDefault("5", Double.NaN);
            System.out.printf("%-10s  %11.0f   %12.0f   %14.3f   %s%n", alg, one, five, five / one,
                    five / one >= 0.95 ? "met" : "NOT met");
        });
    }
}
