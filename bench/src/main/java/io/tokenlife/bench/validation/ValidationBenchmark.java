package io.tokenlife.bench.validation;

import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.tokenlife.adapters.jwt.JwtAdapters;
import io.tokenlife.adapters.jwt.KeyPairs;
import io.tokenlife.adapters.persistence.PersistenceAdapters;
import io.tokenlife.domain.assembly.DomainSettings;
import io.tokenlife.domain.assembly.Ports;
import io.tokenlife.domain.assembly.UseCases;
import io.tokenlife.domain.model.TokenSource;
import io.tokenlife.domain.model.ValidationResult;
import io.tokenlife.domain.port.in.IssueTokenCommand;
import io.tokenlife.domain.port.in.IssueTokenResult;
import io.tokenlife.domain.port.in.ValidateTokenUseCase;
import io.tokenlife.domain.port.out.ExternalTokenVerifier;
import io.tokenlife.domain.port.out.SsoProviders;
import io.tokenlife.domain.service.UuidJtiGenerator;
import io.tokenlife.domain.settings.SigningAlgorithm;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Validation throughput per algorithm, in one run:
 * <ul>
 *   <li>{@code rawNimbus}: {@code SignedJWT.parse} + {@code verify} with a prepared verifier + claims set — the floor;</li>
 *   <li>{@code firstSeen}: the full validation use case (all nine steps of
 *       docs/explanation/token-lifecycle.md#validation) with the verified-token cache off;</li>
 *   <li>{@code repeated}: the same with the cache on, tokens already seen.</li>
 * </ul>
 * Every call gets a fresh copy of the token string (as a server does when it reads a header), cycling
 * through 1,024 valid, registered tokens, against the persistence adapter's compact revocation index holding
 * 1,000,000 live revocations (H2 in memory, loaded as the service loads it at start).
 * {@link #main} runs it through the JMH Runner and prints each figure's ratio to {@code rawNimbus}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class ValidationBenchmark {
    static final int TOKENS = 1024;
    static final int LIVE_REVOCATIONS = 1_000_000;

    @Param({"HS256", "RS256", "ES256", "EdDSA"})
    public String algorithm;

    private char[][] tokens;
    private int next;
    private JWSVerifier rawVerifier;
    private ValidateTokenUseCase uncached;
    private ValidateTokenUseCase cached;
    private Path keyDir;
    private PersistenceAdapters store;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        SigningAlgorithm alg = SigningAlgorithm.valueOf(algorithm);
        Map<String, String> env = new HashMap<>();
        env.put("JWT_ALGORITHM", alg.joseName());
        env.put("DATABASE_URL", "jdbc:h2:mem:bench");
        KeyPairs.GeneratedKey key = KeyPairs.generate(alg);
        if (key instanceof KeyPairs.HmacSecret secret) {
            env.put("JWT_SECRET_KEY", secret.secret());
        } else {
            KeyPairs.PemKeyPair pair = (KeyPairs.PemKeyPair) key;
            keyDir = Files.createTempDirectory("tokenlife-bench");
            env.put("JWT_PRIVATE_KEY_PATH", Files.writeString(keyDir.resolve("private.pem"), pair.privateKeyPem()).toString());
            env.put("JWT_PUBLIC_KEY_PATH", Files.writeString(keyDir.resolve("public.pem"), pair.publicKeyPem()).toString());
        }
        Clock clock = Clock.systemUTC();
        store = persistenceWithLiveRevocations(clock.instant());

        Map<String, String> off = new HashMap<>(env);
        off.put("VERIFIED_TOKEN_CACHE_SIZE", "0");
        UseCases noCache = services(TokenlifeSettings.fromMap(off), store, clock);
        UseCases withCache = services(TokenlifeSettings.fromMap(env), store, clock);
        uncached = noCache.validateToken();
        cached = withCache.validateToken();

        tokens = new char[TOKENS][];
        for (int i = 0; i < TOKENS; i++) {
            IssueTokenResult issued = noCache.issueToken().issue(IssueTokenCommand.session("user" + i + "@example.com", TokenSource.CLI));
            String token = ((IssueTokenResult.Issued) issued).token().compact();
            tokens[i] = token.toCharArray();
            if (!cached.validate(token).isValid() || !uncached.validate(token).isValid()) {
                throw new IllegalStateException("a benchmark token does not validate: " + uncached.validate(token));
            }
        }
        rawVerifier = rawVerifier(alg, env, JwtAdapters.create(TokenlifeSettings.fromMap(off), clock).publicJwkSetJson());
        SignedJWT probe = SignedJWT.parse(new String(tokens[0]));
        if (!probe.verify(rawVerifier)) {
            throw new IllegalStateException("raw nimbus does not verify the benchmark tokens");
        }
    }

    /**
     * The persistence adapter as the service runs it, on an H2 in-memory database: its compact revocation
     * index (loaded by {@code startRevocationSync()}) holding {@link #LIVE_REVOCATIONS} live jti revocations,
     * inserted in one SQL statement beforehand; its registry records the benchmark tokens and takes the
     * {@code touch} of every validation (buffered, flushed every few seconds).
     */
    private static PersistenceAdapters persistenceWithLiveRevocations(Instant now) throws Exception {
        String url = "jdbc:h2:mem:validation-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        PersistenceAdapters adapters = PersistenceAdapters.open(TokenlifeSettings.fromMap(Map.of("DATABASE_URL", url)),
                Clock.systemUTC());
        try {
            adapters.migrate();
            // the same options the adapter appends, so this connection opens the same in-memory database
            try (Connection c = DriverManager.getConnection(url
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE");
                 Statement s = c.createStatement()) {
                s.execute("INSERT INTO jti_revocations (jti, subject, revoked_at, revoked_by, reason, expires_at, seq) "
                        + "SELECT CAST(RANDOM_UUID() AS VARCHAR), 'revoked' || MOD(\"X\", 1000) || '@example.com', "
                        + now.toEpochMilli() + ", 'bench', 'bench', " + now.plus(Duration.ofDays(1)).toEpochMilli()
                        + ", \"X\" FROM SYSTEM_RANGE(1, " + LIVE_REVOCATIONS + ")");
                s.execute("UPDATE revocation_sequence SET last_seq = " + LIVE_REVOCATIONS);
            }
            adapters.startRevocationSync();
            if (adapters.liveRevocations() != LIVE_REVOCATIONS) {
                throw new IllegalStateException("the index holds " + adapters.liveRevocations() + " revocations, not "
                        + LIVE_REVOCATIONS);
            }
            return adapters;
        } catch (Exception | Error e) {
            adapters.close();
            throw e;
        }
    }

    private static UseCases services(TokenlifeSettings settings, PersistenceAdapters store, Clock clock) {
        JwtAdapters jwt = JwtAdapters.create(settings, clock);
        return UseCases.wire(new Ports(jwt.signer(), jwt.verifier(), store.registry(), store.revocations(),
                store.revocationIndex(), store.users(), store.passwords(), new UuidJtiGenerator(), SsoProviders.none(),
                ExternalTokenVerifier.none(), event -> { }, clock), DomainSettings.from(settings));
    }

    private static JWSVerifier rawVerifier(SigningAlgorithm alg, Map<String, String> env, String jwks) throws Exception {
        if (alg.isSymmetric()) {
            return new MACVerifier(env.get("JWT_SECRET_KEY").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        JWK jwk = JWKSet.parse(jwks).getKeys().get(0);
        switch (alg.family()) {
            case RSA: return new RSASSAVerifier((RSAKey) jwk);
            case EC: return new ECDSAVerifier((ECKey) jwk);
            default: return new Ed25519Verifier((OctetKeyPair) jwk);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        if (store != null) {
            store.close();
        }
        if (keyDir != null) {
            try (var files = Files.list(keyDir)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Files.delete(f);
                }
            }
            Files.delete(keyDir);
        }
    }

    private String nextToken() {
        next = (next + 1) & (TOKENS - 1);
        return new String(tokens[next]);
    }

    @Benchmark
    public JWTClaimsSet rawNimbus() throws Exception {
        SignedJWT jwt = SignedJWT.parse(nextToken());
        if (!jwt.verify(rawVerifier)) {
            throw new IllegalStateException("signature");
        }
        return jwt.getJWTClaimsSet();
    }

    @Benchmark
    public ValidationResult firstSeen() {
        return uncached.validate(nextToken());
    }

    @Benchmark
    public ValidationResult repeated() {
        return cached.validate(nextToken());
    }

    /**
     * Runs this benchmark (JMH command-line options accepted, e.g. {@code -f 1 -wi 2 -w 2s -i 3 -r 2s}) and
     * prints ops/s with the ratio of each figure to raw nimbus for the same algorithm.
     */
    public static void main(String[] args) throws Exception {
        CommandLineOptions cli = new CommandLineOptions(args);
        Collection<RunResult> results = new Runner(new OptionsBuilder().parent(cli)
                .include(ValidationBenchmark.class.getName()).build()).run();
        Map<String, Map<String, Double>> byAlgorithm = new TreeMap<>(Comparator.comparingInt(a -> order(a)));
        for (RunResult r : results) {
            String alg = r.getParams().getParam("algorithm");
            String bench = r.getParams().getBenchmark().substring(r.getParams().getBenchmark().lastIndexOf('.') + 1);
            byAlgorithm.computeIfAbsent(alg, a -> new HashMap<>()).put(bench, r.getPrimaryResult().getScore());
        }
        StringBuilder out = new StringBuilder(String.format("%n%-6s %14s %14s %8s %14s %8s%n", "alg", "raw nimbus",
                "first-seen", "ratio", "repeated", "ratio"));
        byAlgorithm.forEach((alg, s) -> {
            double raw = s.getOrDefault("rawNimbus", Double.NaN);
            double first = s.getOrDefault("firstSeen", Double.NaN);
            double rep = s.getOrDefault("repeated", Double.NaN);
            out.append(String.format("%-6s %14.0f %14.0f %7.2fx %14.0f %7.2fx%n", alg, raw, first, first / raw, rep, rep / raw));
        });
        System.out.print(out);
    }

    private static int order(String alg) {
        return java.util.List.of("HS256", "RS256", "ES256", "EdDSA").indexOf(alg);
    }
}
