package org.scimengine.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.scimengine.core.spi.CreateRequest;
import org.scimengine.core.spi.DeleteRequest;
import org.scimengine.core.spi.GroupRef;
import org.scimengine.core.spi.GroupsQuery;
import org.scimengine.core.spi.MemberPage;
import org.scimengine.core.spi.MembersQuery;
import org.scimengine.core.spi.MembershipChange;
import org.scimengine.core.spi.ReplaceRequest;
import org.scimengine.core.spi.ResourceKey;
import org.scimengine.core.spi.ResourceStore;
import org.scimengine.core.spi.StoreCapabilities;
import org.scimengine.core.spi.StorePage;
import org.scimengine.core.spi.StoreQuery;
import org.scimengine.core.spi.StoredResource;
import org.scimengine.store.jdbc.internal.Database;
import org.scimengine.store.jdbc.internal.Operations;
import org.scimengine.store.jdbc.internal.SearchStatements;
import org.scimengine.store.jdbc.internal.UnitOfWork;

/**
 * A {@link ResourceStore} in a relational database: an embedded SQLite file, or a PostgreSQL server that several
 * engine instances share (each sees the others' writes at once, and unique values hold across them).
 *
 * <p>Filters, sorting and paging run in the database: every value a filter can reach is indexed when a resource
 * is written, so {@code userName eq "x"} is one index lookup, and the results are exactly those of the in-memory
 * evaluator. Group membership is a table of its own, so adding one member costs the same in a group of ten and
 * in a group of a million. Cursor paging (RFC 9865) is by keyset. Every call is one transaction, and a
 * {@link #inUnitOfWork unit of work} is one transaction; a call returns only after its transaction committed.
 *
 * <p>On SQLite the store keeps the file in WAL mode with {@code synchronous=FULL}: each commit waits for its
 * write to reach the disk, so a crash, a kill or a power cut loses no acknowledged write (at the cost of one
 * fsync per write). Writers of this process take turns, and each waits, up to the connections'
 * {@code busy_timeout} (30 s with {@link #open}), for writers of other connections: a host's own tables in the
 * same file, another process. Readers never wait for them.
 *
 * <p>The tables are created and evolved by versioned migrations when the store is built. Thread-safe.
 *
 * @since 0.1
 */
public final class JdbcResourceStore implements ResourceStore, AutoCloseable {

    private static final StoreCapabilities CAPABILITIES = new StoreCapabilities(true, true);
    /** Shapes of search statements kept rendered: every filter shape a busy store repeats, and then some. */
    private static final int SEARCH_SHAPES = 256;

    private final Database database;
    private final SearchStatements searches = new SearchStatements(SEARCH_SHAPES);
    private final JdbcDialect dialect;
    private final DataSource dataSource;
    private final @Nullable HikariDataSource ownedPool;

