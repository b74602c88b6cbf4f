package org.scimengine.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scimengine.core.error.BadRequestException;
import org.scimengine.core.error.ConflictException;
import org.scimengine.core.error.ScimType;
import org.scimengine.core.filter.ResolvedFilter;
import org.scimengine.core.filter.ResolvedSort;
import org.scimengine.core.schema.CoreSchemas;
import org.scimengine.core.schema.SchemaRegistry;
import org.scimengine.core.spi.CreateRequest;
import org.scimengine.core.spi.ResourceKey;
import org.scimengine.core.spi.ResourceStore;
import org.scimengine.core.spi.StorePage;
import org.scimengine.core.spi.StoreQuery;
import org.scimengine.core.spi.StoredResource;
import org.scimengine.core.spi.contract.SampleResources;
import org.scimengine.filter.FilterParser;

/** What the contract leaves to this store: opening, migrations, durability settings, sharing a database. */
class JdbcResourceStoreTest {

    private static final String TENANT = "acme";
    private static final SchemaRegistry REGISTRY = SchemaRegistry.standard();

    private final TestDatabases databases = new TestDatabases();

    @TempDir
    Path folder;

    @AfterEach
    void close() {
        databases.closeAll();
    }

    @Nested
    class Opening {

        @Test
        void aPathOpensASqliteFileCreatingItsFolders() {
            Path file = folder.resolve("deep/er/scim.db");
            try (JdbcResourceStore store = JdbcResourceStore.open(file.toString())) {
                assertThat(store.dialect()).isEqualTo(JdbcDialect.SQLITE);
                create(store, "bjensen");
            }
            assertThat(file).exists();
        }

        @Test
        void aSecondStartOnAnExistingFileKeepsTheDataAndRunsNoMigrationTwice() throws SQLException {
            String file = folder.resolve("scim.db").toString();
            try (JdbcResourceStore first = JdbcResourceStore.open(file)) {
                create(first, "bjensen");
            }
            try (JdbcResourceStore second = JdbcResourceStore.open(file)) {
                assertThat(userNames(second)).containsExactly("bjensen");
                assertThat(query(second.dataSource(), "SELECT COUNT(*), MAX(CAST(version AS INTEGER)) FROM "
                        + "scim_schema_history WHERE success = 1")).isEqualTo("5,5");
            }
        }

        @Test
        void aDatabaseAtAnOlderVersionIsBroughtUpToDateKeepingItsData() throws SQLException {
            String file = folder.resolve("old.db").toString();
            try (JdbcResourceStore current = JdbcResourceStore.open(file)) {
                // Back to V1: V5 and V3 rebuilt the lookup index, V4 seeded statistics, V2 added the member-id index.
                execute(current.dataSource(), "DROP INDEX scim_value_lookup");
                execute(current.dataSource(), "CREATE INDEX scim_value_lookup ON scim_value "
                        + "(tenant, attr, sub, s_fold, res)");
                execute(current.dataSource(), "DROP INDEX scim_member_by_id");
                execute(current.dataSource(), "DELETE FROM scim_schema_history WHERE version IN ('2', '3', '4', '5')");
                create(current, "bjensen");
                assertThat(query(current.dataSource(), "SELECT COUNT(*) FROM sqlite_master WHERE name = "
                        + "'scim_member_by_id'")).isEqualTo("0");
            }
            try (JdbcResourceStore upgraded = JdbcResourceStore.open(file)) {
                assertThat(userNames(upgraded)).containsExactly("bjensen");
                assertThat(query(upgraded.dataSource(), "SELECT MAX(CAST(version AS INTEGER)) FROM "
                        + "scim_schema_history")).isEqualTo("5");
                assertThat(query(upgraded.dataSource(), "SELECT COUNT(*) FROM sqlite_master WHERE name = "
                        + "'scim_member_by_id'")).isEqualTo("1");
            }
        }

        @Test
        void sqliteKeepsWalAndWaitsForTheDiskOnEveryCommit() throws SQLException {
            try (JdbcResourceStore store = JdbcResourceStore.open(folder.resolve("scim.db").toString())) {
                assertThat(query(store.dataSource(), "PRAGMA journal_mode")).isEqualTo("wal");
                // 2 is FULL: a commit returns after its WAL frames are synced.
                assertThat(query(store.dataSource(), "PRAGMA synchronous")).isEqualTo("2");
            }
        }

