package org.scimengine.store.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchStatementsTest {

    private static final Table<?> T = DSL.table(DSL.name("t"));
    private static final Field<String> K = DSL.field(DSL.name("t", "k"), SQLDataType.VARCHAR);
    private static final Field<String> V = DSL.field(DSL.name("t", "v"), SQLDataType.VARCHAR);
    private static final Field<?>[] FIELDS = {K, V};

    @TempDir
    Path folder;

    private Connection connection;
    private DSLContext sql;

    @BeforeEach
    void openDatabase() throws SQLException {
        connection = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("shapes.db"));
        sql = DSL.using(connection, SQLDialect.SQLITE);
        sql.execute("CREATE TABLE t (k TEXT PRIMARY KEY, v TEXT)");
        sql.execute("INSERT INTO t VALUES ('a', 'one'), ('b', 'two'), ('c', 'three')");
    }

    @AfterEach
    void closeDatabase() throws SQLException {
        connection.close();
    }

    /** {@code k = ? and v = ?}, its values made in the opposite order to the one they appear in. */
    private static ResultQuery<? extends Record> byKeyAndValue(DSLContext sql, Parameters parameters, String k,
            String v) {
        Field<String> value = parameters.of(v);
        Field<String> key = parameters.of(k);
        return sql.select(FIELDS).from(T).where(K.eq(key)).and(V.eq(value)).limit(parameters.of(10));
    }

    private static List<String> keys(ResultQuery<? extends Record> query) {
        return query.fetch().map(row -> row.get(K));
    }

    @Test
    void theSecondQueryOfAShapeRunsTheKeptTextWithItsOwnValuesInTheOrderOfTheText() {
        SearchStatements statements = new SearchStatements(10);
        Parameters first = new Parameters();
        ResultQuery<? extends Record> learned = byKeyAndValue(sql, first, "a", "one");
        assertThat(statements.statement(sql, "k and v", learned, FIELDS, first)).isSameAs(learned);
        assertThat(keys(learned)).containsExactly("a");

        Parameters second = new Parameters();
        ResultQuery<? extends Record> query = byKeyAndValue(sql, second, "b", "two");
        ResultQuery<? extends Record> kept = statements.statement(sql, "k and v", query, FIELDS, second);
        assertThat(kept).isNotSameAs(query);
        assertThat(kept.getSQL()).isEqualTo(query.getSQL());
        assertThat(kept.getBindValues()).containsExactly("b", "two", 10);
        assertThat(keys(kept)).containsExactly("b");

        Parameters mismatch = new Parameters();
        assertThat(keys(statements.statement(sql, "k and v", byKeyAndValue(sql, mismatch, "c", "one"), FIELDS,
                mismatch))).isEmpty();
    }

    @Test
    void aQueryWithAValueNotMadeThroughItsParametersIsRenderedEveryTime() {
        SearchStatements statements = new SearchStatements(10);
        for (String k : List.of("a", "b")) {
            Parameters parameters = new Parameters();
            // The limit is a constant jOOQ binds by itself: the text cannot be kept.
            ResultQuery<? extends Record> query = sql.select(FIELDS).from(T).where(K.eq(parameters.of(k))).limit(5);
            assertThat(statements.statement(sql, "k", query, FIELDS, parameters)).isSameAs(query);
            assertThat(keys(query)).containsExactly(k);
        }
        assertThat(statements.size()).isEqualTo(1);
    }

    @Test
    void aQueryOfAShapeWithOtherValuesThanTheKeptOneIsLearnedAgain() {
        SearchStatements statements = new SearchStatements(10);
        Parameters one = new Parameters();
        ResultQuery<? extends Record> single = sql.select(FIELDS).from(T).where(K.eq(one.of("a")))
                .limit(one.of(10));
        statements.statement(sql, "shape", single, FIELDS, one);

        // A caller whose shape failed to tell two texts apart: more values made than the kept text binds.
        Parameters two = new Parameters();
        ResultQuery<? extends Record> pair = sql.select(FIELDS).from(T).where(K.eq(two.of("a")).or(K.eq(two.of("c"))))
                .orderBy(K).limit(two.of(10));
        assertThat(statements.statement(sql, "shape", pair, FIELDS, two)).isSameAs(pair);
        assertThat(keys(pair)).containsExactly("a", "c");
    }

    @Test
    void theLeastRecentlyUsedShapeGoesWhenTheCacheIsFull() {
        SearchStatements statements = new SearchStatements(2);
        for (String shape : List.of("one", "two", "one", "three")) {
            Parameters parameters = new Parameters();
            statements.statement(sql, shape, byKeyAndValue(sql, parameters, "a", "one"), FIELDS, parameters);
        }
        assertThat(statements.size()).isEqualTo(2);
        Parameters again = new Parameters();
        ResultQuery<? extends Record> recent = byKeyAndValue(sql, again, "a", "one");
        assertThat(statements.statement(sql, "one", recent, FIELDS, again)).isNotSameAs(recent);
        Parameters parameters = new Parameters();
        ResultQuery<? extends Record> evicted = byKeyAndValue(sql, parameters, "a", "one");
        assertThat(statements.statement(sql, "two", evicted, FIELDS, parameters)).isSameAs(evicted);
    }
}
