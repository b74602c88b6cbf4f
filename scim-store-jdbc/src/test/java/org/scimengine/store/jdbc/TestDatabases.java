package org.scimengine.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * The databases the tests run the store on: a fresh SQLite file per store, and the PostgreSQL server these
 * machines run, emptied for each store. Without a reachable server the PostgreSQL tests skip, saying why,
 * except under CI ({@code CI=true}), where they fail, so a green build never means "skipped".
 */
final class TestDatabases {

    /** The server; {@code SCIM_TEST_POSTGRES_URL} overrides it. */
    static final String POSTGRES_URL = System.getenv().getOrDefault("SCIM_TEST_POSTGRES_URL",
            "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
    /** A schema of this JVM's own, so that builds running at once on one server never empty each other's tables. */
    private static final String SCHEMA = "scim_test_" + ProcessHandle.current().pid();

    private static HikariDataSource postgres;
    private static String postgresProblem;

    private final List<JdbcResourceStore> opened = new ArrayList<>();

    /** A store on a new, empty SQLite file. */
    JdbcResourceStore sqlite() {
        try {
            Path folder = Files.createTempDirectory("scim-store-jdbc");
            folder.toFile().deleteOnExit();
            return track(JdbcResourceStore.open(folder.resolve("scim.db").toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A store on the PostgreSQL server's test schema, emptied first; skips (or fails on CI) without a server. */
    JdbcResourceStore postgres() {
        HikariDataSource source = postgresDataSource();
        JdbcResourceStore store = JdbcResourceStore.builder(source).dialect(JdbcDialect.POSTGRESQL).build();
        try (Connection connection = source.getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE scim_value, scim_member, scim_unique, scim_count, scim_resource "
                    + "RESTART IDENTITY CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return track(store);
    }

    /** A second store on the same PostgreSQL schema, as a second engine instance would have, not emptied. */
    JdbcResourceStore postgresAgain() {
        return track(JdbcResourceStore.builder(postgresDataSource()).dialect(JdbcDialect.POSTGRESQL)
                .build());
    }

    static synchronized HikariDataSource postgresDataSource() {
        if (postgres == null && postgresProblem == null) {
            try {
                try (HikariDataSource admin = pool(POSTGRES_URL, 1);
                     Connection connection = admin.getConnection();
                     Statement statement = connection.createStatement()) {
                    statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
                    statement.execute("CREATE SCHEMA " + SCHEMA);
                }
                Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::dropSchema, "drop-test-schema"));
                postgres = pool(POSTGRES_URL + (POSTGRES_URL.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA,
                        8);
            } catch (RuntimeException | SQLException e) {
                postgresProblem = "No PostgreSQL server at " + POSTGRES_URL.split("\\?")[0] + " (" + e.getMessage()
                        + "); start one or set SCIM_TEST_POSTGRES_URL";
            }
        }
        if (postgres == null) {
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(postgresProblem + ". CI must run the PostgreSQL tests.");
            }
            Assumptions.abort(postgresProblem);
        }
        return postgres;
    }

    private static synchronized void dropSchema() {
        if (postgres != null) {
            postgres.close();
        }
        try (HikariDataSource admin = pool(POSTGRES_URL, 1);
             Connection connection = admin.getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        } catch (SQLException | RuntimeException e) {
            // The JVM is exiting; a schema left behind is dropped by the next run with this pid.
        }
    }

    static HikariDataSource pool(String url, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(size);
        config.setInitializationFailTimeout(2_000);
        config.setConnectionTimeout(5_000);
        return new HikariDataSource(config);
    }

    private JdbcResourceStore track(JdbcResourceStore store) {
        opened.add(store);
        return store;
    }

    /** Closes every store this instance opened. */
    void closeAll() {
        List<JdbcResourceStore> stores = List.copyOf(opened);
        opened.clear();
        stores.forEach(JdbcResourceStore::close);
    }
}
