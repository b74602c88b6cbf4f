package org.scimengine.benchmarks.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.scimengine.core.ScimEngine;

/**
 * Loading through Bulk against a bare one-transaction JDBC insert of the same users into the same database, in
 * interleaved rounds (a plain harness: every call changes the database, so JMH's repeated invocations do not
 * fit).
 *
 * <ul>
 *   <li>Engine: {@link ScimEngine#bulk} with POST {@code /Users} operations, {@code opsPerRequest} per request,
 *       one request after another. The requests are built before the clock starts; what is timed is what a
 *       server does with a parsed body: validation, uniqueness checks, the store's writes (a transaction per
 *       batch of operations, a savepoint per operation, as RFC 7644 §3.7 makes each operation its own), and the
 *       BulkResponse.</li>
 *   <li>Bare ({@link BareWriter}): the same documents written by plain JDBC into the same tables with exactly the
 *       rows the store writes ({@link StoreRows}: the resource row, every {@code scim_value} row, the
 *       {@code userName} and {@code externalId} rows of {@code scim_unique}, and the count), in one transaction,
 *       with batched inserts and one commit. Timed: the id, the JSON text, the rows, the inserts and the commit.
 *       It skips what only the engine does (schema validation, the checks before each write, a savepoint per
 *       operation and a commit per batch): it is the
 *       floor the store's write path could reach on this database, not a different kind of storage.</li>
 * </ul>
 *
 * <p>Each round writes a new block of users (a new generator seed) once each way, into two fresh tenants
 * ({@code bulk-e<round>}, {@code bulk-b<round>}) of the loaded database, so both meet the same index sizes; the
 * order of the two alternates, and both tenants are deleted again after the round (untimed). Round 0 is a
 * warm-up and is not reported. At start it checks that a user written both ways gets the same rows.
 *
 * <pre>
 * java -cp scim-benchmarks/target/benchmarks.jar org.scimengine.benchmarks.jdbc.JdbcBulkComparison sqlite 1000000 [rounds=5] [usersPerRound=10000] [opsPerRequest=1000]
 * </pre>
 */
public final class JdbcBulkComparison {

    private final BenchDatabase db;
    private final ScimEngine engine;
    private final int opsPerRequest;

