package io.tokenlife.adapters.persistence;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.time.Clock;

class PostgresUserStoreIT extends UserStoreContract {
    private static final PostgresDatabase.PerClass DATABASE = new PostgresDatabase.PerClass();

    @BeforeAll
    static void createDatabase() {
        DATABASE.create();
    }

    @AfterAll
    static void dropDatabase() {
        DATABASE.drop();
    }

    @Override
    protected PersistenceAdapters freshStack() {
        PostgresDatabase database = DATABASE.get();
        PersistenceAdapters adapters = PersistenceAdapters.open(TestDatabases.settings(database.url()), Clock.systemUTC(),
                PersistenceOptions.defaults());
        adapters.migrate();
        database.truncate();
        adapters.startRevocationSync();
        return adapters;
    }

    @Override
    protected void dispose(PersistenceAdapters adapters) {
        if (adapters != null) {
            adapters.close();
        }
    }
}
