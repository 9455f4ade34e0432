package io.tokenlife.domain.contract;

import io.tokenlife.domain.fakes.InMemoryRefreshTokenStore;
import io.tokenlife.domain.port.out.RefreshTokenStore;

class InMemoryRefreshTokenStoreTest extends RefreshTokenStoreContract {
    @Override
    protected RefreshTokenStore freshStore() {
        return new InMemoryRefreshTokenStore();
    }
}
