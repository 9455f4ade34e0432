package io.tokenlife.domain.contract;

import io.tokenlife.domain.fakes.InMemoryUserDirectory;
import io.tokenlife.domain.port.out.UserStore;

/** The fake the domain's tests run on keeps the contract the database adapters keep. */
class InMemoryUserStoreTest extends UserStoreContract {
    @Override
    protected UserStore freshStore() {
        return new InMemoryUserDirectory();
    }
}
