package io.tokenlife.adapters.persistence;

import io.tokenlife.domain.contract.TokenStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.opentest4j.TestAbortedException;

import java.time.Clock;
import java.time.ZoneOffset;

/** The port contract on the real PostgreSQL: one throw-away database for the class, emptied before each test. */
class PostgresTokenStoreIT extends TokenStoreContract {
    private static PostgresDatabase database;
    /** Without PostgreSQL each test is reported skipped (an abort in @BeforeAll would hide the count). */
    private static TestAbortedException unavailable;
    private PersistenceAdapters adapters;

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
    protected Stores freshStores() {
        if (unavailable != null) {
            throw unavailable;
        }
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
