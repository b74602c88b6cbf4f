package org.scimengine.demo.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A database of its own on the PostgreSQL server these machines run, created for a test and dropped by
 * {@link #close()}. Without a reachable server the test is skipped, saying why, except under CI
 * ({@code CI=true}), where it fails, so a green build never means "skipped".
 */
public final class PostgresDatabase implements AutoCloseable {

    /** The server, through its {@code test} database; {@code SCIM_TEST_POSTGRES_URL} overrides it. */
    static final String SERVER_URL = System.getenv().getOrDefault("SCIM_TEST_POSTGRES_URL",
            "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

    private final String name;
    private final String url;

    private PostgresDatabase(String name, String url) {
        this.name = name;
        this.url = url;
    }

    /** Creates a new, empty database; skips the test (fails it under CI) when there is no server. */
    public static PostgresDatabase create() {
        String name = "scim_demo_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection connection = DriverManager.getConnection(SERVER_URL);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            String problem = "No PostgreSQL server at " + SERVER_URL.split("\\?")[0] + " (" + e.getMessage()
                    + "); start one or set SCIM_TEST_POSTGRES_URL";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(problem + ". CI must run the PostgreSQL tests.", e);
            }
            Assumptions.abort(problem);
        }
        return new PostgresDatabase(name, withDatabase(SERVER_URL, name));
    }

    /** Its JDBC URL, as {@code --db} takes it. */
    public String url() {
        return url;
    }

    /** Runs statements on it, such as emptying tables between tests. */
    public void execute(String... statements) {
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of the first row of each query, joined by spaces. */
    public String text(String... queries) {
        StringBuilder text = new StringBuilder();
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            for (String query : queries) {
                try (ResultSet result = statement.executeQuery(query)) {
                    if (result.next()) {
                        text.append(result.getString(1)).append(' ');
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return text.toString();
    }

    /** Drops it, with whatever connections are still open to it. */
    @Override
    public void close() {
        try (Connection connection = DriverManager.getConnection(SERVER_URL);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop the test database " + name, e);
        }
    }

    /** The server's URL with another database: {@code jdbc:postgresql://host:port/<name>?...}. */
    private static String withDatabase(String serverUrl, String database) {
        int query = serverUrl.indexOf('?');
        String base = query < 0 ? serverUrl : serverUrl.substring(0, query);
        String parameters = query < 0 ? "" : serverUrl.substring(query);
        int slash = base.lastIndexOf('/');
        if (slash < "jdbc:postgresql://".length() || !base.toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:")) {
            throw new IllegalStateException("SCIM_TEST_POSTGRES_URL must be jdbc:postgresql://host:port/database");
        }
        return base.substring(0, slash + 1) + database + parameters;
    }
}
