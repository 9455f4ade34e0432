package io.tokenlife.bench.propagation;

import io.tokenlife.bench.support.Machine;
import io.tokenlife.bench.support.Percentiles;
import io.tokenlife.bench.support.Postgres;
import io.tokenlife.bench.support.ServerProcess;
import io.tokenlife.bench.support.Stack;
import io.tokenlife.domain.model.Caller;
import io.tokenlife.domain.model.TokenSource;
import io.tokenlife.domain.model.TokenUse;
import io.tokenlife.domain.port.in.Expiry;
import io.tokenlife.domain.port.in.IssueTokenCommand;
import io.tokenlife.domain.port.in.IssueTokenResult;
import io.tokenlife.domain.port.in.IssueTokenUseCase;

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
import java.util.Optional;

/**
 * Revocation propagation between two service processes on one PostgreSQL database: for each of N API
 * tokens, {@code DELETE /tokens/{jti}} on A; from the moment A acknowledges (204) introspections are sent to B
 * one at a time, as fast as they come back, until B answers {@code {"active":false}}; the delay is that
 * answer's arrival minus A's acknowledgement. Each token is introspected on B once before its revocation, so
 * B's verified-token cache holds it (the cache must not delay the rejection).
 *
 * <p>Baseline: one introspection round trip on B (the resolution of the measurement: a delay can only be
 * seen to within one round trip). Target: p99 ≤ 100 ms.
 * <pre>
 * java -cp bench/target/tokenlife-bench.jar io.tokenlife.bench.propagation.PropagationBenchmark [N=1000]
 * </pre>
 * Run from the repository root (it starts {@code token-app-http/target/tokenlife-server.jar}).
 */
