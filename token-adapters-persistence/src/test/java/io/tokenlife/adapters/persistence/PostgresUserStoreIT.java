package io.tokenlife.adapters.persistence;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.opentest4j.TestAbortedException;

import java.time.Clock;

class PostgresUserStoreIT extends UserStoreContract {
    private static PostgresDatabase database;
    /** Without PostgreSQL each test is reported skipped (an abort in @BeforeAll would hide the count). */
    private static TestAbortedException unavailable;

    @BeforeAll
    static void createDatabase() {
        try {
            database = PostgresDatabase.create();
        } catch (TestAbortedException e) {
            unavailable = e;
        }
    }

    @AfterAll
    static void dropDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @Override
    protected PersistenceAdapters freshStack() {
        if (unavailable != null) {
            throw unavailable;
        }
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
