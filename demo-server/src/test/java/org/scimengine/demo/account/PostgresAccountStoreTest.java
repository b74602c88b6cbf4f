package org.scimengine.demo.account;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.scimengine.demo.DatabaseLocation;
import org.scimengine.demo.testing.PostgresDatabase;

/** The accounts on PostgreSQL, in a database created for this class. */
class PostgresAccountStoreTest extends AccountStoreContract {

    private static PostgresDatabase postgres;

    @AfterAll
    static void dropDatabase() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @BeforeEach
    void emptyDatabase() {
        if (postgres == null) {
            postgres = PostgresDatabase.create(); // skips each test, saying why, when there is no server
        }
        open();
        postgres.execute("DELETE FROM demo_token", "DELETE FROM demo_credential");
    }

    @Override
    DatabaseLocation database() {
        return DatabaseLocation.parse(postgres.url(), Path.of("unused"));
    }

    @Override
    String stored() {
        return postgres.text("SELECT string_agg(c::text, ' ') FROM demo_credential c",
                "SELECT string_agg(t::text, ' ') FROM demo_token t");
    }
}
