package io.tokenlife.adapters.persistence;

import io.tokenlife.domain.contract.RefreshTokenStoreContract;
import io.tokenlife.domain.port.out.RefreshTokenStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

import java.time.Clock;
import java.time.ZoneOffset;

/** The refresh-token store's contract on the real PostgreSQL: one throw-away database, emptied before each test. */
class PostgresRefreshTokenStoreIT extends RefreshTokenStoreContract {
    private static final PostgresDatabase.PerClass DATABASE = new PostgresDatabase.PerClass();
    private PersistenceAdapters adapters;

    @BeforeAll
    static void createDatabase() {
        DATABASE.create();
    }

    @AfterAll
    static void dropDatabase() {
        DATABASE.drop();
    }

    @Override
    protected RefreshTokenStore freshStore() {
        PostgresDatabase database = DATABASE.get();
        adapters = PersistenceAdapters.open(TestDatabases.settings(database.url()), Clock.fixed(T0, ZoneOffset.UTC),
                PersistenceOptions.defaults());
        adapters.migrate();
        database.truncate();
        return adapters.refreshTokens();
    }

    @AfterEach
    void closeStack() {
        if (adapters != null) {
            adapters.close();
        }
    }
}
