package io.tokenlife.adapters.persistence;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.time.Clock;

class PostgresUserStoreIT extends UserStoreContract {
    private static PostgresDatabase database;

    @BeforeAll
    static void createDatabase() {
        database = PostgresDatabase.create();
    }

    @AfterAll
    static void dropDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @Override
    protected PersistenceAdapters freshStack() {
        PersistenceAdapters adapters = PersistenceAdapters.open(TestDatabases.settings(database.url()), Clock.systemUTC(),
                PersistenceOptions.defaults());
        adapters.migrate();
        database.truncate();
        adapters.startRevocationSync();
        return adapters;
    }

    @Override
    protected void dispose(PersistenceAdapters adapters) {
        adapters.close();
    }
}
