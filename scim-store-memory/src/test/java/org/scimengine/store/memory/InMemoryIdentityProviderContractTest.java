package org.scimengine.store.memory;

import org.scimengine.core.spi.ResourceStore;
import org.scimengine.core.spi.contract.IdentityProviderContract;

/** {@link IdentityProviderContract}, run on the in-memory store. */
class InMemoryIdentityProviderContractTest extends IdentityProviderContract {

    @Override
    protected ResourceStore newStore() {
        return InMemoryResourceStore.create();
    }
}
