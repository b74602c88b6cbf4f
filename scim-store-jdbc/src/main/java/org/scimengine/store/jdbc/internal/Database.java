package org.scimengine.store.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteConnectionConfig;

/**
 * Transactions on the store's database: each call runs its work in one transaction on one pooled connection,
 * commits it before returning (so nothing is acknowledged before the database has it) and rolls it back if the
 * work throws. A transaction that lost a deadlock or a serialization conflict runs again, a few times, before
 * its error propagates.
 *
 * <p>SQLite lets one transaction write at a time; this process's writers queue on a lock here instead of
 * meeting "database is locked" from SQLite's busy handler. Readers never wait: in WAL mode they read a snapshot.
 * Other connections may write the file too (a host's own tables, another process): a write transaction
 * therefore begins with {@code BEGIN IMMEDIATE}, taking SQLite's write lock at once and waiting up to the
 * connection's {@code busy_timeout} for theirs. A deferred transaction would read first and could then not
 * write at all once another connection had committed meanwhile (its snapshot stale, SQLite answers
 * {@code SQLITE_BUSY} without waiting).
 */
public final class Database {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final int ATTEMPTS = 5;

    static {
        // jOOQ greets the console on first use; a library embedded in someone's server must not.
        System.setProperty("org.jooq.no-logo", System.getProperty("org.jooq.no-logo", "true"));
        System.setProperty("org.jooq.no-tips", System.getProperty("org.jooq.no-tips", "true"));
    }

    private final DataSource dataSource;
    private final SQLDialect dialect;
    private final Settings settings = new Settings().withExecuteLogging(false);
    private final @Nullable ReentrantLock writeLock;

    public Database(DataSource dataSource, SQLDialect dialect) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.writeLock = dialect.family() == SQLDialect.SQLITE ? new ReentrantLock(true) : null;
    }

    /** Creates or evolves the tables by the versioned scripts of the dialect. */
    public void migrate() {
        String folder = dialect.family() == SQLDialect.POSTGRES ? "postgresql" : "sqlite";
        Flyway.configure(Database.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:org/scimengine/store/jdbc/migration/" + folder)
                .table("scim_schema_history")
                .load()
                .migrate();
    }

    /** Runs work that writes. */
    public <T> T write(Function<DSLContext, T> work) {
        return transaction(true, work);
    }

    /** Runs work that only reads, on one snapshot of the database. */
    public <T> T read(Function<DSLContext, T> work) {
        return transaction(false, work);
    }

    private <T> T transaction(boolean write, Function<DSLContext, T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return once(write, work);
            } catch (DataAccessException e) {
                if (attempt == ATTEMPTS || !SqlErrors.isTransient(e)) {
                    throw e;
                }
                LOG.debug("Transaction lost to a concurrent one (attempt {} of {}); running it again", attempt,
                        ATTEMPTS);
            }
        }
    }

    private <T> T once(boolean write, Function<DSLContext, T> work) {
        ReentrantLock lock = write ? writeLock : null;
        if (lock != null) {
            lock.lock();
        }
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            int isolation = connection.getTransactionIsolation();
            boolean snapshot = !write && dialect.family() == SQLDialect.POSTGRES;
            if (snapshot) {
                // A search reads its page and its total in one snapshot.
                connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            }
            if (lock != null) {
                beginImmediate(connection);
            } else {
                connection.setAutoCommit(false);
            }
            try {
                T result = work.apply(DSL.using(connection, dialect, settings));
                connection.commit();
                return result;
            } catch (RuntimeException | Error e) {
                rollback(connection, e);
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
                if (snapshot) {
                    connection.setTransactionIsolation(isolation);
                }
            }
        } catch (SQLException e) {
            throw new DataAccessException("The database failed: " + e.getMessage(), e);
        } finally {
            if (lock != null) {
                lock.unlock();
            }
        }
    }

    /**
     * Starts a SQLite transaction that holds the write lock from its start: sqlite-jdbc begins a transaction with
     * the connection's transaction mode, set to {@code IMMEDIATE} for this one begin only (so the transaction
     * sqlite-jdbc begins after the commit, and later readers, stay deferred). A connection of another driver
     * begins as usual.
     */
    private static void beginImmediate(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(SQLiteConnection.class)) {
            connection.setAutoCommit(false);
            return;
        }
        SQLiteConnectionConfig config = connection.unwrap(SQLiteConnection.class).getConnectionConfig();
        SQLiteConfig.TransactionMode mode = config.getTransactionMode();
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        try {
            connection.setAutoCommit(false);
        } finally {
            config.setTransactionMode(mode);
        }
    }

    private static void rollback(Connection connection, Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
