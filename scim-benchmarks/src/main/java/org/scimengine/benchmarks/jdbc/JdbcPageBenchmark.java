package org.scimengine.benchmarks.jdbc;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * The time of the first page of 100 users with {@code totalResults}, on a loaded database (see
 * {@link JdbcLoad}), through the engine ({@link ScimEngine#search}, {@code startIndex=1&count=100}), from an
 * unfiltered list and from {@code userName co "abc"}, each against the bare SQL of the same page on the same pool:
 *
 * <pre>
 * SELECT attributes FROM scim_resource WHERE tenant = ? AND type = 'User' ORDER BY id LIMIT 100
 * SELECT sum(n) FROM scim_count WHERE tenant = ? AND type = 'User'                      -- the total, as the store keeps it
 *
 * SELECT r.attributes FROM scim_resource r WHERE r.tenant = ? AND r.type = 'User' AND r.pk IN
 *   (SELECT v.res FROM scim_value v WHERE v.tenant = ? AND v.attr = 'userName' AND v.sub = ''
 *      AND instr(v.s_fold, ?) > 0)                                                    -- strpos on PostgreSQL
 *   ORDER BY r.id LIMIT 100
 * SELECT count(*) FROM scim_resource r WHERE ...the same condition...
 * </pre>
 *
 * Both bare statements of a page run on one connection in autocommit. Run it through {@link JdbcRounds}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
@Fork(1)
public class JdbcPageBenchmark {

    static final String CONTAINS = "abc";
    static final String BARE_PAGE = "SELECT attributes FROM scim_resource WHERE tenant = ? AND type = 'User'"
            + " ORDER BY id LIMIT 100";
    static final String BARE_TOTAL = "SELECT sum(n) FROM scim_count WHERE tenant = ? AND type = 'User'";

    @Param({"sqlite", "postgresql"})
    public String dialect;

    @Param({"1000000"})
    public int users;

    private BenchDatabase db;
    private ScimEngine engine;
    private DataSource dataSource;
    private String containsCondition;
    private final SearchRequest unfiltered = SearchRequest.all().withPage(1, 100);
    private final SearchRequest contains = new SearchRequest("userName co \"" + CONTAINS + "\"", null, null, 1, 100,
            null, AttributeSelection.DEFAULT);

    @Setup
    public void setUp() {
        db = BenchDatabase.open(dialect, users).requireLoaded();
        engine = db.engine();
        dataSource = db.dataSource();
        containsCondition = " FROM scim_resource r WHERE r.tenant = ? AND r.type = 'User' AND r.pk IN"
                + " (SELECT v.res FROM scim_value v WHERE v.tenant = ? AND v.attr = 'userName' AND v.sub = ''"
                + " AND " + (db.postgres() ? "strpos" : "instr") + "(v.s_fold, ?) > 0)";
        ObjectNode page = enginePageUnfiltered();
        long total = bare(BARE_PAGE, BARE_TOTAL, 1, null);
        if (page.path("Resources").size() != 100 || page.path("totalResults").asLong() != total
                || total != users + BenchDatabase.SPARES) {
            throw new IllegalStateException("unfiltered: " + page.path("Resources").size() + " resources, total "
                    + page.path("totalResults") + ", bare total " + total);
        }
        ObjectNode matches = enginePageContains();
        long bareMatches = bareContains(null);
        System.out.println("userName co \"" + CONTAINS + "\" matches " + matches.path("totalResults") + " users");
        if (matches.path("totalResults").asLong() != bareMatches
                || matches.path("Resources").size() != Math.min(100, bareMatches)) {
            throw new IllegalStateException("co: engine total " + matches.path("totalResults") + ", bare "
                    + bareMatches);
        }
    }

    @TearDown
    public void tearDown() {
        db.close();
    }

    @Benchmark
    public ObjectNode enginePageUnfiltered() {
        return engine.search(BenchDatabase.CONTEXT, "User", unfiltered);
    }

    @Benchmark
    public long barePageUnfiltered(Blackhole blackhole) {
        return bare(BARE_PAGE, BARE_TOTAL, 1, blackhole);
    }

    @Benchmark
    @Warmup(iterations = 2, time = 1, timeUnit = TimeUnit.SECONDS)
    @Measurement(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
    public ObjectNode enginePageContains() {
        return engine.search(BenchDatabase.CONTEXT, "User", contains);
    }

    @Benchmark
    @Warmup(iterations = 2, time = 1, timeUnit = TimeUnit.SECONDS)
    @Measurement(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
    public long bareContains(Blackhole blackhole) {
        return bare("SELECT r.attributes" + containsCondition + " ORDER BY r.id LIMIT 100",
                "SELECT count(*)" + containsCondition, 3, blackhole);
    }

    /** A page and its total; the total. {@code binds} of 1 binds the tenant, 3 also the tenant again and "abc". */
    private long bare(String page, String total, int binds, Blackhole blackhole) {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement select = connection.prepareStatement(page)) {
                bind(select, binds);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        String attributes = rows.getString(1);
                        if (blackhole != null) {
                            blackhole.consume(attributes);
                        }
                    }
                }
            }
            try (PreparedStatement select = connection.prepareStatement(total)) {
                bind(select, binds);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void bind(PreparedStatement select, int binds) throws SQLException {
        select.setString(1, BenchDatabase.TENANT);
        if (binds == 3) {
            select.setString(2, BenchDatabase.TENANT);
            select.setString(3, CONTAINS);
        }
    }
}
