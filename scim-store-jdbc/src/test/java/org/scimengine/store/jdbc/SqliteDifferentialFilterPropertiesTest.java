package org.scimengine.store.jdbc;

import org.scimengine.core.spi.ResourceStore;

/** {@link DifferentialFilterProperties} on SQLite. */
class SqliteDifferentialFilterPropertiesTest extends DifferentialFilterProperties {

    private final TestDatabases databases = new TestDatabases();

    @Override
    protected ResourceStore newStore() {
        return databases.sqlite();
    }

    @Override
    protected void closeStores() {
        databases.closeAll();
    }
}
