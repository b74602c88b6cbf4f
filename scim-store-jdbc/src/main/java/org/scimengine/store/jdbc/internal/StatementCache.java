package org.scimengine.store.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.tools.jdbc.DefaultConnection;
import org.jooq.tools.jdbc.DefaultPreparedStatement;
import org.sqlite.SQLiteConnection;

/**
 * Keeps SQLite's prepared statements per physical connection, from one transaction to the next.
 *
 * <p>sqlite-jdbc has no statement cache and HikariCP leaves caching to the driver, so every statement was
 * compiled again on every call: a quarter of the time of a lookup went to {@code sqlite3_prepare}, more than
 * SQLite spent running the statement. (pgjdbc keeps server-prepared statements per connection by itself, so
 * PostgreSQL needs none of this.)
 *
 * <p>{@link #on} wraps a pooled connection for the time it is borrowed. A statement asked for by its SQL comes
 * from the cache of the physical connection underneath and goes back to it on {@code close()}, its batch and
 * parameters cleared by {@code clearBatch()}: sqlite-jdbc keeps parameter values in the batch until it executes.
 * Not by {@code clearParameters()}, which calls {@code sqlite3_clear_bindings}: this SQLite is built with STAT4,
 * so a plan may depend on the values bound, and clearing the bindings marks the statement expired, to be compiled
 * again at its next step. That undid the cache for every statement with a parameter in its plan: the statements
 * of a lookup took 115 µs to read a user's groups instead of 30, and 245 µs to find the user instead of 135.
 *
 * <p>A statement in use is never handed out twice: a second open statement of the same SQL, as a nested query
 * could need, is prepared and closed as usual. A physical connection uses one thread at a time, as a pool lends
 * it, so a connection's own cache needs no lock.
 */
final class StatementCache {

    private final int perConnection;
    private final Map<SQLiteConnection, Statements> byConnection = new ConcurrentHashMap<>();

    /** @param perConnection how many statements each connection keeps; the least recently used goes first */
    StatementCache(int perConnection) {
        if (perConnection < 1) {
            throw new IllegalArgumentException("perConnection must be positive: " + perConnection);
        }
        this.perConnection = perConnection;
    }

    /** The pooled connection with prepared statements from its physical connection's cache, or as it is. */
    Connection on(Connection pooled) throws SQLException {
        if (!pooled.isWrapperFor(SQLiteConnection.class)) {
            return pooled;
        }
        SQLiteConnection physical = pooled.unwrap(SQLiteConnection.class);
        Statements statements = byConnection.get(physical);
        if (statements == null) {
            // A new physical connection: the pool has retired others since the last one, so forget theirs.
            // (Closing a SQLite connection finalises its statements, so nothing else is left to free.)
            byConnection.keySet().removeIf(StatementCache::isClosed);
            statements = new Statements(physical, perConnection);
            byConnection.put(physical, statements);
        }
        return new Caching(pooled, statements);
    }

    /** How many connections have statements cached. */
    int connections() {
        return byConnection.size();
    }

    private static boolean isClosed(Connection connection) {
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    /** The statements of one physical connection, in order of last use. */
    private static final class Statements extends LinkedHashMap<String, Cached> {
        private static final long serialVersionUID = 1L;
        private final transient SQLiteConnection physical;
        private final int capacity;

        Statements(SQLiteConnection physical, int capacity) {
            super(16, 0.75f, true);
            this.physical = physical;
            this.capacity = capacity;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
            if (size() <= capacity) {
                return false;
            }
            eldest.getValue().evict();
            return true;
        }
    }

    /** A borrowed connection whose one-argument {@code prepareStatement} goes through the cache. */
    private static final class Caching extends DefaultConnection {
        private final Statements statements;

        Caching(Connection pooled, Statements statements) {
            super(pooled);
            this.statements = statements;
        }

        @Override
        public PreparedStatement prepareStatement(String sql) throws SQLException {
            Cached cached = statements.get(sql);
            if (cached != null && cached.evicted) {
                statements.remove(sql);
                cached = null;
            }
            if (cached == null) {
                cached = new Cached(statements.physical.prepareStatement(sql));
                statements.put(sql, cached);
            } else if (cached.inUse) {
                return getDelegate().prepareStatement(sql);
            }
            cached.inUse = true;
            return cached;
        }
    }

    /** A cached statement: {@code close()} hands it back, unless the cache has let go of it meanwhile. */
    private static final class Cached extends DefaultPreparedStatement {
        private boolean inUse;
        private boolean evicted;

        Cached(PreparedStatement statement) {
            super(statement);
        }

        void evict() {
            evicted = true;
            if (!inUse) {
                closeQuietly();
            }
        }

        @Override
        public void close() throws SQLException {
            if (!inUse) {
                return;
            }
            inUse = false;
            if (evicted) {
                getDelegate().close();
                return;
            }
            try {
                getDelegate().clearBatch();
            } catch (SQLException e) {
                evicted = true;
                getDelegate().close();
                throw e;
            }
        }

        @Override
        public boolean isClosed() throws SQLException {
            return !inUse || getDelegate().isClosed();
        }

        private void closeQuietly() {
            try {
                getDelegate().close();
            } catch (SQLException e) {
                // The statement is dropped either way; a statement that cannot close has nothing left to free.
            }
        }
    }
}
