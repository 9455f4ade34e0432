package io.tokenlife.adapters.persistence;

import io.tokenlife.domain.contract.SigningKeyStoreContract;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The signing-key store contract on the real PostgreSQL, and the advisory lock: of two replicas asking
 * for the key schedule at the same moment, one runs it.
 */
class PostgresSigningKeyStoreIT extends SigningKeyStoreContract {
    @RegisterExtension
    static final PostgresDatabase.PerClass DATABASE = new PostgresDatabase.PerClass();
    private PersistenceAdapters adapters;

    @Override
    protected Stores freshStores() {
        adapters = DATABASE.openEmpty(Clock.fixed(T0, ZoneOffset.UTC));
        return new Stores(adapters.signingKeys(), adapters.registry());
    }

    @AfterEach
    void closeStack() {
        if (adapters != null) {
            adapters.close();
        }
    }

    @Test
    void onlyOneReplicaRunsTheKeyScheduleAtATime() throws Exception {
        try (PersistenceAdapters other = PersistenceAdapters.open(TestDatabases.settings(DATABASE.get().url()),
                Clock.systemUTC(), PersistenceOptions.defaults())) {
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            AtomicBoolean secondRan = new AtomicBoolean();
            Thread first = new Thread(() -> adapters.signingKeys().exclusively(() -> {
                holding.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            first.start();
            assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();

            boolean ran = other.signingKeys().exclusively(() -> secondRan.set(true));

            release.countDown();
            first.join(10_000);
            assertThat(ran).as("the lock is held by the first replica").isFalse();
            assertThat(secondRan).isFalse();
            assertThat(other.signingKeys().exclusively(() -> secondRan.set(true))).as("released afterwards").isTrue();
            assertThat(secondRan).isTrue();
        }
    }
}
