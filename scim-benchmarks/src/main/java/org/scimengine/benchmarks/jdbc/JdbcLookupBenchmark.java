package org.scimengine.benchmarks.jdbc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.scimengine.core.AttributeSelection;
import org.scimengine.core.ScimEngine;
import org.scimengine.core.SearchRequest;

/**
 * The time of one {@code userName eq "..."} and one {@code externalId eq "..."} search of a random existing user
 * on a loaded database (see {@link JdbcLoad}), through the engine ({@link ScimEngine#search}: parse and resolve
 * the filter, the store's SQL, the JSON of the resource, its {@code groups}, {@code meta} and the ListResponse)
 * against the bare indexed query of the same row on the same pool:
 *
 * <pre>
 * SELECT r.attributes FROM scim_resource r JOIN scim_value v ON v.res = r.pk
 *  WHERE v.tenant = ? AND v.attr = 'userName' AND v.sub = '' AND v.s_fold = ?
 * </pre>
 *
 * (on PostgreSQL {@code substr(v.s_fold, 1, 256) = ?}: the key of its value index, which holds a folded
 * string's first 256 characters, the whole of every value here)
 *
 * (for {@code externalId}, which is caseExact, also {@code AND coalesce(v.s_exact, v.s_fold) = ?}, as the store
 * compares it). The bare query runs in autocommit on a connection of the store's own pool, prepared for each
 * lookup as JDBC code does; it reads the document as text and hands it to the {@link Blackhole}.
 *
 * <p>Both sides look up the same 10,000 users, drawn once with a fixed seed, in the same order; at setup both
 * must find exactly one user for each of the first 200. Run it through {@link JdbcRounds}, which interleaves
 * the engine and the bare query in rounds of single forks, or directly:
 *
 * <pre>
 * java -jar scim-benchmarks/target/benchmarks.jar JdbcLookupBenchmark -p dialect=sqlite -p users=1000000
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
// Twenty seconds of warm-up: with four, on two cores, the engine's iterations still fell by 40 % during the
// measurement (857, 565, then 440 ... 314 µs/op): the JIT had not finished with the filter parser and jOOQ.
@Warmup(iterations = 10, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
@Fork(1)
public class JdbcLookupBenchmark {

    /** The key of the store's value index: the whole folded string on SQLite, its first 256 characters on PostgreSQL. */
    private static String key(String dialect) {
        return dialect.equals("postgresql") ? "substr(v.s_fold, 1, 256)" : "v.s_fold";
    }

    static String bareUserName(String dialect) {
        return "SELECT r.attributes FROM scim_resource r JOIN scim_value v ON v.res = r.pk"
                + " WHERE v.tenant = ? AND v.attr = 'userName' AND v.sub = '' AND " + key(dialect) + " = ?";
    }

    static String bareExternalId(String dialect) {
        return "SELECT r.attributes FROM scim_resource r JOIN scim_value v ON v.res = r.pk"
                + " WHERE v.tenant = ? AND v.attr = 'externalId' AND v.sub = '' AND " + key(dialect) + " = ?"
                + " AND coalesce(v.s_exact, v.s_fold) = ?";
    }

    @Param({"sqlite", "postgresql"})
    public String dialect;

    @Param({"1000000"})
    public int users;

    private BenchDatabase db;
    private ScimEngine engine;
    private DataSource dataSource;
    private Sample sample;
    private SearchRequest[] userNameFilters;
    private SearchRequest[] externalIdFilters;
    private int next;

    @Setup
    public void setUp() {
        db = BenchDatabase.open(dialect, users).requireLoaded();
        engine = db.engine();
        dataSource = db.dataSource();
        sample = Sample.draw(db, 10_000, 20261206L);
        userNameFilters = new SearchRequest[sample.size()];
        externalIdFilters = new SearchRequest[sample.size()];
        for (int i = 0; i < sample.size(); i++) {
            userNameFilters[i] = eq("userName", sample.userNames[i]);
            externalIdFilters[i] = eq("externalId", sample.externalIds[i]);
        }
        for (int i = 0; i < 200; i++) {
            require(engine.search(BenchDatabase.CONTEXT, "User", userNameFilters[i]), 1, userNameFilters[i]);
            require(engine.search(BenchDatabase.CONTEXT, "User", externalIdFilters[i]), 1, externalIdFilters[i]);
            require(bare(bareUserName(dialect), sample.userNamesFolded[i], null, null), sample.userNames[i]);
            require(bare(bareExternalId(dialect), sample.externalIdsFolded[i], sample.externalIds[i], null),
                    sample.externalIds[i]);
        }
    }

    @TearDown
    public void tearDown() {
        db.close();
    }

    private static SearchRequest eq(String attribute, String value) {
        return new SearchRequest(attribute + " eq " + TextNode.valueOf(value), null, null, null, null, null,
                AttributeSelection.DEFAULT);
    }

    private static void require(ObjectNode response, int results, SearchRequest request) {
        if (response.path("totalResults").asInt() != results || response.path("Resources").size() != results) {
            throw new IllegalStateException(request.filter() + " found " + response.path("totalResults") + " users, not "
                    + results);
        }
    }

    private static void require(int rows, String value) {
        if (rows != 1) {
            throw new IllegalStateException("the bare query for " + value + " found " + rows + " rows, not 1");
        }
    }

    private int next() {
        int i = next;
        next = i + 1 == sample.size() ? 0 : i + 1;
        return i;
    }

    @Benchmark
    public ObjectNode engineUserName() {
        return engine.search(BenchDatabase.CONTEXT, "User", userNameFilters[next()]);
    }

    @Benchmark
    public int bareUserName(Blackhole blackhole) {
        return bare(bareUserName(dialect), sample.userNamesFolded[next()], null, blackhole);
    }

    @Benchmark
    public ObjectNode engineExternalId() {
        return engine.search(BenchDatabase.CONTEXT, "User", externalIdFilters[next()]);
    }

    @Benchmark
    public int bareExternalId(Blackhole blackhole) {
        int i = next();
        return bare(bareExternalId(dialect), sample.externalIdsFolded[i], sample.externalIds[i], blackhole);
    }

    /** Runs a bare lookup; the number of rows it found. */
    private int bare(String sql, String folded, String exact, Blackhole blackhole) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, BenchDatabase.TENANT);
            select.setString(2, folded);
            if (exact != null) {
                select.setString(3, exact);
            }
            int rows = 0;
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    String attributes = result.getString(1);
                    if (blackhole != null) {
                        blackhole.consume(attributes);
                    }
                    rows++;
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
