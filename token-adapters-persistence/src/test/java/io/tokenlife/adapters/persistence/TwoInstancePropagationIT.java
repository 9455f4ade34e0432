package io.tokenlife.adapters.persistence;

import io.tokenlife.domain.revocation.GlobalCutoff;
import io.tokenlife.domain.revocation.SubjectCutoffs;
import io.tokenlife.domain.revocation.JtiRevocations;
import io.tokenlife.domain.revocation.Revocation;
import io.tokenlife.domain.revocation.RevocationCutoff;
import io.tokenlife.domain.revocation.RevocationState;
import io.tokenlife.domain.revocation.RevocationIndex;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two independent persistence stacks on one PostgreSQL database, as two replicas would be: a revocation
 * made on the first is enforced by the second within the bound, measured from the moment revoke() returns.
 */
class TwoInstancePropagationIT {
    private static final int SAMPLES = 20;
    private PostgresDatabase database;
    private final List<PersistenceAdapters> stacks = new ArrayList<>();

    @BeforeEach
    void createDatabase() {
        database = PostgresDatabase.create();
    }

    @AfterEach
    void dropDatabase() {
        stacks.forEach(PersistenceAdapters::close);
        if (database != null) {
            database.close();
        }
    }

    private PersistenceAdapters stack(boolean notifications) {
        PersistenceAdapters s = TestDatabases.started(database.url(), Clock.systemUTC(),
                PersistenceOptions.defaults().withNotifications(notifications).withPollInterval(Duration.ofMillis(250)));
        stacks.add(s);
        return s;
    }

    @Test
    void withNotificationsARevocationOnOneInstanceIsEnforcedByTheOtherWithin100Milliseconds() throws Exception {
        PersistenceAdapters first = stack(true);
        PersistenceAdapters second = stack(true);

        List<Long> micros = measure(first, second);

        report("notifications on", micros);
        assertThat(Collections.max(micros)).as("slowest propagation, µs").isLessThanOrEqualTo(100_000L);
    }

    @Test
    void withoutNotificationsTheCatchUpEnforcesItWithinOneSecond() throws Exception {
        PersistenceAdapters first = stack(false);
        PersistenceAdapters second = stack(false);

        List<Long> micros = measure(first, second);

        report("notifications off (catch-up every 250 ms)", micros);
        assertThat(Collections.max(micros)).as("slowest propagation, µs").isLessThanOrEqualTo(1_000_000L);
    }

    @Test
    void aRevokeAllOnOneInstanceIsEnforcedByTheOther() throws Exception {
        PersistenceAdapters first = stack(true);
        PersistenceAdapters second = stack(true);
        Instant issued = Instant.now().minusSeconds(60);
        RevocationIndex index = second.revocationIndex();
        assertThat(index.check(null, "alice@example.com", issued)).isEqualTo(RevocationState.NOT_REVOKED);

        first.revocations().revokeAll(RevocationCutoff.forSubject("alice@example.com", Instant.now(), "admin", "test"));
        long subject = waitUntil(() -> index.check(null, "alice@example.com", issued) == SubjectCutoffs.REVOKED);
        first.revocations().revokeAll(RevocationCutoff.global(Instant.now(), "admin", "incident"));
        long global = waitUntil(() -> index.check(null, "bob@example.com", issued) == GlobalCutoff.REVOKED);

        report("subject cut-off", List.of(subject));
        report("global cut-off", List.of(global));
        assertThat(Math.max(subject, global)).isLessThanOrEqualTo(100_000L);
        assertThat(index.check(null, "bob@example.com", Instant.now().plusSeconds(5))).isEqualTo(RevocationState.NOT_REVOKED);
    }

    private List<Long> measure(PersistenceAdapters first, PersistenceAdapters second) throws InterruptedException {
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i++) {
            String jti = UUID.randomUUID().toString();
            RevocationIndex index = second.revocationIndex();
            assertThat(index.check(jti, "alice@example.com", null)).isEqualTo(RevocationState.NOT_REVOKED);
            first.revocations().revoke(new Revocation(jti, "alice@example.com", Instant.now(), "admin", "test",
                    Instant.now().plusSeconds(3600)));
            micros.add(waitUntil(() -> index.check(jti, "alice@example.com", null) == JtiRevocations.REVOKED));
            Thread.sleep(30); // spread the samples over the poll cycle
        }
        return micros;
    }

    /** Microseconds until the condition holds; fails after 5 s. */
    private static long waitUntil(BooleanSupplier condition) {
        long start = System.nanoTime();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - start > 5_000_000_000L) {
                throw new AssertionError("not propagated within 5 s");
            }
            LockSupport.parkNanos(50_000); // poll every ~50 µs without starving the sync thread of a core
        }
        return (System.nanoTime() - start) / 1000;
    }

    private static void report(String label, List<Long> micros) {
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        System.out.printf("propagation, %s: n=%d median=%.1f ms max=%.1f ms%n", label, sorted.size(),
                sorted.get(sorted.size() / 2) / 1000.0, sorted.get(sorted.size() - 1) / 1000.0);
    }
}
