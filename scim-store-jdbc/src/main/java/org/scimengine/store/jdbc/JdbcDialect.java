package org.scimengine.store.jdbc;

import java.util.Locale;

/**
 * The databases {@link JdbcResourceStore} runs on.
 *
 * @since 0.1
 */
public enum JdbcDialect {
    /** An embedded SQLite file: one machine, nothing to run beside the application. */
    SQLITE,
    /** A PostgreSQL server, which several engine instances can share. */
    POSTGRESQL;

    /**
     * The dialect of a JDBC URL.
     *
     * @throws IllegalArgumentException for a URL of another database
     */
    public static JdbcDialect ofUrl(String jdbcUrl) {
        String url = jdbcUrl.toLowerCase(Locale.ROOT);
        if (url.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("Not a SQLite or PostgreSQL JDBC URL: " + jdbcUrl.split("\\?", 2)[0]);
    }
}
