package org.scimengine.benchmarks.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.scimengine.core.AttributeSelection;
import org.scimengine.core.ScimEngine;
import org.scimengine.core.spi.Member;
import org.scimengine.core.spi.MembershipChange;
import org.scimengine.core.spi.ResourceKey;

/**
 * Loads a benchmark database (see {@link BenchDatabase}) once, for every benchmark run after it, and reports how
 * long it took and how large the database is:
 *
 * <ol>
 *   <li>the {@code N} users of {@link BenchUsers}, through the engine's Bulk ({@link ScimEngine#bulk}), 1,000
 *       POST operations per request, one request after another (timed: this is the load time);</li>
 *   <li>{@value BenchDatabase#SPARES} spare users, the same way;</li>
 *   <li>two groups through {@link ScimEngine#create}, {@code bench-members-10} and {@code bench-members-N}, and
 *       their members (the first 10 generated users, and all {@code N}) through the store's
 *       {@code changeMembers} in batches of 10,000 members, one transaction each (timed separately);</li>
 *   <li>on PostgreSQL, {@code ANALYZE}, as autovacuum would do (SQLite is left as the store leaves it).</li>
 * </ol>
 *
 * <p>With {@code bare}, step 1 writes the (remaining) users with {@link BareWriter} instead, in transactions of
 * 10,000 users: the same rows as the store writes, in a fraction of the time, for when a load through Bulk would
 * not finish in the time there is. The report says which way each part was loaded.
 *
 * <p>It resumes an interrupted load: users already in the database are skipped. A complete database is left
 * alone. The summary goes to stdout and to {@code <dir>/<dialect>-<N>-load.txt}.
 *
 * <pre>
 * java -cp scim-benchmarks/target/benchmarks.jar org.scimengine.benchmarks.jdbc.JdbcLoad sqlite 1000000
 * java -cp scim-benchmarks/target/benchmarks.jar org.scimengine.benchmarks.jdbc.JdbcLoad postgresql 1000000
 * java -cp scim-benchmarks/target/benchmarks.jar org.scimengine.benchmarks.jdbc.JdbcLoad sqlite 1000000 bare
 * java -cp scim-benchmarks/target/benchmarks.jar org.scimengine.benchmarks.jdbc.JdbcLoad drop sqlite 1000000
 * </pre>
 */
public final class JdbcLoad {

    static final String BULK_REQUEST = "urn:ietf:params:scim:api:messages:2.0:BulkRequest";
    static final String GROUP_URN = "urn:ietf:params:scim:schemas:core:2.0:Group";
    private static final int OPERATIONS_PER_REQUEST = 1_000;
    /** Users per transaction of the bare writer. */
    private static final int BARE_BATCH = 10_000;
    private static final int MEMBER_BATCH = 10_000;
    private static final int PROGRESS = Integer.getInteger("scim.bench.progress", 50_000);
    private static final ObjectMapper JSON = new ObjectMapper();

    private JdbcLoad() {
    }

    public static void main(String[] args) {
        if (args.length == 3 && args[0].equals("drop")) {
            BenchDatabase.drop(args[1], Integer.parseInt(args[2]));
            System.out.println("dropped the " + args[1] + " database of " + args[2] + " users");
            return;
        }
        if (args.length < 2 || args.length > 3 || args.length == 3 && !args[2].equals("bare")) {
            System.err.println("usage: JdbcLoad sqlite|postgresql <users> [bare]  |  JdbcLoad drop sqlite|postgresql"
                    + " <users>");
            System.exit(2);
        }
        int users = Integer.parseInt(args[1]);
        try (BenchDatabase db = BenchDatabase.open(args[0], users)) {
            new Loader(db, args.length == 3).load();
        }
    }

    /** A bulk request of POST /Users operations. */
    static ObjectNode bulkRequest(List<ObjectNode> users, String bulkIdPrefix) {
        ObjectNode request = JsonNodeFactory.instance.objectNode();
        request.putArray("schemas").add(BULK_REQUEST);
        ArrayNode operations = request.putArray("Operations");
        for (int i = 0; i < users.size(); i++) {
            ObjectNode operation = operations.addObject();
            operation.put("method", "POST");
            operation.put("path", "/Users");
            operation.put("bulkId", bulkIdPrefix + i);
            operation.set("data", users.get(i));
        }
        return request;
    }

