package org.scimengine.store.jdbc;

import org.scimengine.core.spi.ResourceStore;

/** {@link DifferentialFilterProperties} on PostgreSQL. */
class PostgresDifferentialFilterPropertiesTest extends DifferentialFilterProperties {

    private final TestDatabases databases = new TestDatabases();

    @Override
    protected ResourceStore newStore() {
        return databases.postgres();
    }

    @Override
    protected void closeStores() {
        databases.closeAll();
    }
}
