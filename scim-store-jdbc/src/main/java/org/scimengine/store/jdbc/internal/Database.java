package org.scimengine.store.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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
import org.scimengine.store.jdbc.JdbcDialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Transactions on the store's database: each write runs its work in one transaction on one pooled connection,
 * commits it before returning (so nothing is acknowledged before the database has it) and rolls it back if the
 * work throws; reads run as {@link #read} says. A transaction that lost a deadlock or a serialization conflict runs again, a few times, before
 * its error propagates.
 *
 * <p>SQLite lets one transaction write at a time; this process's writers queue on a lock here instead of
 * meeting "database is locked" from SQLite's busy handler. Readers never wait: in WAL mode they read a snapshot.
 */
public final class Database {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final int ATTEMPTS = 5;
    /** Enough for every shape of statement a busy store repeats; an odd filter's statement ages out. */
    private static final int STATEMENTS_PER_CONNECTION = 100;

    static {
        // jOOQ greets the console on first use; a library embedded in someone's server must not.
        System.setProperty("org.jooq.no-logo", System.getProperty("org.jooq.no-logo", "true"));
        System.setProperty("org.jooq.no-tips", System.getProperty("org.jooq.no-tips", "true"));
    }

    private final DataSource dataSource;
    private final SQLDialect dialect;
    private final Settings settings = new Settings().withExecuteLogging(false);
    private final @Nullable ReentrantLock writeLock;
    /** SQLite's statements kept prepared across transactions; PostgreSQL's driver keeps its own. */
    private final @Nullable StatementCache statements;

    public Database(DataSource dataSource, JdbcDialect dialect) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.dialect = dialect == JdbcDialect.POSTGRESQL ? SQLDialect.POSTGRES : SQLDialect.SQLITE;
        this.writeLock = this.dialect == SQLDialect.SQLITE ? new ReentrantLock(true) : null;
        this.statements = this.dialect == SQLDialect.SQLITE ? new StatementCache(STATEMENTS_PER_CONNECTION) : null;
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

    /**
     * Runs work that only reads: on SQLite in one deferred transaction, so all its statements see one snapshot
     * (which costs nothing there); on PostgreSQL statement by statement, each with a snapshot of its own.
     */
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
        try (Connection pooled = dataSource.getConnection()) {
            Connection connection = statements == null ? pooled : statements.on(pooled);
            if (lock != null) {
                return immediate(connection, work);
            }
            if (!write && dialect.family() == SQLDialect.POSTGRES && connection.getAutoCommit()) {
                // Each statement reads a snapshot of its own; a transaction around a read would cost two more
                // round trips (BEGIN, COMMIT) and lock nothing that matters.
                return work.apply(DSL.using(connection, dialect, settings));
            }
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.apply(DSL.using(connection, dialect, settings));
                connection.commit();
                return result;
            } catch (RuntimeException | Error e) {
                rollback(connection, e);
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
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
     * A SQLite write transaction that takes the write lock when it begins. A deferred one would read first and
     * ask for the lock at its first write, and a writer of another process committing in between makes SQLite
     * refuse at once ("database is locked") instead of waiting out the busy timeout.
     */
    private <T> T immediate(Connection connection, Function<DSLContext, T> work) throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.setAutoCommit(true);
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
            T result;
            try {
                result = work.apply(DSL.using(connection, dialect, settings));
            } catch (RuntimeException | Error e) {
                try {
                    statement.execute("ROLLBACK");
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            }
            statement.execute("COMMIT");
            return result;
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
