package org.scimengine.benchmarks.jdbc;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import javax.sql.DataSource;
import org.scimengine.core.AttributeSelection;
import org.scimengine.core.RequestContext;
import org.scimengine.core.ScimEngine;
import org.scimengine.core.SearchRequest;
import org.scimengine.store.jdbc.JdbcDialect;
import org.scimengine.store.jdbc.JdbcResourceStore;

/**
 * A diagnostic, not a benchmark: runs one engine call of a benchmark on a loaded database with every statement
 * the store sends traced (its SQL, bind values, and time to execute and read), then prints the query plan of each
 * ({@code EXPLAIN QUERY PLAN} on SQLite, {@code EXPLAIN (ANALYZE, BUFFERS)} on PostgreSQL). The store runs on a
 * pool configured as {@link JdbcResourceStore#open} configures its own, wrapped to watch the statements.
 *
 * <pre>
 * java -cp scim-benchmarks/target/benchmarks.jar org.scimengine.benchmarks.jdbc.JdbcTrace sqlite 1000000 userName|externalId|page|co|patch|patchfull|bulk [warm-up calls]
 * </pre>
 *
 * {@code patch} adds a spare user to the group of N and removes it again by {@code members[value eq ...]}, both
 * with {@code excludedAttributes=members}; {@code patchfull} adds it with the full response, then removes it
 * through the store; {@code bulk} posts 100 new users in one Bulk request, into a new tenant each call (so a
 * trace leaves them behind: use a database made for tracing). With more than 60 statements the trace is summed per
 * distinct SQL. The trace hides the driver's connection from the store, so on SQLite every statement is compiled
 * again, and the {@code (prepare)} lines show what the store's statement cache saves.
 */
public final class JdbcTrace {

    /** One executed statement. */
    private record Traced(String sql, List<Object> binds, long nanos) {
    }

    private static final List<Traced> TRACE = new ArrayList<>();
    private static volatile boolean tracing;

    private JdbcTrace() {
    }

