package io.tokenlife.adapters.persistence;

import io.tokenlife.domain.revocation.JtiRevocations;
import io.tokenlife.domain.revocation.Revocation;
import io.tokenlife.domain.revocation.RevocationState;
import io.tokenlife.domain.model.TokenRecord;
import io.tokenlife.domain.model.TokenSource;
import io.tokenlife.domain.model.TokenUse;
import io.tokenlife.domain.port.out.StoreUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The database goes away mid-way (connections killed with pg_terminate_backend, new ones refused): the
 * index keeps answering, writes fail cleanly, and the instance recovers by itself once it comes back.
 */
class ConnectionLossIT {
    private PostgresDatabase database;
    private PersistenceAdapters first;
    private PersistenceAdapters second;

    @BeforeEach
    void start() {
        database = PostgresDatabase.create();
        PersistenceOptions options = PersistenceOptions.defaults().withPollInterval(Duration.ofMillis(200));
        first = TestDatabases.started(database.url(), Clock.systemUTC(), options);
        second = TestDatabases.started(database.url(), Clock.systemUTC(), options);
    }

    @AfterEach
    void stop() {
        if (database != null) {
            database.execute("ALTER DATABASE " + database.name() + " WITH ALLOW_CONNECTIONS true");
        }
        if (first != null) {
            first.close();
        }
        if (second != null) {
            second.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void validationContinuesRevocationFailsCleanlyAndTheInstanceRecoversByItself() {
        String revokedBefore = UUID.randomUUID().toString();
        assertThat(first.revocations().revoke(revocation(revokedBefore))).isTrue();

        database.execute("ALTER DATABASE " + database.name() + " WITH ALLOW_CONNECTIONS false");
        int killed = database.terminateConnections();
        assertThat(killed).isPositive();

        // the index still answers, from memory
        assertThat(first.revocationIndex().check(revokedBefore, "alice@example.com", null))
                .isEqualTo(JtiRevocations.REVOKED);
        assertThat(first.revocationIndex().check(UUID.randomUUID().toString(), "alice@example.com", null))
                .isEqualTo(RevocationState.NOT_REVOKED);

        // writes fail cleanly, fast, and say which operation
        String refused = UUID.randomUUID().toString();
        long started = System.nanoTime();
        assertThatThrownBy(() -> first.revocations().revoke(revocation(refused)))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("revoke token")
                .hasMessageNotContaining("postgres://");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThatThrownBy(() -> first.registry().record(token(UUID.randomUUID().toString())))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("record token");
        assertThat(first.isReachable()).isFalse();
        await(() -> !first.revocationIndex().inSync(), "index reported out of sync");
        assertThat(first.revocationIndex().check(revokedBefore, null, null)).isEqualTo(JtiRevocations.REVOKED);

        database.execute("ALTER DATABASE " + database.name() + " WITH ALLOW_CONNECTIONS true");

        // recovers without a restart: reads, writes, and revocations from the other instance reach it again
        await(() -> first.revocationIndex().inSync(), "index back in sync");
        assertThat(first.isReachable()).isTrue();
        String after = UUID.randomUUID().toString();
        assertThat(first.revocations().revoke(revocation(after))).isTrue();
        String fromSecond = UUID.randomUUID().toString();
        assertThat(second.revocations().revoke(revocation(fromSecond))).isTrue();
        await(() -> first.revocationIndex().check(fromSecond, null, null).isRevoked(), "second's revocation seen by first");
        await(() -> second.revocationIndex().check(after, null, null).isRevoked(), "first's revocation seen by second");

        // nothing acknowledged was lost, nothing refused was half-written
        assertThat(second.revocations().revoke(revocation(revokedBefore))).isFalse();
        assertThat(first.revocationIndex().check(refused, null, null)).isEqualTo(RevocationState.NOT_REVOKED);
        assertThat(second.revocations().revoke(revocation(refused))).isTrue();
    }

    private static Revocation revocation(String jti) {
        return new Revocation(jti, "alice@example.com", Instant.now(), "admin", "test", Instant.now().plusSeconds(3600));
    }

    private static TokenRecord token(String jti) {
        return new TokenRecord(jti, "alice@example.com", TokenSource.API, TokenUse.API, "n", null, Instant.now(),
                Instant.now().plusSeconds(600), null, null, null, null);
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting: " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
