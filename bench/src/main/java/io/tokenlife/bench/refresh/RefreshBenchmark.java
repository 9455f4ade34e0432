package io.tokenlife.bench.refresh;

import io.tokenlife.bench.support.Keys;
import io.tokenlife.bench.support.Machine;
import io.tokenlife.bench.support.Percentiles;
import io.tokenlife.bench.support.Postgres;
import io.tokenlife.bench.support.ServerProcess;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code POST /auth/refresh} beside {@code POST /auth/login} in the same run, on one service process: C closed-loop
 * clients for D seconds per load, rounds alternating which load goes first. A login client logs a regular user
 * in (bcrypt, as every real login) again and again; a refresh client logs in once and then walks its own chain,
 * each refresh spending the token the previous one returned (so every request is a real rotation: an access
 * token recorded, a refresh token spent and its successor stored in one transaction). {@code GET /health} at the
 * same concurrency is the floor.
 * <pre>
 * java -cp bench/target/tokenlife-bench.jar io.tokenlife.bench.refresh.RefreshBenchmark [clients=8] [seconds=10] [rounds=3] [h2|postgres]
 * </pre>
 * Run from the repository root (it starts {@code token-app-http/target/tokenlife-server.jar}).
 */
public final class RefreshBenchmark {
    private static final Pattern REFRESH = Pattern.compile("\"refresh_token\":\"([^\"]+)\"");
    private static final String USER = "bench-refresh@example.com";
    private static final String PASSWORD = "bench-refresh-password-0123";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private String base;

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        boolean postgres = args.length > 3 && args[3].equals("postgres");
        new RefreshBenchmark().run(clients, Duration.ofSeconds(seconds), rounds, postgres);
    }

    private void run(int clients, Duration duration, int rounds, boolean postgres) throws Exception {
        System.out.printf("refresh benchmark: %d clients, %d s per load, %d rounds, %s; %s%n", clients,
                duration.toSeconds(), rounds, postgres ? "PostgreSQL" : "H2 in memory", Machine.describe());
        byte[] secret = new byte[48];
        new SecureRandom().nextBytes(secret);
        String adminPassword = "bench-admin-" + Base64.getUrlEncoder().encodeToString(secret).substring(0, 16);
        Path dir = Files.createTempDirectory("tokenlife-refresh-bench");
        Postgres db = postgres ? Postgres.createDatabase() : null;
        try {
            Map<String, String> env = new HashMap<>();
            env.put("DATABASE_URL", db != null ? db.url() : "jdbc:h2:mem:refresh-bench;DB_CLOSE_DELAY=-1");
            env.put("JWT_SECRET_KEY", Base64.getEncoder().encodeToString(secret));
            env.put("PLATFORM_ADMIN_PASSWORD", adminPassword);
            env.put("LOG_FORMAT", "text");
            try (ServerProcess server = ServerProcess.start(env, List.of("-Xmx320m"), dir)) {
                server.awaitReady(Duration.ofSeconds(60));
                base = server.baseUrl();
                String admin = accessToken(post("/auth/login", null, login("admin@example.com", adminPassword)));
                HttpResponse<String> created = post("/users", admin, "{\"email\":\"" + USER + "\",\"password\":\""
                        + PASSWORD + "\"}");
                if (created.statusCode() != 201) {
                    throw new IllegalStateException("user not created: " + created.body());
                }
                load("warm-up login", clients, Duration.ofSeconds(3), this::loginClient);
                chains(clients);
                load("warm-up refresh", clients, Duration.ofSeconds(3), this::refreshClient);
                List<Result> results = new ArrayList<>();
                for (int r = 0; r < rounds; r++) {
                    boolean loginFirst = r % 2 == 0;
                    chains(clients); // logged in before the clock starts: a refresh round measures refreshes only
                    results.add(load(loginFirst ? "login" : "refresh", clients, duration,
                            loginFirst ? this::loginClient : this::refreshClient));
                    results.add(load(loginFirst ? "refresh" : "login", clients, duration,
                            loginFirst ? this::refreshClient : this::loginClient));
                    results.add(load("health", clients, duration, this::healthClient));
                }
                report(results);
            }
        } finally {
            if (db != null) {
                db.close();
            }
            Keys.deleteRecursively(dir);
        }
    }

    /** One client's loop until {@code stop}; records each request's latency; returns its error count. */
    interface Client {
        long loop(AtomicBoolean stop, List<Long> latencies) throws Exception;
    }

    record Result(String load, int requests, long errors, double seconds, Percentiles latency) {
        double rps() {
            return requests / seconds;
        }
    }

    private Result load(String name, int clients, Duration duration, Client client) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        List<List<Long>> latencies = new ArrayList<>();
        long[] errors = new long[clients];
        CountDownLatch done = new CountDownLatch(clients);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            List<Long> mine = new ArrayList<>();
            latencies.add(mine);
            int index = i;
            Thread thread = new Thread(() -> {
                try {
                    errors[index] = client.loop(stop, mine);
                } catch (Exception e) {
                    errors[index] = -1;
                    System.out.println(name + " client failed: " + e);
                } finally {
                    done.countDown();
                }
            }, "refresh-bench-" + name + "-" + i);
            thread.start();
            threads.add(thread);
        }
        long started = System.nanoTime();
        Thread.sleep(duration.toMillis());
        stop.set(true);
        done.await();
        double seconds = (System.nanoTime() - started) / 1e9;
        long[] all = latencies.stream().flatMap(List::stream).mapToLong(Long::longValue).toArray();
        long errorCount = java.util.Arrays.stream(errors).sum();
        Result result = new Result(name, all.length, errorCount, seconds, new Percentiles(all));
        if (!name.startsWith("warm-up")) {
            System.out.printf("  %-8s %8.1f req/s  p50 %7.2f ms  p99 %7.2f ms  errors %d  (load %s)%n", name,
                    result.rps(), result.latency().millis(50), result.latency().millis(99), errorCount,
                    Machine.loadAverage());
        }
        return result;
    }

    private long loginClient(AtomicBoolean stop, List<Long> latencies) throws Exception {
        long errors = 0;
        while (!stop.get()) {
            long t = System.nanoTime();
            HttpResponse<String> r = post("/auth/login", null, login(USER, PASSWORD));
            latencies.add(System.nanoTime() - t);
            errors += r.statusCode() == 200 ? 0 : 1;
        }
        return errors;
    }

    /** The current refresh token of each chain; a refresh client takes one and hands back where it got to. */
    private final java.util.concurrent.BlockingQueue<String> chains = new java.util.concurrent.LinkedBlockingQueue<>();

    /** Tops the chains up to {@code n} with fresh logins (a chain that saw an error is dropped). */
    private void chains(int n) throws Exception {
        while (chains.size() < n) {
            chains.add(refreshToken(post("/auth/login", null, login(USER, PASSWORD))));
        }
    }

    private long refreshClient(AtomicBoolean stop, List<Long> latencies) throws Exception {
        String token = chains.take();
        long errors = 0;
        while (!stop.get()) {
            long t = System.nanoTime();
            HttpResponse<String> r = post("/auth/refresh", null, "{\"refresh_token\":\"" + token + "\"}");
            latencies.add(System.nanoTime() - t);
            if (r.statusCode() == 200) {
                token = refreshToken(r);
            } else {
                errors++;
                return errors; // the chain is broken; chains() starts a new one before the next round
            }
        }
        chains.add(token);
        return errors;
    }

    private long healthClient(AtomicBoolean stop, List<Long> latencies) throws Exception {
        HttpRequest health = HttpRequest.newBuilder(URI.create(base + "/health")).GET().build();
        long errors = 0;
        while (!stop.get()) {
            long t = System.nanoTime();
            int status = http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode();
            latencies.add(System.nanoTime() - t);
            errors += status == 200 ? 0 : 1;
        }
        return errors;
    }

    private static void report(List<Result> results) {
        System.out.printf("%n%-8s %10s %10s %10s %8s   (median of the rounds' figures)%n", "load", "req/s", "p50 ms",
                "p99 ms", "errors");
        Map<String, double[]> medians = new HashMap<>();
        for (String load : List.of("login", "refresh", "health")) {
            List<Result> mine = results.stream().filter(r -> r.load().equals(load)).toList();
            double rps = median(mine.stream().mapToDouble(Result::rps).toArray());
            double p50 = median(mine.stream().mapToDouble(r -> r.latency().millis(50)).toArray());
            double p99 = median(mine.stream().mapToDouble(r -> r.latency().millis(99)).toArray());
            long errors = mine.stream().mapToLong(Result::errors).sum();
            medians.put(load, new double[]{rps, p50, p99});
            System.out.printf("%-8s %10.1f %10.2f %10.2f %8d%n", load, rps, p50, p99, errors);
        }
        System.out.printf("refresh / login throughput: %.1fx; refresh / health: %.3fx; load average after the run: %s%n",
                medians.get("refresh")[0] / medians.get("login")[0], medians.get("refresh")[0] / medians.get("health")[0],
                Machine.loadAverage());
    }

    private static double median(double[] values) {
        java.util.Arrays.sort(values);
        return values.length == 0 ? Double.NaN : values[values.length / 2];
    }

    private static String login(String email, String password) {
        return "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
    }

    private static String accessToken(HttpResponse<String> r) {
        Matcher m = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(r.body());
        if (r.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("no access token (" + r.statusCode() + "): " + r.body());
        }
        return m.group(1);
    }

    private static String refreshToken(HttpResponse<String> r) {
        Matcher m = REFRESH.matcher(r.body());
        if (r.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("no refresh token (" + r.statusCode() + ")");
        }
        return m.group(1);
    }

    private HttpResponse<String> post(String path, String bearer, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
