package org.scimengine.store.memory;

import org.scimengine.core.spi.ResourceStore;
import org.scimengine.core.spi.contract.ScimEnginePropertiesContract;

/** {@link ScimEnginePropertiesContract}, run on the in-memory store. */
class InMemoryScimEnginePropertiesContractTest extends ScimEnginePropertiesContract {

    @Override
    protected ResourceStore newStore() {
        return InMemoryResourceStore.create();
    }
}
