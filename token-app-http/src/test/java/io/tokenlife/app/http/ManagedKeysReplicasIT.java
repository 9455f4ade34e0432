package io.tokenlife.app.http;

import io.tokenlife.app.http.support.Client;
import io.tokenlife.domain.fakes.SteppingClock;
import io.tokenlife.domain.model.Actor;
import io.tokenlife.domain.model.KeyState;
import io.tokenlife.domain.model.ValidationCode;
import io.tokenlife.domain.model.ValidationResult;
import io.tokenlife.domain.port.in.KeyChangeResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two replicas (two real services in this JVM) with managed keys on one fresh PostgreSQL database: an
 * emergency key revocation reaches the other replica within 100 ms (p99 over the revoked key's tokens),
 * and rotations under load reject no valid token on either replica. The replicas share a clock the test
 * moves forward, so a publish-ahead of 5 minutes passes in an instant.
 */
class ManagedKeysReplicasIT {
    private static final String HOST = "127.0.0.1:5432";
    private static final String ADMIN_URL = "jdbc:postgresql://" + HOST + "/postgres?user=postgres";
    private static final Actor OPERATOR = Actor.operator("cli:it");
    private static String unavailable;
    private String database;


    @BeforeAll
    static void probe() {
        try (Connection c = DriverManager.getConnection(ADMIN_URL)) {
            c.isValid(1);
        } catch (SQLException e) {
            if ("true".equalsIgnoreCase(System.getenv("TOKENLIFE_REQUIRE_POSTGRES"))) {
                throw new IllegalStateException(e);
            }
            unavailable = "PostgreSQL not reachable at " + HOST + ": skipped (" + e.getMessage() + ")";
        }
    }

    @BeforeEach
    void createDatabase() throws SQLException {
        Assumptions.assumeTrue(unavailable == null, () -> unavailable);
        database = "tokenlife_keys_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(ADMIN_URL); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
    }

    @org.junit.jupiter.api.AfterEach
    void dropDatabase() throws SQLException {
        if (unavailable != null || database == null) {
            return;
        }
        try (Connection c = DriverManager.getConnection(ADMIN_URL); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    @AfterAll
    static void nothing() {
        // each test drops its own database
    }

    private Map<String, String> config() {
        Map<String, String> env = new HashMap<>();
        env.put("DATABASE_URL", "jdbc:postgresql://" + HOST + "/" + database + "?user=postgres");
        env.put("KEY_MANAGEMENT", "managed");
        env.put("KEY_ENCRYPTION_SECRET", "replicas-key-encryption-secret-0123456789-abcdef");
        env.put("KEY_PUBLISH_AHEAD_MINUTES", "5");
        env.put("JWT_ALGORITHM", "ES256");
        env.put("HOST", "127.0.0.1");
        env.put("PORT", "0");
        return env;
    }

    private static String session(HttpComposition replica, String subject) {
        return RealCompositionIT.session(replica.useCases(), subject, false);
    }

    private static void await(BooleanSupplier condition, Duration within, String what) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + within + ": " + what);
            }
            Thread.sleep(5);
        }
    }

    private static String jwks(HttpComposition replica) {
        return new Client("http://127.0.0.1:" + replica.port()).get("/.well-known/jwks.json", null).body();
    }

    private static String kidOf(String token) {
        String header = new String(java.util.Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))));
        return header.replaceAll(".*\"kid\":\"([^\"]+)\".*", "$1");
    }

    @Test
    void anEmergencyKeyRevocationIsSeenByTheOtherReplicaWithin100MsAndSparesOtherKeys() throws Exception {
        SteppingClock clock = new SteppingClock();
        try (HttpComposition a = HttpComposition.start(config(), clock);
             HttpComposition b = HttpComposition.start(config(), clock)) {
            List<String> doomed = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                doomed.add(session(i % 2 == 0 ? a : b, "user" + i + "@example.com"));
            }
            String oldKid = kidOf(doomed.get(0));
            assertThat(doomed).allSatisfy(t -> assertThat(kidOf(t)).as("both replicas sign with the one stored key").isEqualTo(oldKid));
            KeyChangeResult published = a.useCases().signingKeys().rotate(OPERATOR, false);
            String nextKid = ((KeyChangeResult.Changed) published).keys().get(0).kid();
            await(() -> jwks(b).contains(nextKid), Duration.ofSeconds(10), "replica B publishes the next key");
            for (String token : doomed) {
                assertThat(b.useCases().validateToken().validate(token).isValid()).isTrue();
            }

            a.useCases().signingKeys().revoke(OPERATOR, oldKid, "private key leaked");
            long returned = System.nanoTime();
            long[] delays = new long[doomed.size()];
            Arrays.fill(delays, -1);
            int pending = doomed.size();
            while (pending > 0 && System.nanoTime() - returned < 5_000_000_000L) {
                for (int i = 0; i < doomed.size(); i++) {
                    if (delays[i] >= 0) {
                        continue;
                    }
                    ValidationResult r = b.useCases().validateToken().validate(doomed.get(i));
                    if (r instanceof ValidationResult.Rejected rejected && rejected.code() == ValidationCode.TOKEN_REVOKED) {
                        delays[i] = System.nanoTime() - returned;
                        pending--;
                    }
                }
            }
            assertThat(pending).as("tokens of the revoked key still accepted by replica B after 5 s").isZero();
            long[] sorted = delays.clone();
            Arrays.sort(sorted);
            double p50 = sorted[sorted.length / 2] / 1e6;
            double p99 = sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e6;
            System.out.printf("key revocation seen by replica B: p50 %.1f ms, p99 %.1f ms, max %.1f ms over %d tokens%n",
                    p50, p99, sorted[sorted.length - 1] / 1e6, sorted.length);
            assertThat(p99).as("p99 delay in ms after the revocation returned").isLessThan(100.0);
            for (String token : doomed) {
                assertThat(a.useCases().validateToken().validate(token)).isInstanceOfSatisfying(ValidationResult.Rejected.class,
                        r -> assertThat(r.code()).isEqualTo(ValidationCode.TOKEN_REVOKED));
            }

            String fromA = session(a, "after@example.com");
            String fromB = session(b, "after@example.com");
            assertThat(kidOf(fromA)).isEqualTo(nextKid);
            assertThat(kidOf(fromB)).as("B signs with the successor too").isEqualTo(nextKid);
            assertThat(b.useCases().validateToken().validate(fromA).isValid()).isTrue();
            assertThat(a.useCases().validateToken().validate(fromB).isValid()).isTrue();
            assertThat(jwks(b)).doesNotContain(oldKid);
        }
    }

    @Test
    void rotationsUnderLoadOnTwoReplicasRejectNoValidToken() throws Exception {
        SteppingClock clock = new SteppingClock();
        try (HttpComposition a = HttpComposition.start(config(), clock);
             HttpComposition b = HttpComposition.start(config(), clock)) {
            HttpComposition[] replicas = {a, b};
            List<String> issued = java.util.Collections.synchronizedList(new ArrayList<>());
            ConcurrentLinkedQueue<String> wrongly = new ConcurrentLinkedQueue<>();
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicLong validations = new AtomicLong();
            List<Thread> load = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int worker = w;
                Thread t = new Thread(() -> {
                    java.util.Random random = new java.util.Random(worker);
                    int n = 0;
                    while (running.get()) {
                        HttpComposition signer = replicas[(worker + n) % 2];
                        String fresh = session(signer, "load" + worker + "@example.com");
                        issued.add(fresh);
                        List<String> sample = new ArrayList<>(List.of(fresh));
                        synchronized (issued) {
                            for (int k = 0; k < 10; k++) {
                                sample.add(issued.get(random.nextInt(issued.size()))); // old tokens, of every key so far
                            }
                        }
                        for (String token : sample) {
                            for (HttpComposition validator : replicas) {
                                ValidationResult r = validator.useCases().validateToken().validate(token);
                                validations.incrementAndGet();
                                if (!r.isValid()) {
                                    wrongly.add(kidOf(token) + ": " + r);
                                }
                            }
                        }
                        n++;
                    }
                }, "load-" + w);
                t.start();
                load.add(t);
            }
            List<String> kids = new ArrayList<>();
            kids.add(kidOf(session(a, "probe@example.com")));
            for (int rotation = 0; rotation < 3; rotation++) {
                Thread.sleep(300);
                KeyChangeResult published = a.useCases().signingKeys().rotate(OPERATOR, false);
                String next = ((KeyChangeResult.Changed) published).keys().get(0).kid();
                Instant publishedAt = clock.instant();
                await(() -> jwks(b).contains(next), Duration.ofSeconds(10), "B publishes " + next);
                Thread.sleep(300);
                clock.advance(Duration.ofMinutes(5));
                assertThat(Duration.between(publishedAt, clock.instant())).isGreaterThanOrEqualTo(Duration.ofMinutes(5));
                b.useCases().keySchedule().run(); // whichever replica holds the lock makes the change
                a.useCases().keySchedule().run();
                await(() -> kidOf(session(b, "probe@example.com")).equals(next), Duration.ofSeconds(10), "B signs with " + next);
                assertThat(kidOf(session(a, "probe@example.com"))).isEqualTo(next);
                kids.add(next);
            }
            Thread.sleep(300);
            running.set(false);
            for (Thread t : load) {
                t.join(10_000);
            }
            System.out.printf("rotations under load: %d tokens issued, %d validations, %d wrongly rejected, kids %s%n",
                    issued.size(), validations.get(), wrongly.size(), kids);
            assertThat(wrongly).as("valid tokens rejected during the rotations").isEmpty();
            assertThat(List.copyOf(issued).stream().map(ManagedKeysReplicasIT::kidOf).distinct())
                    .as("tokens of every key were issued and validated").containsAll(kids);
            var listed = (io.tokenlife.domain.port.in.ManageSigningKeysUseCase.Keys) a.useCases().signingKeys().list(OPERATOR);
            assertThat(listed.keys()).extracting(v -> v.info().state())
                    .containsExactly(KeyState.RETIRED, KeyState.RETIRED, KeyState.RETIRED, KeyState.ACTIVE);
        }
    }
}