        @Test
        void aUrlOfAnotherDatabaseIsRefusedWithoutItsParameters() {
            assertThatThrownBy(() -> JdbcResourceStore.open("jdbc:mysql://db.example/scim?password=s3cret"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("jdbc:mysql://db.example/scim")
                    .hasMessageNotContaining("s3cret");
        }

        @Test
        void aBuilderOnACallersDataSourceMigratesAnEmptyDatabase() throws SQLException {
            try (JdbcResourceStore owner = JdbcResourceStore.open(folder.resolve("a.db").toString())) {
                JdbcResourceStore store = JdbcResourceStore.builder(owner.dataSource()).build();
                create(store, "bjensen");
                assertThat(userNames(owner)).containsExactly("bjensen");
                store.close();
                assertThat(userNames(owner)).as("closing a store on a caller's data source leaves it open")
                        .containsExactly("bjensen");
            }
        }
    }

    @Nested
    class BadValues {

        @Test
        void aStringWithUPlus0000IsA400AndStoresNothing() {
            JdbcResourceStore store = databases.sqlite();
            ObjectNode user = SampleResources.user("bjensen").build().put("displayName", "a\u0000b");

            assertThatThrownBy(() -> store.create(new CreateRequest(new ResourceKey(TENANT, "User", "u1"), user,
                    List.of(), SampleResources.T0)))
                    .isInstanceOfSatisfying(BadRequestException.class, e -> {
                        assertThat(e.scimType()).contains(ScimType.INVALID_VALUE);
                        assertThat(e.getMessage()).contains("displayName").contains("U+0000");
                    });
            assertThat(store.get(new ResourceKey(TENANT, "User", "u1"))).isEmpty();
        }
    }

    @Nested
    class LongAndOddStrings {

        private final String longName = "x".repeat(3_000) + "@EXAMPLE.com";

        @Test
        void longValuesAreFoundAndUniqueOnSqlite() {
            assertLongValues(databases.sqlite());
        }

        @Test
        void longValuesAreFoundAndUniqueOnPostgres() {
            assertLongValues(databases.postgres());
        }

        private void assertLongValues(JdbcResourceStore store) {
            ObjectNode user = SampleResources.user(longName).build();
            user.putArray("x509Certificates").addObject().put("value", "MII" + "A".repeat(5_000));
            StoredResource created = store.create(new CreateRequest(new ResourceKey(TENANT, "User", "long"), user,
                    List.of(SampleResources.userNameValue(longName)), SampleResources.T0));

            assertThat(ids(store, "userName eq \"" + longName.toUpperCase(java.util.Locale.ROOT) + "\""))
                    .containsExactly(created.id());
            assertThat(ids(store, "userName sw \"" + "x".repeat(2_000) + "\"")).containsExactly(created.id());
            assertThat(ids(store, "userName sw \"" + "x".repeat(3_001) + "\"")).isEmpty();
            assertThat(ids(store, "x509Certificates.value eq \"MII" + "A".repeat(5_000) + "\""))
                    .containsExactly(created.id());
            assertThat(ids(store, "x509Certificates.value eq \"MII" + "A".repeat(4_999) + "\"")).isEmpty();
            assertThatThrownBy(() -> store.create(new CreateRequest(new ResourceKey(TENANT, "User", "twin"),
                    SampleResources.user(longName.toLowerCase(java.util.Locale.ROOT)).build(),
                    List.of(SampleResources.userNameValue(longName.toLowerCase(java.util.Locale.ROOT))),
                    SampleResources.T0)))
                    .isInstanceOf(ConflictException.class);
        }

        @Test
        void halfASurrogatePairIsA400() {
            JdbcResourceStore store = databases.sqlite();
            ObjectNode user = SampleResources.user("bjensen").build().put("nickName", "a\ud800b");

            assertThatThrownBy(() -> store.create(new CreateRequest(new ResourceKey(TENANT, "User", "u1"), user,
                    List.of(), SampleResources.T0)))
                    .isInstanceOfSatisfying(BadRequestException.class, e -> {
                        assertThat(e.scimType()).contains(ScimType.INVALID_VALUE);
                        assertThat(e.getMessage()).contains("nickName").contains("U+D800");
                    });
        }

        private List<String> ids(ResourceStore store, String filter) {
            return store.search(new StoreQuery(TENANT, CoreSchemas.USER_TYPE,
                            ResolvedFilter.parse(filter, FilterParser.standard(), REGISTRY, CoreSchemas.USER_TYPE),
                            ResolvedSort.byId(CoreSchemas.USER_TYPE), 0, 10, null))
                    .resources().stream().map(StoredResource::id).toList();
        }
    }

    @Nested
    class NestedUnits {

        @Test
        void aConflictLostInsideANestedUnitRunsTheWholeUnitAgainOnSqlite() {
            assertLostConflictRunsAgain(databases.sqlite());
        }

        @Test
        void aConflictLostInsideANestedUnitRunsTheWholeUnitAgainOnPostgres() {
            assertLostConflictRunsAgain(databases.postgres());
        }

        /**
         * A serialization failure inside a nested unit, which the work catches as the engine's Bulk does with an
         * operation's failure, must not let the transaction commit: the database has undone more than the nested
         * unit (on PostgreSQL, the whole snapshot is stale), so the store runs the outer unit again.
         */
        private void assertLostConflictRunsAgain(JdbcResourceStore store) {
            int[] runs = {0};

            String result = store.inUnitOfWork(TENANT, unit -> {
                runs[0]++;
                unit.create(new CreateRequest(new ResourceKey(TENANT, "User", "outer"),
                        SampleResources.user("outer").build(), List.of(SampleResources.userNameValue("outer")),
                        SampleResources.T0));
                try {
                    unit.inUnitOfWork(TENANT, nested -> {
                        nested.create(new CreateRequest(new ResourceKey(TENANT, "User", "inner"),
                                SampleResources.user("inner").build(),
                                List.of(SampleResources.userNameValue("inner")), SampleResources.T0));
                        if (runs[0] == 1) {
                            throw new DataAccessException("lost a conflict",
                                    new SQLException("could not serialize access", "40001"));
                        }
                        return null;
                    });
                } catch (DataAccessException lost) {
                    return "caught on run " + runs[0];
                }
                return "done on run " + runs[0];
            });

            assertThat(result).isEqualTo("done on run 2");
            assertThat(runs[0]).isEqualTo(2);
            assertThat(store.get(new ResourceKey(TENANT, "User", "outer"))).isPresent();
            assertThat(store.get(new ResourceKey(TENANT, "User", "inner"))).isPresent();
            assertThat(store.search(new StoreQuery(TENANT, CoreSchemas.USER_TYPE, null,
                    ResolvedSort.byId(CoreSchemas.USER_TYPE), 0, 10, null)).totalResults()).isEqualTo(2);
        }
    }

    @Nested
    class Cursors {

        @Test
        void writesBetweenPagesNeitherSkipNorRepeatAResourceThatStayed() {
            JdbcResourceStore store = databases.sqlite();
            List<String> before = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                before.add(create(store, "user" + (char) ('a' + i)).id());
            }
            StoreQuery first = new StoreQuery(TENANT, CoreSchemas.USER_TYPE, null,
                    ResolvedSort.parse("userName", null, FilterParser.standard(), REGISTRY, CoreSchemas.USER_TYPE),
                    0, 3, "");
            List<String> seen = new ArrayList<>();
            StorePage page = store.search(first);
            int added = 0;
            while (true) {
                page.resources().forEach(resource -> seen.add(resource.id()));
                // Each page, a user sorting before everything seen so far: an offset would repeat one.
                create(store, "a" + added++);
                if (page.nextCursor() == null) {
                    break;
                }
                page = store.search(new StoreQuery(TENANT, CoreSchemas.USER_TYPE, null, first.sort(), 0, 3,
                        page.nextCursor()));
            }
            assertThat(seen).doesNotHaveDuplicates().containsAll(before);
        }
    }

