package io.tokenlife.domain.contract;

import io.tokenlife.domain.fakes.InMemoryTokenStore;

class InMemoryTokenStoreTest extends TokenStoreContract {
    @Override
    protected Stores freshStores() {
        InMemoryTokenStore store = new InMemoryTokenStore();
        return new Stores(store, store, store.index());
    }
}
