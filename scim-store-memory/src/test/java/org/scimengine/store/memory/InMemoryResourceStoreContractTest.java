package org.scimengine.store.memory;

import org.scimengine.core.spi.ResourceStore;
import org.scimengine.core.spi.contract.ResourceStoreContract;

/** The store contract, run on the in-memory store. */
class InMemoryResourceStoreContractTest extends ResourceStoreContract {

    @Override
    protected ResourceStore newStore() {
        return InMemoryResourceStore.create();
    }
}
