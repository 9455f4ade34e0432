package io.tokenlife.adapters.persistence;

import io.tokenlife.domain.contract.UserStoreContract;
import io.tokenlife.domain.port.out.UserStore;

import java.time.Clock;

/** The user store contract of the domain's test-jar on H2, a fresh in-memory database for each test. */
class H2UserStoreTest extends UserStoreContract {
    private String url;
    private PersistenceAdapters adapters;

    @Override
    protected UserStore freshStore() {
        url = TestDatabases.freshH2MemoryUrl();
        adapters = TestDatabases.started(url, Clock.systemUTC(), PersistenceOptions.defaults());
        return adapters.users();
    }

    @Override
    protected void dispose() {
        TestDatabases.closeAndDrop(adapters, url);
    }
}
