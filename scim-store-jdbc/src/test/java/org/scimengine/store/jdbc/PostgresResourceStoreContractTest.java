package org.scimengine.store.jdbc;

import org.scimengine.core.spi.ResourceStore;
import org.scimengine.core.spi.contract.ResourceStoreContract;

/** {@link ResourceStoreContract}, run on the JDBC store on PostgreSQL. */
class PostgresResourceStoreContractTest extends ResourceStoreContract {

    private final TestDatabases databases = new TestDatabases();

    @Override
    protected ResourceStore newStore() {
        return databases.postgres();
    }

    @Override
    protected void release(ResourceStore store) {
        databases.closeAll();
    }
}
