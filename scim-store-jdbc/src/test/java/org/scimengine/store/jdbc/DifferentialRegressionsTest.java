package org.scimengine.store.jdbc;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeds on which {@link DifferentialFilterProperties} once failed, run on every build: a group whose displayName
 * was an array (-3203875), {@code not} over a missing member display (3488736), and a cursor walk after a filter
 * on {@code groups} that lost its last page to SQLite's push-down of the keyset condition (-16233389066066).
 * Each seed stays a valid run of the property if its generator changes; it then checks other data.
 */
class DifferentialRegressionsTest {

    @ParameterizedTest
    @ValueSource(longs = {-3203875L, 3488736L, -16233389066066L})
    void onSqlite(long seed) {
        run(new SqliteDifferentialFilterPropertiesTest(), seed);
    }

    @ParameterizedTest
    @ValueSource(longs = {-3203875L, 3488736L, -16233389066066L})
    void onPostgres(long seed) {
        run(new PostgresDifferentialFilterPropertiesTest(), seed);
    }

    private static void run(DifferentialFilterProperties property, long seed) {
        try {
            property.theDatabaseAnswersEveryFilterAsMemoryDoes(seed);
        } finally {
            property.closeStores();
        }
    }
}
