package org.scimengine.benchmarks.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import javax.sql.DataSource;
import org.scimengine.core.RequestContext;
import org.scimengine.core.ScimEngine;
import org.scimengine.store.jdbc.JdbcResourceStore;

/**
 * A database the JDBC benchmarks share across runs: loaded once by {@link JdbcLoad}, then opened by every JMH
 * fork and by {@link JdbcBulkComparison}. One per dialect and user count, so a 10,000-user debug database and
 * the 1,000,000-user one live side by side:
 *
 * <ul>
 *   <li>SQLite: the file {@code <dir>/users-<N>.db}, {@code dir} from {@code -Dscim.bench.dir}
 *       ({@code /tmp/scim-bench} by default), opened with {@link JdbcResourceStore#open(String)} on its path.</li>
 *   <li>PostgreSQL: the database {@code scim_bench_<N>} on the server of {@code -Dscim.bench.postgres}
 *       ({@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres} by default; its database is only used to
 *       create and drop the benchmark's), opened with {@link JdbcResourceStore#open(String)} on its URL.</li>
 * </ul>
 *
 * <p>The store is opened exactly as a host would open it, with its own pool; bare baselines borrow that pool's
 * connections ({@link JdbcResourceStore#dataSource()}), so both sides run on the same connection settings.
 */
public final class BenchDatabase implements AutoCloseable {

    /** The tenant every benchmark resource lives in. */
    public static final String TENANT = "bench";
    /** The request context of the engine calls. */
    public static final RequestContext CONTEXT = RequestContext.of(TENANT, "https://bench.example/scim/v2");
    /** Users loaded after the generated ones, to be added to groups that already hold every generated user. */
    public static final int SPARES = 1_000;
    /** The size of the small group of the member benchmark. */
    public static final int SMALL_GROUP = 10;

    private static final String DIR = System.getProperty("scim.bench.dir", "/tmp/scim-bench");
    private static final String POSTGRES = System.getProperty("scim.bench.postgres",
            "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

    private final String dialect;
    private final int users;
    private final JdbcResourceStore store;

    private BenchDatabase(String dialect, int users, JdbcResourceStore store) {
        this.dialect = dialect;
        this.users = users;
        this.store = store;
    }

    /**
     * Opens (and on first use creates) the database of a dialect and user count.
     *
     * @param dialect {@code sqlite} or {@code postgresql}
     */
    public static BenchDatabase open(String dialect, int users) {
        return new BenchDatabase(dialect, users, JdbcResourceStore.open(location(dialect, users)));
    }

    /** What {@link JdbcResourceStore#open(String)} is given. */
    static String location(String dialect, int users) {
        return switch (dialect.toLowerCase(Locale.ROOT)) {
            case "sqlite" -> sqliteFile(users).toString();
            case "postgresql" -> {
                createPostgresDatabase(users);
                yield postgresUrl(postgresName(users));
            }
            default -> throw new IllegalArgumentException("dialect must be sqlite or postgresql, was " + dialect);
        };
    }

    static Path sqliteFile(int users) {
        return Path.of(DIR, "users-" + users + ".db");
    }

    static String postgresName(int users) {
        return "scim_bench_" + users;
    }

    /** The server URL with another database: {@code jdbc:postgresql://host:port/<database>?<same parameters>}. */
    private static String postgresUrl(String database) {
        int slash = POSTGRES.indexOf('/', "jdbc:postgresql://".length());
        int query = POSTGRES.indexOf('?');
        return POSTGRES.substring(0, slash + 1) + database + (query < 0 ? "" : POSTGRES.substring(query));
    }

    private static void createPostgresDatabase(int users) {
        try (Connection connection = DriverManager.getConnection(POSTGRES);
             PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, postgresName(users));
            try (ResultSet row = exists.executeQuery()) {
                if (row.next()) {
                    return;
                }
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + postgresName(users));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the PostgreSQL database " + postgresName(users) + " at "
                    + POSTGRES.split("\\?")[0] + ": " + e.getMessage(), e);
        }
    }

    /** Deletes the database of a dialect and user count. */
    static void drop(String dialect, int users) {
        if (dialect.equalsIgnoreCase("sqlite")) {
            for (String suffix : new String[] {"", "-wal", "-shm"}) {
                try {
                    Files.deleteIfExists(Path.of(sqliteFile(users) + suffix));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return;
        }
        try (Connection connection = DriverManager.getConnection(POSTGRES);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + postgresName(users) + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public String dialect() {
        return dialect;
    }

    public boolean postgres() {
        return dialect.equalsIgnoreCase("postgresql");
    }

    /** The number of generated users the database is meant to hold. */
    public int users() {
        return users;
    }

    public JdbcResourceStore store() {
        return store;
    }

    /** The store's own pool. */
    public DataSource dataSource() {
        return store.dataSource();
    }

    /**
     * The engine as the benchmarks run it: the standard schemas, PBKDF2 at one iteration (no user has a
     * password anyway), Bulk requests of up to 1,000 operations and 16 MiB.
     */
    public ScimEngine engine() {
        return ScimEngine.builder(store).passwordHashIterations(1).bulkLimits(1_000, 16 << 20).build();
    }

    /** How many resources of a type the tenant holds, by the store's own count. */
    public long count(String tenant, String type) {
        try (Connection connection = dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT coalesce(sum(n), 0) FROM scim_count WHERE tenant = ? AND type = ?")) {
            select.setString(1, tenant);
            select.setString(2, type);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Fails unless {@link JdbcLoad} has loaded this database completely (its users, spares and groups). */
    public BenchDatabase requireLoaded() {
        long loaded = count(TENANT, "User");
        long groups = count(TENANT, "Group");
        if (loaded != users + SPARES || groups != 2) {
            throw new IllegalStateException("The " + dialect + " database for " + users + " users holds " + loaded
                    + " users and " + groups + " groups, not " + (users + SPARES) + " and 2; load it first: java -cp "
                    + "scim-benchmarks/target/benchmarks.jar org.scimengine.benchmarks.jdbc.JdbcLoad " + dialect + " "
                    + users);
        }
        return this;
    }

    /** The database's size on disk in bytes: the SQLite file after a WAL checkpoint, or pg_database_size. */
    public long sizeBytes() {
        try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
            if (postgres()) {
                try (ResultSet row = statement.executeQuery("SELECT pg_database_size(current_database())")) {
                    row.next();
                    return row.getLong(1);
                }
            }
            statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            return Files.size(sqliteFile(users));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        store.close();
    }
}
