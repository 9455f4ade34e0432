package io.tokenlife.adapters.persistence;

import io.tokenlife.domain.contract.SigningKeyStoreContract;
import org.junit.jupiter.api.AfterEach;

import java.time.Clock;
import java.time.ZoneOffset;

/** The signing-key store contract on H2 (PostgreSQL mode), a fresh in-memory database for each test. */
class H2SigningKeyStoreTest extends SigningKeyStoreContract {
    private PersistenceAdapters adapters;
    private String url;

    @Override
    protected Stores freshStores() {
        url = TestDatabases.freshH2MemoryUrl();
        adapters = TestDatabases.started(url, Clock.fixed(T0, ZoneOffset.UTC), PersistenceOptions.defaults());
        return new Stores(adapters.signingKeys(), adapters.registry());
    }

    @AfterEach
    void dropDatabase() {
        TestDatabases.closeAndDrop(adapters, url);
    }
}
