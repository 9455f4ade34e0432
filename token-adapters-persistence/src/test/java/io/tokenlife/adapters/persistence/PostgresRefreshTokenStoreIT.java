package io.tokenlife.adapters.persistence;

import io.tokenlife.domain.contract.RefreshTokenStoreContract;
import io.tokenlife.domain.port.out.RefreshTokenStore;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.ZoneOffset;

/** The refresh-token store's contract on the real PostgreSQL: one throw-away database, emptied before each test. */
class PostgresRefreshTokenStoreIT extends RefreshTokenStoreContract {
    @RegisterExtension
    static final PostgresDatabase.PerClass DATABASE = new PostgresDatabase.PerClass();
    private PersistenceAdapters adapters;

    @Override
    protected RefreshTokenStore freshStore() {
        adapters = DATABASE.openEmpty(Clock.fixed(T0, ZoneOffset.UTC));
        return adapters.refreshTokens();
    }

    @AfterEach
    void closeStack() {
        if (adapters != null) {
            adapters.close();
        }
    }
}