    public static void main(String[] args) throws Exception {
        String dialect = args[0];
        int users = Integer.parseInt(args[1]);
        String what = args[2];
        // The sample and the group ids come from the ordinary benchmark database.
        Sample sample;
        String groupId;
        String spareId;
        try (BenchDatabase db = BenchDatabase.open(dialect, users).requireLoaded()) {
            sample = Sample.draw(db, 10, 20261206L);
            groupId = single(db.dataSource(), "SELECT r.id FROM scim_resource r JOIN scim_value v ON v.res = r.pk"
                    + " WHERE v.tenant = 'bench' AND v.attr = 'displayName' AND v.sub = '' AND v.s_fold = 'bench-members-"
                    + users + "'");
            spareId = single(db.dataSource(), "SELECT r.id FROM scim_resource r JOIN scim_value v ON v.res = r.pk"
                    + " WHERE v.tenant = 'bench' AND v.attr = 'userName' AND v.sub = '' AND v.s_fold = '"
                    + BenchUsers.spareUserName(999) + "'");
        }
        String location = BenchDatabase.location(dialect, users);
        HikariConfig config = new HikariConfig();
        boolean postgres = dialect.equalsIgnoreCase("postgresql");
        if (postgres) {
            config.setJdbcUrl(location);
        } else {
            config.setJdbcUrl("jdbc:sqlite:" + location);
            config.addDataSourceProperty("journal_mode", "WAL");
            config.addDataSourceProperty("synchronous", "FULL");
            config.addDataSourceProperty("busy_timeout", "30000");
            config.addDataSourceProperty("foreign_keys", "true");
        }
        try (HikariDataSource pool = new HikariDataSource(config)) {
            DataSource traced = tracing(pool);
            JdbcResourceStore store = JdbcResourceStore.builder(traced)
                    .dialect(postgres ? JdbcDialect.POSTGRESQL : JdbcDialect.SQLITE).build();
            ScimEngine engine = ScimEngine.builder(store).passwordHashIterations(1).build();
            Runnable call = switch (what) {
                case "userName" -> () -> engine.search(BenchDatabase.CONTEXT, "User", eq("userName",
                        sample.userNames[0]));
                case "externalId" -> () -> engine.search(BenchDatabase.CONTEXT, "User", eq("externalId",
                        sample.externalIds[0]));
                case "page" -> () -> engine.search(BenchDatabase.CONTEXT, "User", SearchRequest.all().withPage(1, 100));
                case "co" -> () -> engine.search(BenchDatabase.CONTEXT, "User",
                        SearchRequest.all().withFilter("userName co \"abc\"").withPage(1, 100));
                case "patchfull" -> () -> {
                    ObjectNode patch = JsonNodeFactory.instance.objectNode();
                    patch.putArray("schemas").add("urn:ietf:params:scim:api:messages:2.0:PatchOp");
                    ObjectNode add = patch.putArray("Operations").addObject();
                    add.put("op", "add");
                    add.put("path", "members");
                    add.putArray("value").addObject().put("value", spareId);
                    engine.patch(BenchDatabase.CONTEXT, "Group", groupId, patch, null, AttributeSelection.DEFAULT);
                    store.changeMembers(new org.scimengine.core.spi.MembershipChange(
                            new org.scimengine.core.spi.ResourceKey(BenchDatabase.TENANT, "Group", groupId), false,
                            java.util.Set.of(spareId), List.of(), null, java.time.Instant.now(), java.util.Set.of()));
                };
                case "patch" -> () -> {
                    ObjectNode patch = JsonNodeFactory.instance.objectNode();
                    patch.putArray("schemas").add("urn:ietf:params:scim:api:messages:2.0:PatchOp");
                    ObjectNode add = patch.putArray("Operations").addObject();
                    add.put("op", "add");
                    add.put("path", "members");
                    add.putArray("value").addObject().put("value", spareId);
                    engine.patch(BenchDatabase.CONTEXT, "Group", groupId, patch, null,
                            new AttributeSelection(null, "members"));
                    ObjectNode remove = JsonNodeFactory.instance.objectNode();
                    remove.putArray("schemas").add("urn:ietf:params:scim:api:messages:2.0:PatchOp");
                    ObjectNode op = remove.putArray("Operations").addObject();
                    op.put("op", "remove");
                    op.put("path", "members[value eq \"" + spareId + "\"]");
                    engine.patch(BenchDatabase.CONTEXT, "Group", groupId, remove, null,
                            new AttributeSelection(null, "members"));
                };
                case "bulk" -> {
                    // Each call posts 100 new users into a tenant of its own, deleted by nobody: a trace database.
                    int[] calls = {0};
                    yield () -> {
                        int n = ++calls[0];
                        List<ObjectNode> posted = new ArrayList<>();
                        var generated = BenchUsers.iterate(5_000, 7_000_000L + n);
                        while (posted.size() < 100) {
                            posted.add(generated.next());
                        }
                        engine.bulk(RequestContext.of("trace-bulk-" + n + "-" + System.nanoTime(),
                                "https://bench.example/scim/v2"), JdbcLoad.bulkRequest(posted, "u"), 1_000);
                    };
                }
                default -> throw new IllegalArgumentException(what);
            };
            int warmups = args.length > 3 ? Integer.parseInt(args[3]) : 20;
            for (int i = 0; i < warmups; i++) {
                call.run();
            }
            tracing = true;
            long start = System.nanoTime();
            call.run();
            long total = System.nanoTime() - start;
            tracing = false;
            long inStatements = 0;
            for (Traced t : TRACE) {
                inStatements += t.nanos();
            }
            // jOOQ asks the connection for its metadata and settings; those calls stay in the total only.
            System.out.printf(Locale.ROOT, "%n%s on %s: %.3f ms in all, %d statements taking %.3f ms%n%n", what,
                    dialect, total / 1e6, TRACE.size(), inStatements / 1e6);
            List<Traced> statements = new ArrayList<>(TRACE);
            if (statements.size() > 60) {
                // Many statements: one line per distinct SQL, and each plan once (with its first binds).
                Map<String, long[]> bySql = new LinkedHashMap<>();
                Map<String, Traced> first = new LinkedHashMap<>();
                for (Traced t : statements) {
                    long[] sum = bySql.computeIfAbsent(t.sql(), k -> new long[2]);
                    sum[0]++;
                    sum[1] += t.nanos();
                    first.putIfAbsent(t.sql(), t);
                }
                bySql.forEach((sql, sum) -> System.out.printf(Locale.ROOT, "%6d x %10.3f ms  %s%n", sum[0],
                        sum[1] / 1e6, sql));
                statements = new ArrayList<>(first.values());
            } else {
                for (Traced t : statements) {
                    System.out.printf(Locale.ROOT, "%8.3f ms  %s%n            binds %s%n", t.nanos() / 1e6, t.sql(),
                            t.binds());
                }
            }
            System.out.println();
            for (Traced t : statements) {
                String sql = t.sql().trim();
                String head = sql.toLowerCase(Locale.ROOT);
                if (!head.startsWith("select") && !head.startsWith("with") && !head.startsWith("insert")
                        && !head.startsWith("update") && !head.startsWith("delete")) {
                    continue;
                }
                boolean writes = !head.startsWith("select") && !head.startsWith("with");
                if (postgres && writes) {
                    System.out.println("-- (write, plan without ANALYZE)");
                }
                System.out.println("-- " + sql);
                String explain = postgres ? (writes ? "EXPLAIN " : "EXPLAIN (ANALYZE, BUFFERS) ")
                        : "EXPLAIN QUERY PLAN ";
                try (Connection connection = pool.getConnection();
                     PreparedStatement plan = connection.prepareStatement(explain + sql)) {
                    for (int i = 0; i < t.binds().size(); i++) {
                        plan.setObject(i + 1, t.binds().get(i));
                    }
                    try (ResultSet rows = plan.executeQuery()) {
                        int columns = rows.getMetaData().getColumnCount();
                        while (rows.next()) {
                            System.out.println("   " + (columns == 1 ? rows.getString(1)
                                    : rows.getString(2) + " " + rows.getString(3) + " " + rows.getString(columns)));
                        }
                    }
                } catch (SQLException e) {
                    System.out.println("   (no plan: " + e.getMessage() + ")");
                }
                System.out.println();
            }
        }
    }

