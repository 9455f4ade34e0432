package io.tokenlife.adapters.persistence;

import io.tokenlife.domain.contract.TokenStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

import java.time.Clock;
import java.time.ZoneOffset;

/** The port contract on the real PostgreSQL: one throw-away database for the class, emptied before each test. */
class PostgresTokenStoreIT extends TokenStoreContract {
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
    protected Stores freshStores() {
        PostgresDatabase database = DATABASE.get();
        adapters = PersistenceAdapters.open(TestDatabases.settings(database.url()), Clock.fixed(T0, ZoneOffset.UTC),
                PersistenceOptions.defaults());
        adapters.migrate();
        database.truncate();
        adapters.startRevocationSync();
        return new Stores(adapters.registry(), adapters.revocations(), adapters.revocationIndex());
    }

    @AfterEach
    void closeStack() {
        if (adapters != null) {
            adapters.close();
        }
    }
}
