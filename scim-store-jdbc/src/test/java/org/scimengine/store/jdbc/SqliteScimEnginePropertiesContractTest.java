package org.scimengine.store.jdbc;

import org.junit.jupiter.api.AfterEach;
import org.scimengine.core.spi.ResourceStore;
import org.scimengine.core.spi.contract.ScimEnginePropertiesContract;

/** {@link ScimEnginePropertiesContract}, run on the JDBC store on SQLite. */
class SqliteScimEnginePropertiesContractTest extends ScimEnginePropertiesContract {

    private final TestDatabases databases = new TestDatabases();

    @Override
    protected ResourceStore newStore() {
        return databases.sqlite();
    }

    @AfterEach
    void closeStores() {
        databases.closeAll();
    }
}