    private static SearchRequest eq(String attribute, String value) {
        return SearchRequest.all().withFilter(attribute + " eq " + TextNode.valueOf(value));
    }

    private static String single(DataSource source, String sql) throws SQLException {
        try (Connection connection = source.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }

    /** A data source whose prepared statements record their SQL, binds and execution time while tracing. */
    private static DataSource tracing(HikariDataSource pool) {
        return (DataSource) Proxy.newProxyInstance(JdbcTrace.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    long start = System.nanoTime();
                    Object result = invoke(pool, method, args);
                    if (tracing) {
                        TRACE.add(new Traced("(pool) " + method.getName(), List.of(), System.nanoTime() - start));
                    }
                    if (result instanceof Connection connection) {
                        return connection(connection);
                    }
                    return result;
                });
    }

    private static Connection connection(Connection connection) {
        return (Connection) Proxy.newProxyInstance(JdbcTrace.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("isWrapperFor")) {
                        // Hides the driver's connection, so that the store's SQLite statement cache, which
                        // prepares on it directly, stays out of the way and every statement passes through here.
                        return false;
                    }
                    long start = System.nanoTime();
                    Object result = invoke(connection, method, args);
                    if (result instanceof PreparedStatement statement && method.getName().equals("prepareStatement")) {
                        if (tracing) {
                            // SQLite compiles the statement here: the trace runs without the store's cache.
                            TRACE.add(new Traced("(prepare) " + args[0], List.of(), System.nanoTime() - start));
                        }
                        return statement(statement, (String) args[0]);
                    }
                    if (result instanceof Statement plain && method.getName().equals("createStatement")) {
                        return plainStatement(plain);
                    }
                    if (tracing && !method.getName().equals("unwrap") && !method.getName().equals("isWrapperFor")) {
                        TRACE.add(new Traced("(connection) " + method.getName(), args == null ? List.of()
                                : List.of(args), System.nanoTime() - start));
                    }
                    return result;
                });
    }

    /** A statement that runs SQL text (BEGIN, COMMIT, savepoints): each execution timed. */
    private static Statement plainStatement(Statement statement) {
        return (Statement) Proxy.newProxyInstance(JdbcTrace.class.getClassLoader(), new Class<?>[] {Statement.class},
                (proxy, method, args) -> {
                    long start = System.nanoTime();
                    Object result = invoke(statement, method, args);
                    if (tracing && method.getName().startsWith("execute") && args != null && args.length > 0) {
                        TRACE.add(new Traced(String.valueOf(args[0]), List.of(), System.nanoTime() - start));
                    }
                    return result;
                });
    }

    private static PreparedStatement statement(PreparedStatement statement, String sql) {
        List<Object> binds = new ArrayList<>();
        return (PreparedStatement) Proxy.newProxyInstance(JdbcTrace.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
                    String name = method.getName();
                    if (name.startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer at) {
                        while (binds.size() < at) {
                            binds.add(null);
                        }
                        binds.set(at - 1, name.equals("setNull") ? null : args[1]);
                    }
                    if (!name.startsWith("execute")) {
                        return invoke(statement, method, args);
                    }
                    long start = System.nanoTime();
                    Object result = invoke(statement, method, args);
                    if (tracing && result instanceof ResultSet rows) {
                        // Reading the rows counts as part of the statement.
                        var cached = javax.sql.rowset.RowSetProvider.newFactory().createCachedRowSet();
                        cached.populate(rows);
                        rows.close();
                        if (tracing) {
                            TRACE.add(new Traced(sql, new ArrayList<>(binds), System.nanoTime() - start));
                        }
                        return cached;
                    }
                    if (tracing) {
                        TRACE.add(new Traced(sql, new ArrayList<>(binds), System.nanoTime() - start));
                    }
                    return result;
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