    /** The size of a request body as a client would send it. */
    static long payloadSize(JsonNode request) {
        try {
            return JSON.writeValueAsBytes(request).length;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails unless every operation of a BulkResponse created its resource. */
    static void requireAllCreated(JsonNode response, int expected) {
        JsonNode operations = response.path("Operations");
        if (operations.size() != expected) {
            throw new IllegalStateException("the bulk response holds " + operations.size() + " operations, not "
                    + expected + ": " + abbreviate(response));
        }
        for (JsonNode operation : operations) {
            if (!operation.path("status").asText().equals("201")) {
                throw new IllegalStateException("a bulk operation failed: " + abbreviate(operation));
            }
        }
    }

    private static String abbreviate(JsonNode json) {
        String text = json.toString();
        return text.length() > 2_000 ? text.substring(0, 2_000) + "..." : text;
    }

    private static final class Loader {
        private final BenchDatabase db;
        private final ScimEngine engine;
        private final boolean bare;
        private final List<String> report = new ArrayList<>();

        Loader(BenchDatabase db, boolean bare) {
            this.db = db;
            this.engine = db.engine();
            this.bare = bare;
        }

        void load() {
            int n = db.users();
            long present = db.count(BenchDatabase.TENANT, "User");
            if (present == n + BenchDatabase.SPARES && db.count(BenchDatabase.TENANT, "Group") == 2) {
                System.out.println("The " + db.dialect() + " database of " + n + " users is already loaded ("
                        + String.format(Locale.ROOT, "%,d", db.sizeBytes()) + " bytes); nothing to do.");
                return;
            }
            if (present > n) {
                throw new IllegalStateException("a half-loaded database with spares; drop it and load again");
            }
            line("%s, %,d users, loaded %s (JDK %s)", db.dialect(), n, Instant.now(), Runtime.version());
            if (present > 0) {
                line("resuming after %,d users already loaded (the load time below covers only the rest)", present);
            }

            long start = System.nanoTime();
            Iterator<ObjectNode> users = BenchUsers.iterate(n, 0);
            for (long skipped = 0; skipped < present; skipped++) {
                users.next();
            }
            long loaded = present;
            long chunkStart = System.nanoTime();
            long chunkFrom = loaded;
            while (users.hasNext()) {
                int size = bare ? BARE_BATCH : OPERATIONS_PER_REQUEST;
                List<ObjectNode> batch = new ArrayList<>(size);
                while (users.hasNext() && batch.size() < size) {
                    batch.add(users.next());
                }
                if (bare) {
                    BareWriter.write(db.dataSource(), BenchDatabase.TENANT, batch);
                } else {
                    ObjectNode request = bulkRequest(batch, "u");
                    requireAllCreated(engine.bulk(BenchDatabase.CONTEXT, request, payloadSize(request)),
                            batch.size());
                }
                loaded += batch.size();
                if (loaded % PROGRESS == 0 || !users.hasNext()) {
                    long now = System.nanoTime();
                    System.out.printf(Locale.ROOT, "  %,9d users  %7.1f s  %,6.0f users/s over the last %,d%n",
                            loaded, (now - start) / 1e9, (loaded - chunkFrom) / ((now - chunkStart) / 1e9),
                            loaded - chunkFrom);
                    chunkStart = now;
                    chunkFrom = loaded;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long added = loaded - present;
            line("users: %,d %s in %.1f s = %,.0f users/s, %.3f ms per user", added,
                    bare ? "by the bare writer (the store's rows, " + BARE_BATCH + " users per transaction)"
                            : "through Bulk (" + OPERATIONS_PER_REQUEST + " POSTs per request)",
                    seconds, added / seconds, seconds * 1e3 / Math.max(1, added));

            long sparesStart = System.nanoTime();
            List<ObjectNode> spares = new ArrayList<>();
            for (int k = 0; k < BenchDatabase.SPARES; k++) {
                spares.add(BenchUsers.spare(k));
            }
            ObjectNode request = bulkRequest(spares, "s");
            requireAllCreated(engine.bulk(BenchDatabase.CONTEXT, request, payloadSize(request)), spares.size());
            line("spares: %,d users in %.1f s", spares.size(), (System.nanoTime() - sparesStart) / 1e9);

            List<String> ids = generatedUserIds(n);
            buildGroup("bench-members-" + BenchDatabase.SMALL_GROUP, ids.subList(0, BenchDatabase.SMALL_GROUP));
            buildGroup("bench-members-" + n, ids);

            if (db.postgres()) {
                long analyze = System.nanoTime();
                execute("ANALYZE");
                line("ANALYZE in %.1f s", (System.nanoTime() - analyze) / 1e9);
            }
            long size = db.sizeBytes();
            line("size: %,d bytes = %,.0f bytes per user (%,d users, %,d spares, 2 groups, %,d memberships)",
                    size, size / (double) (n + BenchDatabase.SPARES), n, BenchDatabase.SPARES,
                    n + BenchDatabase.SMALL_GROUP);
            for (String table : List.of("scim_resource", "scim_value", "scim_member", "scim_unique", "scim_count")) {
                line("  %-13s %,12d rows  %s", table, rows(table), tableSize(table));
            }
            write();
        }

        /** The ids the engine gave the generated users, in load order (the spares come after them). */
        private List<String> generatedUserIds(int n) {
            List<String> ids = new ArrayList<>(n);
            try (Connection connection = db.dataSource().getConnection();
                 PreparedStatement select = connection.prepareStatement("SELECT id FROM scim_resource WHERE tenant = ?"
                         + " AND type = 'User' ORDER BY pk LIMIT ?")) {
                select.setString(1, BenchDatabase.TENANT);
                select.setInt(2, n);
                select.setFetchSize(10_000);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getString(1));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return ids;
        }

        private void buildGroup(String name, List<String> memberIds) {
            long start = System.nanoTime();
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            body.putArray("schemas").add(GROUP_URN);
            body.put("displayName", name);
            String id = engine.create(BenchDatabase.CONTEXT, "Group", body, AttributeSelection.DEFAULT).id();
            ResourceKey key = new ResourceKey(BenchDatabase.TENANT, "Group", id);
            for (int from = 0; from < memberIds.size(); from += MEMBER_BATCH) {
                List<Member> members = new ArrayList<>(MEMBER_BATCH);
                for (String memberId : memberIds.subList(from, Math.min(memberIds.size(), from + MEMBER_BATCH))) {
                    members.add(new Member(memberId, null, null));
                }
                db.store().changeMembers(new MembershipChange(key, false, Set.of(), members, null, Instant.now(),
                        Set.of("User", "Group")));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            line("group %s: %,d members through changeMembers in batches of %,d, %.1f s (%,.0f members/s)", name,
                    memberIds.size(), MEMBER_BATCH, seconds, memberIds.size() / seconds);
        }

        private long rows(String table) {
            try (Connection connection = db.dataSource().getConnection();
                 Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("SELECT count(*) FROM " + table)) {
                row.next();
                return row.getLong(1);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        /** A table's size with its indexes on PostgreSQL; SQLite's dbstat is not compiled into the driver. */
        private String tableSize(String table) {
            if (!db.postgres()) {
                return "";
            }
            try (Connection connection = db.dataSource().getConnection();
                 Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("SELECT pg_table_size('" + table + "'), pg_indexes_size('"
                         + table + "')")) {
                row.next();
                return String.format(Locale.ROOT, "table %,d bytes, indexes %,d bytes", row.getLong(1),
                        row.getLong(2));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        private void execute(String sql) {
            try (Connection connection = db.dataSource().getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        private void line(String format, Object... args) {
            String text = String.format(Locale.ROOT, format, args);
            System.out.println(text);
            report.add(text);
        }

        private void write() {
            Path file = BenchDatabase.sqliteFile(db.users()).resolveSibling(db.dialect() + "-" + db.users()
                    + "-load.txt");
            try {
                Files.createDirectories(file.getParent());
                Files.write(file, report, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
