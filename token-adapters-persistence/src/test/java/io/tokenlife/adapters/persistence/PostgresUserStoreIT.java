package io.tokenlife.adapters.persistence;

import io.tokenlife.domain.contract.UserStoreContract;
import io.tokenlife.domain.port.out.UserStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.time.Clock;

/** The user store contract of the domain's test-jar on PostgreSQL, the tables emptied for each test. */
class PostgresUserStoreIT extends UserStoreContract {
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
    protected UserStore freshStore() {
        PostgresDatabase database = DATABASE.get();
        adapters = PersistenceAdapters.open(TestDatabases.settings(database.url()), Clock.systemUTC(),
                PersistenceOptions.defaults());
        adapters.migrate();
        database.truncate();
        adapters.startRevocationSync();
        return adapters.users();
    }

    @Override
    protected void dispose() {
        if (adapters != null) {
            adapters.close();
        }
    }
}
