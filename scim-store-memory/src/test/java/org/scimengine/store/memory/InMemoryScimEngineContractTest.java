package org.scimengine.store.memory;

import org.scimengine.core.spi.ResourceStore;
import org.scimengine.core.spi.contract.ScimEngineContract;

/** {@link ScimEngineContract}, run on the in-memory store. */
class InMemoryScimEngineContractTest extends ScimEngineContract {

    @Override
    protected ResourceStore newStore() {
        return InMemoryResourceStore.create();
    }
}