    private JdbcResourceStore(DataSource dataSource, JdbcDialect dialect, @Nullable HikariDataSource ownedPool) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.ownedPool = ownedPool;
        this.database = new Database(dataSource, dialect);
    }

    /**
     * A store on a data source the caller owns (and closes). For SQLite, its connections should set
     * {@code journal_mode=WAL}, {@code synchronous=FULL} and a {@code busy_timeout}, as {@link #open} does.
     */
    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    /**
     * Opens a store with a connection pool of its own, which {@link #close()} closes.
     *
     * @param location a JDBC URL ({@code jdbc:sqlite:...} or {@code jdbc:postgresql://...}) or the path of a
     *     SQLite file, created with its folder if it does not exist
     * @throws IllegalArgumentException for a JDBC URL of another database
     * @throws UncheckedIOException if the SQLite file's folder cannot be created
     */
    public static JdbcResourceStore open(String location) {
        Objects.requireNonNull(location, "location");
        boolean url = location.regionMatches(true, 0, "jdbc:", 0, 5);
        JdbcDialect dialect = url ? JdbcDialect.ofUrl(location) : JdbcDialect.SQLITE;
        HikariConfig config = new HikariConfig();
        config.setPoolName("scim-store");
        if (dialect == JdbcDialect.SQLITE) {
            String jdbcUrl = url ? location : "jdbc:sqlite:" + createFolder(Path.of(location));
            config.setJdbcUrl(jdbcUrl);
            config.addDataSourceProperty("journal_mode", "WAL");
            config.addDataSourceProperty("synchronous", "FULL");
            config.addDataSourceProperty("busy_timeout", "30000");
            config.addDataSourceProperty("foreign_keys", "true");
            config.setMaximumPoolSize(8);
        } else {
            config.setJdbcUrl(location);
            config.setMaximumPoolSize(10);
            // The store's queries are short lookups; PostgreSQL's JIT compiler, triggered by the estimate of
            // the recursive groups query, spent 13 ms compiling for 0.8 ms of work.
            config.setConnectionInitSql("SET jit = off");
        }
        HikariDataSource pool = new HikariDataSource(config);
        try {
            JdbcResourceStore store = new JdbcResourceStore(pool, dialect, pool);
            store.database.migrate();
            // A SQLite connection reads the planner's statistics when it opens, and a migration may set them.
            pool.getHikariPoolMXBean().softEvictConnections();
            return store;
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    private static Path createFolder(Path file) {
        Path absolute = file.toAbsolutePath();
        try {
            Files.createDirectories(absolute.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the folder of " + absolute, e);
        }
        return absolute;
    }

    /** The database this store runs on. */
    public JdbcDialect dialect() {
        return dialect;
    }

    /**
     * The data source the store uses, for a host that keeps tables of its own beside the store's (the demo
     * server keeps its credentials there).
     */
    public DataSource dataSource() {
        return dataSource;
    }

    /** Closes the connection pool if {@link #open} made it; a caller's data source is left to the caller. */
    @Override
    public void close() {
        if (ownedPool != null) {
            ownedPool.close();
        }
    }

    /** Cursor paging. */
    @Override
    public StoreCapabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public StoredResource create(CreateRequest request) {
        return writing(operations -> operations.create(request));
    }

    @Override
    public Optional<StoredResource> get(ResourceKey key) {
        return reading(operations -> operations.get(key));
    }

    @Override
    public StoredResource replace(ReplaceRequest request) {
        return writing(operations -> operations.replace(request));
    }

    @Override
    public void delete(DeleteRequest request) {
        writing(operations -> {
            operations.delete(request);
            return null;
        });
    }

    @Override
    public StorePage search(StoreQuery query) {
        return reading(operations -> operations.search(query));
    }

    @Override
    public StoredResource changeMembers(MembershipChange change) {
        return writing(operations -> operations.changeMembers(change));
    }

    @Override
    public MemberPage members(MembersQuery query) {
        return reading(operations -> operations.members(query));
    }

    @Override
    public Map<String, List<GroupRef>> groupsOf(GroupsQuery query) {
        return reading(operations -> operations.groupsOf(query));
    }

    /**
     * Runs {@code work} in one database transaction; if it throws, the transaction rolls back and the exception
     * propagates. A unit started from within the unit is a savepoint in it ({@link StoreCapabilities#nestedUnits()}):
     * if that one throws, the transaction goes back to the savepoint and the outer unit goes on. If the
     * transaction loses a deadlock or a serialization conflict to a concurrent one, even inside a nested unit
     * whose exception the work caught, the whole unit runs again (a few times at most), so {@code work} must do
     * nothing outside the store it is given that it would mind doing twice.
     *
     * @throws IllegalArgumentException from the unit's store, for a call on another tenant
     * @throws IllegalStateException from the unit's store, when used after the unit ended
     */
    @Override
    public <T> T inUnitOfWork(String tenant, Function<ResourceStore, T> work) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(work, "work");
        return database.write(sql -> UnitOfWork.run(sql, tenant, CAPABILITIES, searches, work));
    }

    private <T> T writing(Function<Operations, T> operation) {
        return database.write(sql -> {
            try (Operations operations = new Operations(sql, false, searches)) {
                return operation.apply(operations);
            }
        });
    }

    private <T> T reading(Function<Operations, T> operation) {
        return database.read(sql -> {
            try (Operations operations = new Operations(sql, false, searches)) {
                return operation.apply(operations);
            }
        });
    }

    /** A builder of a store on a caller's data source. */
    public static final class Builder {
        private final DataSource dataSource;
        private JdbcDialect dialect = JdbcDialect.SQLITE;

        private Builder(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        }

        /** The database behind the data source; SQLite unless set. */
        public Builder dialect(JdbcDialect dialect) {
            this.dialect = Objects.requireNonNull(dialect, "dialect");
            return this;
        }

        /** Runs the migrations the database lacks and returns the store. */
        public JdbcResourceStore build() {
            JdbcResourceStore store = new JdbcResourceStore(dataSource, dialect, null);
            store.database.migrate();
            return store;
        }
    }
}