public final class PropagationBenchmark {
    private static final String INACTIVE = "{\"active\":false}";
    private static final int WARMUP = 100;
    private static final long TIMEOUT_NANOS = 5_000_000_000L;
    private static final String SUBJECT = "propagation@example.com";
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        new PropagationBenchmark().run(n);
    }

    private void run(int n) throws Exception {
        System.out.printf("propagation benchmark: %,d revocations (+%d warm-up), %s%n", n, WARMUP, Machine.describe());
        byte[] secret = new byte[48];
        new SecureRandom().nextBytes(secret);
        Path dir = Files.createTempDirectory("tokenlife-propagation");
        try (Postgres db = Postgres.createDatabase()) {
            Map<String, String> env = new HashMap<>();
            env.put("DATABASE_URL", db.url());
            env.put("JWT_SECRET_KEY", Base64.getEncoder().encodeToString(secret));
            env.put("LOG_FORMAT", "text");

            String session;
            List<String[]> tokens = new ArrayList<>(); // {jti, token}
            try (Stack stack = Stack.open(env, false)) {
                IssueTokenUseCase issue = stack.services().issueToken();
                // an admin's session: introspection is for admins and tokens:introspect-scoped tokens
                session = compact(issue.issue(new IssueTokenCommand(SUBJECT, TokenSource.LOGIN, TokenUse.SESSION,
                        Expiry.byDefault(), Optional.empty(), Map.of(Caller.ADMIN_CLAIM, true), Optional.empty(),
                        Optional.empty())));
                for (int i = 0; i < n + WARMUP; i++) {
                    IssueTokenResult.Issued issued = (IssueTokenResult.Issued) issue.issue(new IssueTokenCommand(SUBJECT,
                            TokenSource.API, TokenUse.API, Expiry.after(Duration.ofDays(1)), Optional.empty(), Map.of(),
                            Optional.empty(), Optional.of("propagation-" + i)));
                    tokens.add(new String[]{issued.token().claims().jti(), issued.token().compact()});
                }
            }
            List<String> jvm = List.of("-Xmx256m");
            try (ServerProcess a = ServerProcess.start(env, jvm, dir); ServerProcess b = ServerProcess.start(env, jvm, dir)) {
                a.awaitReady(Duration.ofSeconds(60));
                b.awaitReady(Duration.ofSeconds(60));
                System.out.printf("servers ready: A pid %d at %s, B pid %d at %s%n", a.pid(), a.baseUrl(), b.pid(), b.baseUrl());

                long[] roundTrips = new long[1000];
                String probe = tokens.get(0)[1];
                for (int i = 0; i < 2000; i++) { // warm B's introspection path, then time it
                    long t = System.nanoTime();
                    String answer = introspect(b, session, probe);
                    if (i >= 1000) {
                        roundTrips[i - 1000] = System.nanoTime() - t;
                    }
                    if (answer.equals(INACTIVE)) {
                        throw new IllegalStateException("a fresh token is inactive on B: " + b.tail());
                    }
                }
                Percentiles rtt = new Percentiles(roundTrips);

                long[] delays = new long[n];
                long[] acks = new long[n];
                int[] polls = new int[n];
                for (int i = 0; i < n + WARMUP; i++) {
                    String[] token = tokens.get(i);
                    if (introspect(b, session, token[1]).equals(INACTIVE)) {
                        throw new IllegalStateException("token " + i + " inactive on B before its revocation");
                    }
                    long sent = System.nanoTime();
                    int status = delete(a, session, token[0]);
                    long acked = System.nanoTime();
                    if (status != 204) {
                        throw new IllegalStateException("DELETE /tokens/{jti} answered " + status + ":\n" + a.tail());
                    }
                    int count = 0;
                    long seen;
                    while (true) {
                        String answer = introspect(b, session, token[1]);
                        count++;
                        seen = System.nanoTime();
                        if (answer.equals(INACTIVE)) {
                            break;
                        }
                        if (seen - acked > TIMEOUT_NANOS) {
                            throw new IllegalStateException("B still accepts token " + i + " 5 s after its revocation:\n" + b.tail());
                        }
                    }
                    if (i >= WARMUP) {
                        delays[i - WARMUP] = seen - acked;
                        acks[i - WARMUP] = acked - sent;
                        polls[i - WARMUP] = count;
                    }
                }
                report(n, new Percentiles(delays), new Percentiles(acks), polls, rtt);
            }
        } finally {
            io.tokenlife.bench.support.Keys.deleteRecursively(dir);
        }
    }

    private static void report(int n, Percentiles delay, Percentiles ack, int[] polls, Percentiles rtt) {
        long once = java.util.Arrays.stream(polls).filter(p -> p == 1).count();
        System.out.printf("%n%-44s %8s %8s %8s %8s%n", "over " + n + " revocations (ms)", "p50", "p90", "p99", "max");
        System.out.printf("%-44s %8.2f %8.2f %8.2f %8.2f%n", "A acknowledged -> B answers active:false",
                delay.millis(50), delay.millis(90), delay.millis(99), delay.maxMillis());
        System.out.printf("%-44s %8.2f %8.2f %8.2f %8.2f%n", "DELETE /tokens/{jti} on A (round trip)",
                ack.millis(50), ack.millis(90), ack.millis(99), ack.maxMillis());
        System.out.printf("%-44s %8.2f %8.2f %8.2f %8.2f%n", "baseline: one introspection on B (round trip)",
                rtt.millis(50), rtt.millis(90), rtt.millis(99), rtt.maxMillis());
        System.out.printf("%nB already rejected at the first introspection after the acknowledgement: %d of %d (%.1f %%)%n",
                once, n, 100.0 * once / n);
        System.out.printf("ratio p50 delay / p50 introspection round trip: %.2fx; p99 %.2f ms against the target 100 ms: %s%n",
                delay.millis(50) / rtt.millis(50), delay.millis(99), delay.millis(99) <= 100 ? "met" : "MISSED");
        System.out.printf("load average after the run: %s%n", Machine.loadAverage());
    }

    private String introspect(ServerProcess server, String session, String token) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/oauth2/introspect"))
                .header("Authorization", "Bearer " + session)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + token)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("introspection answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private int delete(ServerProcess server, String session, String jti) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/tokens/" + jti))
                .header("Authorization", "Bearer " + session).DELETE().build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String compact(IssueTokenResult result) {
        if (!(result instanceof IssueTokenResult.Issued issued)) {
            throw new IllegalStateException("not issued: " + result);
        }
        return issued.token().compact();
    }
}
