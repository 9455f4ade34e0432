package io.tokenlife.adapters.persistence;

import io.tokenlife.domain.contract.RefreshTokenStoreContract;
import io.tokenlife.domain.port.out.RefreshTokenStore;
import org.junit.jupiter.api.AfterEach;

import java.time.Clock;
import java.time.ZoneOffset;

/** The refresh-token store's contract on H2 (PostgreSQL mode), a fresh in-memory database for each test. */
class H2RefreshTokenStoreTest extends RefreshTokenStoreContract {
    private PersistenceAdapters adapters;
    private String url;

    @Override
    protected RefreshTokenStore freshStore() {
        url = TestDatabases.freshH2MemoryUrl();
        adapters = TestDatabases.started(url, Clock.fixed(T0, ZoneOffset.UTC), PersistenceOptions.defaults());
        return adapters.refreshTokens();
    }

    @AfterEach
    void dropDatabase() {
        TestDatabases.closeAndDrop(adapters, url);
    }
}
