package io.tokenlife.adapters.persistence;

import io.tokenlife.domain.contract.UserStoreContract;
import io.tokenlife.domain.port.out.UserStore;

import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;

/** The user store contract of the domain's test-jar on PostgreSQL, the tables emptied for each test. */
class PostgresUserStoreIT extends UserStoreContract {
    @RegisterExtension
    static final PostgresDatabase.PerClass DATABASE = new PostgresDatabase.PerClass();
    private PersistenceAdapters adapters;

    @Override
    protected UserStore freshStore() {
        adapters = DATABASE.openEmpty(Clock.systemUTC());
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
