package org.scimengine.demo.http;

import org.jspecify.annotations.Nullable;

/** The demo on its default database: the SQLite file of the data directory. */
class SqliteRestartTest extends RestartContract {

    @Override
    @Nullable String db() {
        return null;
    }

    @Override
    String described() {
        return "SQLite file " + data.resolve("scim.db").toAbsolutePath();
    }
}
