package org.scimengine.store.jdbc;

import org.junit.jupiter.api.AfterEach;
import org.scimengine.core.spi.ResourceStore;
import org.scimengine.core.spi.contract.IdentityProviderContract;

/** {@link IdentityProviderContract}, run on the JDBC store on PostgreSQL. */
class PostgresIdentityProviderContractTest extends IdentityProviderContract {

    private final TestDatabases databases = new TestDatabases();

    @Override
    protected ResourceStore newStore() {
        return databases.postgres();
    }

    @AfterEach
    void closeStores() {
        databases.closeAll();
    }
}