    private JdbcBulkComparison(BenchDatabase db, int opsPerRequest) {
        this.db = db;
        this.engine = db.engine();
        this.opsPerRequest = opsPerRequest;
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: JdbcBulkComparison sqlite|postgresql <users> [rounds] [usersPerRound] "
                    + "[opsPerRequest]");
            System.exit(2);
        }
        int users = Integer.parseInt(args[1]);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int perRound = args.length > 3 ? Integer.parseInt(args[3]) : 10_000;
        int opsPerRequest = args.length > 4 ? Integer.parseInt(args[4]) : 1_000;
        try (BenchDatabase db = BenchDatabase.open(args[0], users).requireLoaded()) {
            new JdbcBulkComparison(db, opsPerRequest).run(rounds, perRound);
        }
    }

    private void run(int rounds, int perRound) {
        crossCheck();
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "bulk, %s, %,d users loaded, %d rounds of %,d users, %d POSTs per "
                + "request, finished %s", db.dialect(), db.users(), rounds, perRound, opsPerRequest, "%s"));
        double[] range = {Double.MAX_VALUE, 0, Double.MAX_VALUE, 0, Double.MAX_VALUE, 0};
        for (int round = 0; round <= rounds; round++) {
            int count = round == 0 ? Math.max(1, perRound / 5) : perRound;
            List<ObjectNode> block = block(count, 100 + round);
            double engineRate = 0;
            double bareRate = 0;
            for (int k = 0; k < 2; k++) {
                boolean engineTurn = (round % 2 == 0) == (k == 0);
                String tenant = (engineTurn ? "bulk-e" : "bulk-b") + round;
                double seconds = engineTurn ? viaBulk(tenant, copies(block)) : bare(tenant, copies(block));
                delete(tenant);
                if (engineTurn) {
                    engineRate = count / seconds;
                } else {
                    bareRate = count / seconds;
                }
            }
            double ratio = engineRate / bareRate;
            String line = String.format(Locale.ROOT, "    round %d%s: engine Bulk %,8.0f users/s   bare %,8.0f users/s"
                    + "   engine / bare %5.1f %%", round, round == 0 ? " (warm-up)" : "", engineRate, bareRate,
                    100 * ratio);
            System.out.println(line);
            if (round > 0) {
                out.add(line);
                range[0] = Math.min(range[0], engineRate);
                range[1] = Math.max(range[1], engineRate);
                range[2] = Math.min(range[2], bareRate);
                range[3] = Math.max(range[3], bareRate);
                range[4] = Math.min(range[4], ratio);
                range[5] = Math.max(range[5], ratio);
            }
        }
        out.add(String.format(Locale.ROOT, "    range: engine %,.0f–%,.0f users/s, bare %,.0f–%,.0f users/s, "
                + "engine / bare %.1f–%.1f %%   target: >= 40 %%", range[0], range[1], range[2], range[3],
                100 * range[4], 100 * range[5]));
        out.set(0, String.format(out.get(0), Instant.now()));
        System.out.println();
        out.forEach(System.out::println);
        Path file = BenchDatabase.sqliteFile(db.users()).resolveSibling("rounds-bulk-" + db.dialect() + "-"
                + db.users() + ".txt");
        try {
            Files.write(file, out, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<ObjectNode> block(int count, long seedOffset) {
        Iterator<ObjectNode> users = BenchUsers.iterate(Math.max(5_000, count), seedOffset);
        List<ObjectNode> block = new ArrayList<>(count);
        while (block.size() < count) {
            block.add(users.next());
        }
        return block;
    }

    private static List<ObjectNode> copies(List<ObjectNode> users) {
        List<ObjectNode> out = new ArrayList<>(users.size());
        users.forEach(user -> out.add(user.deepCopy()));
        return out;
    }

    /** Loads the users through the engine's Bulk; the seconds it took. */
    private double viaBulk(String tenant, List<ObjectNode> users) {
        List<ObjectNode> requests = new ArrayList<>();
        List<Long> sizes = new ArrayList<>();
        for (int from = 0; from < users.size(); from += opsPerRequest) {
            ObjectNode request = JdbcLoad.bulkRequest(users.subList(from, Math.min(users.size(),
                    from + opsPerRequest)), "u");
            requests.add(request);
            sizes.add(JdbcLoad.payloadSize(request));
        }
        var context = org.scimengine.core.RequestContext.of(tenant, BenchDatabase.CONTEXT.baseUrl());
        long start = System.nanoTime();
        for (int i = 0; i < requests.size(); i++) {
            JsonNode response = engine.bulk(context, requests.get(i), sizes.get(i));
            JdbcLoad.requireAllCreated(response, requests.get(i).path("Operations").size());
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Writes the users' rows in one transaction; the seconds it took. */
    private double bare(String tenant, List<ObjectNode> users) {
        long start = System.nanoTime();
        BareWriter.write(db.dataSource(), tenant, users);
        return (System.nanoTime() - start) / 1e9;
    }

    private void delete(String tenant) {
        try (Connection connection = db.dataSource().getConnection()) {
            for (String table : List.of("scim_value", "scim_unique", "scim_member", "scim_resource", "scim_count")) {
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table
                        + " WHERE tenant = ?")) {
                    delete.setString(1, tenant);
                    delete.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the same 200 users both ways and requires the same rows, but for keys, ids and times. */
    private void crossCheck() {
        List<ObjectNode> users = block(200, 99);
        viaBulk("bulk-check-e", copies(users));
        bare("bulk-check-b", copies(users));
        try {
            List<String> engineRows = rows("bulk-check-e");
            List<String> bareRows = rows("bulk-check-b");
            if (!engineRows.equals(bareRows)) {
                for (int i = 0; i < Math.min(engineRows.size(), bareRows.size()); i++) {
                    if (!engineRows.get(i).equals(bareRows.get(i))) {
                        throw new IllegalStateException("the bare writer's rows differ from the store's at row " + i
                                + ":\n  store: " + engineRows.get(i) + "\n  bare:  " + bareRows.get(i));
                    }
                }
                throw new IllegalStateException("the bare writer wrote " + bareRows.size() + " rows, the store "
                        + engineRows.size());
            }
            System.out.println("cross-check: the store and the bare writer wrote the same " + engineRows.size()
                    + " rows for 200 users");
        } finally {
            delete("bulk-check-e");
            delete("bulk-check-b");
        }
    }

    /** Every row of a tenant, as text, in the users' order, with the row keys replaced by the user's position. */
    private List<String> rows(String tenant) {
        List<String> out = new ArrayList<>();
        try (Connection connection = db.dataSource().getConnection()) {
            Map<Long, Integer> position = new java.util.HashMap<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT pk, type, version, attributes"
                    + " FROM scim_resource WHERE tenant = ? ORDER BY pk")) {
                select.setString(1, tenant);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        position.put(rows.getLong(1), position.size());
                        out.add("resource " + (position.size() - 1) + " " + rows.getString(2) + " v" + rows.getLong(3)
                                + " " + rows.getString(4));
                    }
                }
            }
            List<String> values = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT res, attr, sub, elem, kind, present,"
                    + " chosen, s_fold, s_exact, num, bool, dt FROM scim_value WHERE tenant = ?")) {
                select.setString(1, tenant);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        StringBuilder row = new StringBuilder("value ").append(position.get(rows.getLong(1)));
                        for (int c = 2; c <= 12; c++) {
                            row.append(" | ").append(rows.getString(c));
                        }
                        values.add(row.toString());
                    }
                }
            }
            try (PreparedStatement select = connection.prepareStatement("SELECT res, attribute, value, type, global"
                    + " FROM scim_unique WHERE tenant = ?")) {
                select.setString(1, tenant);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        values.add("unique " + position.get(rows.getLong(1)) + " | " + rows.getString(2) + " | "
                                + rows.getString(3) + " | " + rows.getString(4) + " | " + rows.getInt(5));
                    }
                }
            }
            try (PreparedStatement select = connection.prepareStatement("SELECT type, sum(n) FROM scim_count"
                    + " WHERE tenant = ? GROUP BY type")) {
                select.setString(1, tenant);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        values.add("count " + rows.getString(1) + " " + rows.getLong(2));
                    }
                }
            }
            values.sort(null);
            out.addAll(values);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
