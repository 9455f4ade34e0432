package io.tokenlife.adapters.persistence;

import java.time.Clock;

class H2UserStoreTest extends UserStoreContract {
    private String url;

    @Override
    protected PersistenceAdapters freshStack() {
        url = TestDatabases.freshH2MemoryUrl();
        return TestDatabases.started(url, Clock.systemUTC(), PersistenceOptions.defaults());
    }

    @Override
    protected void dispose(PersistenceAdapters adapters) {
        TestDatabases.closeAndDrop(adapters, url);
    }
}
