package io.tokenlife.domain.contract;

import io.tokenlife.domain.fakes.InMemorySigningKeyStore;
import io.tokenlife.domain.fakes.InMemoryTokenStore;

class InMemorySigningKeyStoreTest extends SigningKeyStoreContract {
    @Override
    protected Stores freshStores() {
        InMemoryTokenStore registry = new InMemoryTokenStore();
        return new Stores(new InMemorySigningKeyStore(registry), registry);
    }
}
