package io.tokenlife.adapters.persistence;

import io.tokenlife.domain.contract.TokenStoreContract;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.ZoneOffset;

/** The port contract on the real PostgreSQL: one throw-away database for the class, emptied before each test. */
class PostgresTokenStoreIT extends TokenStoreContract {
    @RegisterExtension
    static final PostgresDatabase.PerClass DATABASE = new PostgresDatabase.PerClass();
    private PersistenceAdapters adapters;

    @Override
    protected Stores freshStores() {
        adapters = DATABASE.openEmpty(Clock.fixed(T0, ZoneOffset.UTC));
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
