package org.scimengine.store.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatementCacheTest {

    @TempDir
    Path folder;

    private String url;
    private Connection physical;

    @BeforeEach
    void openDatabase() throws SQLException {
        url = "jdbc:sqlite:" + folder.resolve("cache.db");
        physical = DriverManager.getConnection(url);
        try (Statement statement = physical.createStatement()) {
            statement.execute("PRAGMA journal_mode=WAL");
            statement.execute("CREATE TABLE t (k TEXT PRIMARY KEY, v TEXT)");
            statement.execute("INSERT INTO t VALUES ('a', 'one')");
        }
    }

    @AfterEach
    void closeDatabase() throws SQLException {
        physical.close();
    }

    @Test
    void aStatementClosedInOneBorrowIsTheOneTheNextBorrowGets() throws SQLException {
        StatementCache cache = new StatementCache(10);
        PreparedStatement first = cache.on(physical).prepareStatement("SELECT v FROM t WHERE k = ?");
        assertThat(valueOf(first, "a")).isEqualTo("one");
        first.close();
        assertThat(first.isClosed()).isTrue();

        PreparedStatement second = cache.on(physical).prepareStatement("SELECT v FROM t WHERE k = ?");
        assertThat(second).isSameAs(first);
        assertThat(second.isClosed()).isFalse();
        assertThat(valueOf(second, "a")).isEqualTo("one");
        second.close();
    }

    @Test
    void aReturnedStatementForgetsItsParameters() throws SQLException {
        StatementCache cache = new StatementCache(10);
        PreparedStatement first = cache.on(physical).prepareStatement("SELECT ? IS NULL");
        first.setString(1, "x");
        assertThat(single(first)).isEqualTo("0");
        first.close();

        PreparedStatement again = cache.on(physical).prepareStatement("SELECT ? IS NULL");
        assertThat(single(again)).isEqualTo("1");
        again.close();
    }

    @Test
    void aStatementInUseIsNotHandedOutTwice() throws SQLException {
        StatementCache cache = new StatementCache(10);
        Connection connection = cache.on(physical);
        PreparedStatement outer = connection.prepareStatement("SELECT v FROM t WHERE k = ?");
        PreparedStatement inner = connection.prepareStatement("SELECT v FROM t WHERE k = ?");
        assertThat(inner).isNotSameAs(outer);
        outer.setString(1, "a");
        try (ResultSet rows = outer.executeQuery()) {
            assertThat(rows.next()).isTrue();
            assertThat(valueOf(inner, "a")).isEqualTo("one");
            assertThat(rows.getString(1)).isEqualTo("one");
        }
        inner.close();
        assertThat(inner.isClosed()).isTrue();
        outer.close();
        assertThat(connection.prepareStatement("SELECT v FROM t WHERE k = ?")).isSameAs(outer);
    }

    @Test
    void theLeastRecentlyUsedStatementGoesWhenTheCacheIsFull() throws SQLException {
        StatementCache cache = new StatementCache(2);
        Connection connection = cache.on(physical);
        PreparedStatement one = used(connection, "SELECT 1");
        PreparedStatement two = used(connection, "SELECT 2");
        assertThat(used(connection, "SELECT 1")).isSameAs(one);
        used(connection, "SELECT 3");

        assertThat(used(connection, "SELECT 1")).isSameAs(one);
        assertThat(used(connection, "SELECT 2")).isNotSameAs(two);
    }

    @Test
    void aCachedReadLeavesNoSnapshotBehind() throws SQLException {
        StatementCache cache = new StatementCache(10);
        PreparedStatement read = cache.on(physical).prepareStatement("SELECT v FROM t WHERE k = ?");
        assertThat(valueOf(read, "a")).isEqualTo("one");
        read.close();

        try (Connection writer = DriverManager.getConnection(url);
             Statement statement = writer.createStatement()) {
            statement.execute("UPDATE t SET v = 'two' WHERE k = 'a'");
        }

        PreparedStatement again = cache.on(physical).prepareStatement("SELECT v FROM t WHERE k = ?");
        assertThat(valueOf(again, "a")).isEqualTo("two");
        again.close();
    }

    @Test
    void theStatementsOfClosedConnectionsAreForgottenWhenANewConnectionComes() throws SQLException {
        StatementCache cache = new StatementCache(10);
        Connection retired = DriverManager.getConnection(url);
        used(cache.on(retired), "SELECT 1");
        used(cache.on(physical), "SELECT 1");
        assertThat(cache.connections()).isEqualTo(2);
        retired.close();

        try (Connection fresh = DriverManager.getConnection(url)) {
            used(cache.on(fresh), "SELECT 1");
            assertThat(cache.connections()).isEqualTo(2);
        }
    }

    @Test
    void aConnectionOfAnotherDriverPassesThroughUnchanged() throws SQLException {
        Connection other = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("isWrapperFor")) {
                        return false;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        assertThat(new StatementCache(10).on(other)).isSameAs(other);
    }

    private static PreparedStatement used(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        single(statement);
        statement.close();
        return statement;
    }

    private static String valueOf(PreparedStatement select, String key) throws SQLException {
        select.setString(1, key);
        return single(select);
    }

    private static String single(PreparedStatement select) throws SQLException {
        try (ResultSet rows = select.executeQuery()) {
            assertThat(rows.next()).isTrue();
            return rows.getString(1);
        }
    }
}
