package io.tokenlife.bench.footprint;

import io.tokenlife.bench.support.Keys;
import io.tokenlife.bench.support.Machine;
import io.tokenlife.bench.support.ServerProcess;
import io.tokenlife.bench.support.Stack;
import io.tokenlife.domain.model.TokenSource;
import io.tokenlife.domain.model.TokenUse;
import io.tokenlife.domain.port.in.Expiry;
import io.tokenlife.domain.port.in.IssueTokenCommand;
import io.tokenlife.domain.port.in.IssueTokenResult;
import io.tokenlife.domain.port.in.IssueTokenUseCase;
import io.tokenlife.domain.settings.SigningAlgorithm;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resident memory of the service with a full verified-token cache and a large revocation index: the service
 * is started through {@code bin/tokenlife-server} (so the launcher's JVM defaults apply) on an H2 file that
 * already holds {@code --revocations} live jti revocations and the registry rows of {@code --tokens} RS256
 * API tokens; every token is introspected once (so the cache holds them all), then introspected again and
 * again for {@code --seconds}, cycling through all of them. Printed per variant: RSS after start, after the
 * cache is full and after the load (VmRSS, VmHWM from {@code /proc}), heap used/committed (from
 * {@code /metrics}), and the introspection rate.
 *
 * <p>Each variant is an environment for the launcher, as in {@code bench/peer/variants.sh}: {@code name} or
 * {@code name|VAR=VALUE|...}, separated by {@code ;}. The fixture (keys, tokens, database) is made once under
 * {@code bench/target/footprint/} and reused while its tokens are valid; minting 100,000 RS256 tokens takes a
 * few CPU-minutes.
 * <pre>
 * java -cp bench/target/tokenlife-bench.jar io.tokenlife.bench.footprint.FootprintBenchmark [--tokens 100000]
 *      [--revocations 1000000] [--seconds 20] [--clients 4] [--variants 'defaults;jvm-defaults|TOKENLIFE_JVM_DEFAULTS=']
 * </pre>
 */
public final class FootprintBenchmark {
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern HEAP = Pattern.compile("(?m)^jvm_memory_(used|committed)_bytes\\{area=\"heap\"[^}]*}\\s+(\\S+)");
    private static final String PASSWORD = "footprint-admin-password-1234";

    private FootprintBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        Path root = Path.of("bench", "target", "footprint").toAbsolutePath();
        Fixture fixture = Fixture.prepare(root.resolve("fixture-" + o.tokens + "-" + o.revocations), o);
        System.out.printf("footprint: %s; %,d RS256 tokens, %,d live revocations, %d clients, %d s of load%n",
                Machine.describe(), o.tokens, o.revocations, o.clients, o.seconds);
        List<String> rows = new ArrayList<>();
        for (String spec : o.variants) {
            rows.add(run(spec, fixture, root, o));
        }
        System.out.printf("%n| variant | RSS after start | RSS with %,d tokens cached | RSS after %d s of load | peak RSS | heap used / committed | introspections/s (all cached) |%n",
                o.tokens, o.seconds);
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        rows.forEach(System.out::println);
        System.out.println("(MiB; load average after the run: " + Machine.loadAverage() + ")");
    }

    private static String run(String spec, Fixture fixture, Path root, Options o) throws Exception {
        String[] parts = spec.split("\\|");
        String name = parts[0];
        Path dir = root.resolve("run-" + name);
        if (Files.exists(dir)) {
            Keys.deleteRecursively(dir);
        }
        Files.createDirectories(dir.resolve("data"));
        Files.copy(fixture.database(), dir.resolve("data").resolve(fixture.database().getFileName()), StandardCopyOption.REPLACE_EXISTING);
        Map<String, String> env = new LinkedHashMap<>(fixture.variables());
        env.put("DATABASE_URL", "jdbc:h2:file:" + dir.resolve("data").resolve("tokenlife"));
        env.put("PLATFORM_ADMIN_PASSWORD", PASSWORD);
        env.put("LOG_FORMAT", "text");
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            env.put(parts[i].substring(0, eq), parts[i].substring(eq + 1));
        }
        try (ServerProcess server = ServerProcess.launch(env, dir)) {
            Duration ready = server.awaitReady(Duration.ofMinutes(3));
            long afterStart = Proc.mib(server.pid(), "VmRSS");
            Client client = new Client(server.baseUrl());
            String session = client.userSession();
            long fillStart = System.nanoTime();
            long failures = client.introspectAll(fixture.tokens(), session, o.clients, 0);
            double fillSeconds = (System.nanoTime() - fillStart) / 1e9;
            long cached = Proc.mib(server.pid(), "VmRSS");
            long loadStart = System.nanoTime();
            AtomicLong done = new AtomicLong();
            failures += client.introspectFor(fixture.tokens(), session, o.clients, Duration.ofSeconds(o.seconds), done);
            double rate = done.get() / ((System.nanoTime() - loadStart) / 1e9);
            long loaded = Proc.mib(server.pid(), "VmRSS");
            long peak = Proc.mib(server.pid(), "VmHWM");
            String heap = client.heap();
            System.out.printf("  %s: ready in %d ms; first introspection of every token %.1f s; %d failed requests%n",
                    name, ready.toMillis(), fillSeconds, failures);
            return String.format("| %s | %d | %d | %d | %d | %s | %,.0f |", name, afterStart, cached, loaded, peak, heap, rate);
        }
    }

    /** Keys, tokens and a database made once: {@code tokens.txt} lists the tokens, one per line. */
    record Fixture(Map<String, String> variables, List<String> tokens, Path database) {
        static Fixture prepare(Path dir, Options o) throws Exception {
            Path tokensFile = dir.resolve("tokens.txt");
            Path database = dir.resolve("tokenlife.mv.db");
            Map<String, String> env = new LinkedHashMap<>();
            env.put("JWT_ALGORITHM", "RS256");
            env.put("JWT_PRIVATE_KEY_PATH", dir.resolve("rs256-private.pem").toString());
            env.put("JWT_PUBLIC_KEY_PATH", dir.resolve("rs256-public.pem").toString());
            boolean fresh = Files.isRegularFile(tokensFile) && Files.isRegularFile(database)
                    && Files.getLastModifiedTime(tokensFile).toInstant().isAfter(Instant.now().minus(Duration.ofHours(20)));
            if (fresh) {
                return new Fixture(env, Files.readAllLines(tokensFile), database);
            }
            if (Files.exists(dir)) {
                Keys.deleteRecursively(dir);
            }
            Files.createDirectories(dir);
            env.putAll(Keys.variables(SigningAlgorithm.RS256, dir));
            Map<String, String> stackEnv = new LinkedHashMap<>(env);
            stackEnv.put("DATABASE_URL", "jdbc:h2:file:" + dir.resolve("tokenlife"));
            System.out.printf("making the fixture in %s: %,d live revocations, %,d RS256 tokens ...%n", dir, o.revocations, o.tokens);
            List<String> tokens;
            try (Stack stack = Stack.open(stackEnv, false)) {
                insertRevocations(stackEnv.get("DATABASE_URL"), o.revocations);
                System.out.printf("  %,d revocations inserted, minting ...%n", o.revocations);
                tokens = mint(stack.services().issueToken(), o.tokens);
            }
            compact(stackEnv.get("DATABASE_URL"));
            Files.write(tokensFile, tokens);
            return new Fixture(env, tokens, database);
        }

        /** API tokens valid for two days, recorded in the registry, minted on two threads. */
        private static List<String> mint(IssueTokenUseCase issue, int n) throws InterruptedException {
            String[] out = new String[n];
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                int first = t;
                Thread thread = new Thread(() -> {
                    for (int i = first; i < n; i += 2) {
                        IssueTokenResult result = issue.issue(new IssueTokenCommand("user" + i + "@example.com",
                                TokenSource.API, TokenUse.API, Expiry.after(Duration.ofDays(2)), Optional.empty(),
                                Map.of(), Optional.empty(), Optional.of("footprint")));
                        out[i] = ((IssueTokenResult.Issued) result).token().compact();
                    }
                });
                threads.add(thread);
                thread.start();
            }
            for (Thread thread : threads) {
                thread.join();
            }
            return List.of(out);
        }

        /** In slices of 50,000 rows, each its own transaction (one statement of a million grew H2's file to GBs). */
        private static void insertRevocations(String url, int n) throws SQLException {
            String completed = url + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE";
            long expires = System.currentTimeMillis() + Duration.ofDays(2).toMillis();
            try (Connection c = DriverManager.getConnection(completed); Statement s = c.createStatement()) {
                for (int from = 1; from <= n; from += 50_000) {
                    int to = Math.min(n, from + 49_999);
                    s.execute("INSERT INTO jti_revocations (jti, subject, revoked_at, revoked_by, reason, expires_at, seq) "
                            + "SELECT CAST(RANDOM_UUID() AS VARCHAR), 'revoked' || \"X\" || '@example.com', 0, 'bench', NULL, "
                            + expires + ", \"X\" FROM SYSTEM_RANGE(" + from + ", " + to + ")");
                }
                s.execute("UPDATE revocation_sequence SET last_seq = " + n);
            }
        }

        /** Rewrites the H2 file without its free space, so that each run copies a compact database. */
        private static void compact(String url) throws SQLException {
            try (Connection c = DriverManager.getConnection(url + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
                 Statement s = c.createStatement()) {
                s.execute("SHUTDOWN COMPACT");
            }
        }
    }

    /** The HTTP side: a user's session, introspections on several client threads, the heap gauges. */
    static final class Client {
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        private final String base;

        Client(String base) {
            this.base = base;
        }

        /**
         * The bootstrap admin creates an admin user (introspection is for admins and scoped tokens); that user's
         * session token (no per-request bootstrap log line).
         */
        String userSession() throws IOException, InterruptedException {
            String admin = login("admin@example.com", PASSWORD);
            String password = "footprint-user-password-1234";
            send(HttpRequest.newBuilder(URI.create(base + "/users")).header("Authorization", "Bearer " + admin)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"bench@example.com\",\"password\":\"" + password + "\",\"admin\":true}")));
            return login("bench@example.com", password);
        }

        private String login(String email, String password) throws IOException, InterruptedException {
            String body = send(HttpRequest.newBuilder(URI.create(base + "/auth/login")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}")));
            Matcher m = ACCESS_TOKEN.matcher(body);
            if (!m.find()) {
                throw new IllegalStateException("login of " + email + " failed");
            }
            return m.group(1);
        }

        /** Each token once; returns the number of answers that were not an active token. */
        long introspectAll(List<String> tokens, String session, int clients, long ignored) throws InterruptedException {
            AtomicLong failures = new AtomicLong();
            parallel(clients, c -> {
                for (int i = c; i < tokens.size(); i += clients) {
                    introspect(tokens.get(i), session, failures);
                }
            });
            return failures.get();
        }

        /** Cycles through all tokens for {@code duration}; counts requests in {@code done}. */
        long introspectFor(List<String> tokens, String session, int clients, Duration duration, AtomicLong done)
                throws InterruptedException {
            AtomicLong failures = new AtomicLong();
            long end = System.nanoTime() + duration.toNanos();
            parallel(clients, c -> {
                for (int i = c; System.nanoTime() < end; i = (i + clients) % tokens.size()) {
                    introspect(tokens.get(i), session, failures);
                    done.incrementAndGet();
                }
            });
            return failures.get();
        }

        private void introspect(String token, String session, AtomicLong failures) {
            try {
                String body = send(HttpRequest.newBuilder(URI.create(base + "/oauth2/introspect"))
                        .header("Authorization", "Bearer " + session)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("token=" + token)));
                if (!body.startsWith("{\"active\":true")) {
                    failures.incrementAndGet();
                }
            } catch (IOException | RuntimeException e) {
                failures.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** "used / committed" heap in MiB from the service's Prometheus metrics. */
        String heap() throws IOException, InterruptedException {
            String metrics = send(HttpRequest.newBuilder(URI.create(base + "/metrics")).GET());
            double used = 0;
            double committed = 0;
            Matcher m = HEAP.matcher(metrics);
            while (m.find()) {
                double bytes = Double.parseDouble(m.group(2));
                if (m.group(1).equals("used")) {
                    used += bytes;
                } else {
                    committed += bytes;
                }
            }
            return String.format("%.0f / %.0f", used / (1 << 20), committed / (1 << 20));
        }

        private String send(HttpRequest.Builder request) throws IOException, InterruptedException {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IOException("HTTP " + response.statusCode() + " from " + response.uri().getPath());
            }
            return response.body();
        }

        private static void parallel(int clients, java.util.function.IntConsumer work) throws InterruptedException {
            List<Thread> threads = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int id = c;
                Thread thread = new Thread(() -> work.accept(id), "footprint-client-" + c);
                threads.add(thread);
                thread.start();
            }
            for (Thread thread : threads) {
                thread.join();
            }
        }
    }

    /** One figure of {@code /proc/<pid>/status}, in MiB. */
    static final class Proc {
        static long mib(long pid, String key) throws IOException {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(key + ":")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
            throw new IllegalStateException(key + " not in /proc/" + pid + "/status");
        }
    }

    record Options(int tokens, int revocations, int seconds, int clients, List<String> variants) {
        static Options parse(String[] args) {
            int tokens = 100_000;
            int revocations = 1_000_000;
            int seconds = 20;
            int clients = 4;
            List<String> variants = List.of("defaults", "jvm-defaults|TOKENLIFE_JVM_DEFAULTS=");
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--tokens" -> tokens = Integer.parseInt(args[++i]);
                    case "--revocations" -> revocations = Integer.parseInt(args[++i]);
                    case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                    case "--clients" -> clients = Integer.parseInt(args[++i]);
                    case "--variants" -> variants = List.of(args[++i].split(";"));
                    default -> throw new IllegalArgumentException("unknown option " + args[i] + " (known: --tokens N, "
                            + "--revocations N, --seconds N, --clients N, --variants 'name|VAR=VALUE;...')");
                }
            }
            return new Options(tokens, revocations, seconds, clients, variants);
        }
    }
}
