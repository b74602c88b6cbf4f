package org.scimengine.store.jdbc.internal;

import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/** What a database error means to the store, read from its SQLSTATE (PostgreSQL) or result code (SQLite). */
final class SqlErrors {

    /** SQLite's SQLITE_CONSTRAINT, the primary result code of a unique or primary-key violation. */
    private static final int SQLITE_CONSTRAINT = 19;
    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;

    private SqlErrors() {
    }

    /** A unique constraint refused the write: a value another transaction holds. */
    static boolean isUniqueViolation(Throwable error) {
        SQLException sql = sqlException(error);
        if (sql == null) {
            return false;
        }
        if ("23505".equals(sql.getSQLState())) {
            return true;
        }
        String message = String.valueOf(sql.getMessage());
        return (sql.getErrorCode() & 0xff) == SQLITE_CONSTRAINT
                && (message.contains("UNIQUE constraint failed") || message.contains("PRIMARY KEY constraint"));
    }

    /**
     * The transaction lost to another one and may simply run again: a deadlock or serialization failure on
     * PostgreSQL, a database SQLite kept busy past its timeout.
     */
    static boolean isTransient(Throwable error) {
        SQLException sql = sqlException(error);
        if (sql == null) {
            return false;
        }
        String state = sql.getSQLState();
        if ("40001".equals(state) || "40P01".equals(state)) {
            return true;
        }
        int code = sql.getErrorCode() & 0xff;
        return state == null && (code == SQLITE_BUSY || code == SQLITE_LOCKED);
    }

    private static @Nullable SQLException sqlException(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }
}
