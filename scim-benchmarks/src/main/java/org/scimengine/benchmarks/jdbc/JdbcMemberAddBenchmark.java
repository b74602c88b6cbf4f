package org.scimengine.benchmarks.jdbc;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.scimengine.core.AttributeSelection;
import org.scimengine.core.ResourceResult;
import org.scimengine.core.ScimEngine;
import org.scimengine.core.spi.Member;
import org.scimengine.core.spi.MembershipChange;
import org.scimengine.core.spi.ResourceKey;
import org.scimengine.core.spi.StoredResource;

/**
 * The time to add one member to a group of 10 and to a group of all {@code N} generated users, on a loaded
 * database (see {@link JdbcLoad}), three ways:
 *
 * <ul>
 *   <li>{@code enginePatch}: {@link ScimEngine#patch} with {@code {"op":"add","path":"members","value":[{"value":
 *       id}]}} and {@code excludedAttributes=members}, so the response leaves the member list out;</li>
 *   <li>{@code enginePatchFullResponse}: the same PATCH with no attribute selection, as scim-jaxrs calls it (also
 *       for resource types it answers with 204): the engine renders the group with all its members;</li>
 *   <li>{@code storeChangeMembers}: the store's {@code changeMembers} with the one member, as the engine's PATCH
 *       ends up calling it.</li>
 * </ul>
 *
 * <p>Each call adds one of the {@value BenchDatabase#SPARES} spare users, which are in neither group. Before each
 * call (untimed, {@link Level#Invocation}) the member the previous call added is deleted again by its primary key
 * with plain SQL, so every call finds the group at exactly its size. Run it through {@link JdbcRounds}, which
 * puts the two group sizes side by side in interleaved rounds.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
@Fork(1)
public class JdbcMemberAddBenchmark {

    private static final Set<String> MEMBER_TYPES = Set.of("User", "Group");
    private static final AttributeSelection WITHOUT_MEMBERS = new AttributeSelection(null, "members");

    @Param({"sqlite", "postgresql"})
    public String dialect;

    @Param({"1000000"})
    public int users;

    /** The group's size: 10, or the number of generated users. */
    @Param({"10", "1000000"})
    public int groupSize;

    private BenchDatabase db;
    private ScimEngine engine;
    private String groupId;
    private long groupPk;
    private ResourceKey groupKey;
    private final List<String> spareIds = new ArrayList<>();
    private final List<Long> sparePks = new ArrayList<>();
    private final List<ObjectNode> patches = new ArrayList<>();
    private int next;
    private int added = -1;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        if (groupSize != BenchDatabase.SMALL_GROUP && groupSize != users) {
            throw new IllegalArgumentException("groupSize must be " + BenchDatabase.SMALL_GROUP + " or users ("
                    + users + "), was " + groupSize);
        }
        db = BenchDatabase.open(dialect, users).requireLoaded();
        engine = db.engine();
        try (Connection connection = db.dataSource().getConnection()) {
            try (PreparedStatement select = connection.prepareStatement("SELECT r.id, r.pk FROM scim_resource r"
                    + " JOIN scim_value v ON v.res = r.pk WHERE v.tenant = ? AND v.attr = 'displayName'"
                    + " AND v.sub = '' AND v.s_fold = ? AND r.type = 'Group'")) {
                select.setString(1, BenchDatabase.TENANT);
                select.setString(2, "bench-members-" + groupSize);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        throw new IllegalStateException("no group bench-members-" + groupSize);
                    }
                    groupId = row.getString(1);
                    groupPk = row.getLong(2);
                }
            }
            try (PreparedStatement select = connection.prepareStatement("SELECT r.id, r.pk FROM scim_resource r"
                    + " JOIN scim_value v ON v.res = r.pk WHERE v.tenant = ? AND v.attr = 'userName' AND v.sub = ''"
                    + " AND v.s_fold >= 'spare-' AND v.s_fold < 'spare.' ORDER BY r.pk")) {
                select.setString(1, BenchDatabase.TENANT);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        spareIds.add(rows.getString(1));
                        sparePks.add(rows.getLong(2));
                    }
                }
            }
            if (spareIds.size() != BenchDatabase.SPARES) {
                throw new IllegalStateException("found " + spareIds.size() + " spare users, not "
                        + BenchDatabase.SPARES);
            }
            // A run that was killed may have left a spare in the group.
            for (long pk : sparePks) {
                removeMember(connection, pk);
            }
            long members = members(connection);
            if (members != groupSize) {
                throw new IllegalStateException("group bench-members-" + groupSize + " has " + members + " members");
            }
        }
        groupKey = new ResourceKey(BenchDatabase.TENANT, "Group", groupId);
        for (String id : spareIds) {
            ObjectNode patch = JsonNodeFactory.instance.objectNode();
            patch.putArray("schemas").add("urn:ietf:params:scim:api:messages:2.0:PatchOp");
            ObjectNode add = patch.putArray("Operations").addObject();
            add.put("op", "add");
            add.put("path", "members");
            add.putArray("value").addObject().put("value", id);
            patches.add(patch);
        }
        // Each way must add exactly one member.
        for (int way = 0; way < 3; way++) {
            prepare();
            switch (way) {
                case 0 -> enginePatch();
                case 1 -> storeChangeMembers();
                default -> {
                    if (groupSize == BenchDatabase.SMALL_GROUP) {
                        ResourceResult full = enginePatchFullResponse();
                        if (full.resource().path("members").size() != groupSize + 1) {
                            throw new IllegalStateException("the full response lists "
                                    + full.resource().path("members").size() + " members");
                        }
                    } else {
                        storeChangeMembers();
                    }
                }
            }
            try (Connection connection = db.dataSource().getConnection()) {
                if (members(connection) != groupSize + 1) {
                    throw new IllegalStateException("way " + way + " did not add one member");
                }
            }
        }
        prepare();
    }

    private long members(Connection connection) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement(
                "SELECT count(*) FROM scim_member WHERE group_pk = ?")) {
            count.setLong(1, groupPk);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private void removeMember(Connection connection, long memberPk) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM scim_member WHERE group_pk = ? AND member_pk = ?")) {
            delete.setLong(1, groupPk);
            delete.setLong(2, memberPk);
            delete.executeUpdate();
        }
    }

    /** Takes out the member the last call added, and picks the next spare. */
    @Setup(Level.Invocation)
    public void prepare() throws SQLException {
        if (added >= 0) {
            try (Connection connection = db.dataSource().getConnection()) {
                removeMember(connection, sparePks.get(added));
            }
        }
        added = next;
        next = next + 1 == spareIds.size() ? 0 : next + 1;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
        try (Connection connection = db.dataSource().getConnection()) {
            removeMember(connection, sparePks.get(added));
        }
        db.close();
    }

    @Benchmark
    public ResourceResult enginePatch() {
        return engine.patch(BenchDatabase.CONTEXT, "Group", groupId, patches.get(added), null, WITHOUT_MEMBERS);
    }

    @Benchmark
    public ResourceResult enginePatchFullResponse() {
        return engine.patch(BenchDatabase.CONTEXT, "Group", groupId, patches.get(added), null,
                AttributeSelection.DEFAULT);
    }

    @Benchmark
    public StoredResource storeChangeMembers() {
        return db.store().changeMembers(new MembershipChange(groupKey, false, Set.of(),
                List.of(new Member(spareIds.get(added), null, null)), null, Instant.now(), MEMBER_TYPES));
    }
}