    @Nested
    class SharedDatabase {

        @Test
        void twoStoresOnOnePostgresDatabaseSeeEachOthersWritesAndOneUniqueness() throws Exception {
            JdbcResourceStore one = databases.postgres();
            JdbcResourceStore two = databases.postgresAgain();
            StoredResource written = create(one, "bjensen");

            assertThat(two.get(new ResourceKey(TENANT, "User", written.id()))).contains(written);
            assertThat(userNames(two)).containsExactly("bjensen");
            assertOneWinsOfConcurrentCreates(one, two);
        }

        @Test
        void twoStoresOnOneSqliteFileWriteConcurrentlyWithoutLockErrors() throws Exception {
            String file = folder.resolve("shared.db").toString();
            JdbcResourceStore one = track(JdbcResourceStore.open(file));
            JdbcResourceStore two = track(JdbcResourceStore.open(file));
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    JdbcResourceStore store = t % 2 == 0 ? one : two;
                    int thread = t;
                    done.add(pool.submit(() -> {
                        for (int i = 0; i < 25; i++) {
                            create(store, "t" + thread + "-" + i);
                        }
                        return null;
                    }));
                }
                for (Future<?> future : done) {
                    future.get(120, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(userNames(one)).hasSize(200);
            assertOneWinsOfConcurrentCreates(one, two);
        }

        @Test
        void postgresMigratesAnEmptySchemaOnceAndStartsAgainOnIt() throws SQLException {
            TestDatabases.postgresDataSource();
            String schema = "scim_migration_" + Long.toHexString(System.nanoTime());
            try (var admin = TestDatabases.pool(TestDatabases.POSTGRES_URL, 1)) {
                execute(admin, "CREATE SCHEMA " + schema);
                try (var pool = TestDatabases.pool(TestDatabases.POSTGRES_URL + "&currentSchema=" + schema, 2)) {
                    JdbcResourceStore first = JdbcResourceStore.builder(pool).dialect(JdbcDialect.POSTGRESQL).build();
                    create(first, "bjensen");
                    JdbcResourceStore second = JdbcResourceStore.builder(pool).dialect(JdbcDialect.POSTGRESQL)
                            .build();
                    assertThat(userNames(second)).containsExactly("bjensen");
                    assertThat(query(pool, "SELECT COUNT(*), MAX(CAST(version AS INTEGER)) FROM scim_schema_history "
                            + "WHERE success"))
                            .isEqualTo("5,5");
                } finally {
                    execute(admin, "DROP SCHEMA " + schema + " CASCADE");
                }
            }
        }

        private void assertOneWinsOfConcurrentCreates(ResourceStore one, ResourceStore two) throws Exception {
            int writers = 12;
            CyclicBarrier start = new CyclicBarrier(writers);
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            try {
                List<Future<String>> outcomes = new ArrayList<>();
                for (int i = 0; i < writers; i++) {
                    ResourceStore store = i % 2 == 0 ? one : two;
                    String userName = i % 3 == 0 ? "RACE" : "race";
                    int n = i;
                    Callable<String> attempt = () -> {
                        start.await(30, TimeUnit.SECONDS);
                        try {
                            create(store, userName, "race-" + n);
                            return "created";
                        } catch (ConflictException e) {
                            return e.scimType().equals(Optional.of(ScimType.UNIQUENESS)) ? "409" : "other";
                        }
                    };
                    outcomes.add(pool.submit(attempt));
                }
                List<String> results = new ArrayList<>();
                for (Future<String> outcome : outcomes) {
                    results.add(outcome.get(60, TimeUnit.SECONDS));
                }
                assertThat(results).containsOnly("created", "409");
                assertThat(results.stream().filter("created"::equals).count()).isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private JdbcResourceStore track(JdbcResourceStore store) {
        opened.add(store);
        return store;
    }

    private final List<JdbcResourceStore> opened = new ArrayList<>();

    @AfterEach
    void closeOpened() {
        opened.forEach(JdbcResourceStore::close);
    }

    private static StoredResource create(ResourceStore store, String userName) {
        return create(store, userName, SampleResources.id(userName));
    }

    private static StoredResource create(ResourceStore store, String userName, String id) {
        return store.create(new CreateRequest(new ResourceKey(TENANT, "User", id),
                SampleResources.user(userName).build(), List.of(SampleResources.userNameValue(userName)),
                SampleResources.T0));
    }

    private static List<String> userNames(ResourceStore store) {
        StorePage page = store.search(new StoreQuery(TENANT, CoreSchemas.USER_TYPE,
                ResolvedFilter.parse("userName pr", FilterParser.standard(), REGISTRY, CoreSchemas.USER_TYPE),
                ResolvedSort.byId(CoreSchemas.USER_TYPE), 0, 1_000, null));
        Set<String> unique = new HashSet<>();
        List<String> names = new ArrayList<>();
        for (StoredResource resource : page.resources()) {
            String name = resource.attributes().get("userName").asText();
            unique.add(name);
            names.add(name);
        }
        assertThat(unique).hasSameSizeAs(names);
        assertThat(page.totalResults()).isEqualTo(names.size());
        return names;
    }

    private static void execute(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** The first row of a query, its columns joined by commas. */
    private static String query(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            assertThat(rows.next()).isTrue();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                columns.add(rows.getString(i));
            }
            return String.join(",", columns);
        }
    }
}
