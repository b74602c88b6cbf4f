package org.scimengine.store.jdbc.internal;

import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.val;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.SQLDialect;
import org.jooq.SortField;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.jspecify.annotations.Nullable;
import org.scimengine.core.filter.ResolvedFilter;
import org.scimengine.core.spi.CreateRequest;
import org.scimengine.core.spi.DeleteRequest;
import org.scimengine.core.spi.GroupRef;
import org.scimengine.core.spi.GroupsQuery;
import org.scimengine.core.spi.Member;
import org.scimengine.core.spi.MemberPage;
import org.scimengine.core.spi.MembersQuery;
import org.scimengine.core.spi.MembershipChange;
import org.scimengine.core.spi.ReplaceRequest;
import org.scimengine.core.spi.ResourceKey;
import org.scimengine.core.spi.StorePage;
import org.scimengine.core.spi.StoreQuery;
import org.scimengine.core.spi.StoreErrors;
import org.scimengine.core.spi.StoredResource;
import org.scimengine.core.spi.StoredValues;
import org.scimengine.core.spi.UniqueValue;

/**
 * The store's operations on one connection, inside the transaction the caller opens, commits and rolls back
 * (for a write; a read on PostgreSQL runs statement by statement). Every write checks what it can before it changes anything; what only the database can decide (a unique
 * value two transactions insert at once, a version two transactions change at once) it decides by a constraint
 * or by {@code UPDATE ... WHERE version = ?}, and a failure leaves the transaction for the caller to roll back.
 */
public final class Operations implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Slots of scim_count on PostgreSQL, so concurrent creates of one type rarely wait on one row. */
    private static final int COUNT_SLOTS = 16;
    /** Unique values longer than this many characters are kept by their hash. */
    private static final int UNIQUE_KEY_LENGTH = 200;

    private static final Tables.Resources R = Tables.Resources.R;
    private static final Tables.Values V = Tables.Values.V;
    private static final Tables.Members M = Tables.Members.M;
    private static final Tables.Uniques U = Tables.Uniques.U;
    private static final Tables.Counts C = Tables.Counts.C;

    // The statements of a create, the write a Bulk load repeats thousands of times, are plain JDBC kept prepared
    // for the transaction: sqlite-jdbc has no statement cache, so SQLite would compile each again, and jOOQ
    // rendering a 36-row insert cost more than the database's work on it.
    private static final String INSERT_RESOURCE = "INSERT INTO scim_resource (tenant, type, id, version, created,"
            + " last_modified, attributes) VALUES (?, ?, ?, 1, ?, ?, ?) RETURNING pk";
    private static final String INSERT_VALUE = "INSERT INTO scim_value (tenant, res, attr, sub, elem, kind, present,"
            + " chosen, s_fold, s_exact, num, bool, dt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_UNIQUE = "INSERT INTO scim_unique (tenant, attribute, value, type, global, res)"
            + " VALUES (?, ?, ?, ?, ?, ?)";
    private static final String UNIQUE_HELD = "SELECT 1 FROM scim_unique WHERE tenant = ? AND attribute = ?"
            + " AND value = ?";
    private static final String DIRECT_GROUPS = "SELECT mr.pk, mr.id, gr.id, coalesce(gn.s_exact, gn.s_fold),"
            + " EXISTS (SELECT 1 FROM scim_member gp WHERE gp.member_pk = m.group_pk)"
            + " FROM scim_resource mr JOIN scim_member m ON m.member_pk = mr.pk"
            + " JOIN scim_resource gr ON gr.pk = m.group_pk"
            + " LEFT JOIN scim_value gn ON gn.res = gr.pk AND gn.attr = 'displayName' AND gn.sub = ''"
            + " AND gn.elem = 0 AND gn.kind = " + ValueRows.STRING
            + " WHERE mr.tenant = ? AND mr.id IN (";
    private static final String ADD_TO_COUNT = "INSERT INTO scim_count (tenant, type, slot, n) VALUES (?, ?, ?, ?)"
            + " ON CONFLICT (tenant, type, slot) DO UPDATE SET n = scim_count.n + excluded.n";

    private final DSLContext sql;
    private final boolean postgres;
    private final boolean lockReads;
    private final SearchStatements searches;
    /** Statements prepared in this transaction, by their SQL; closed by {@link #close}. */
    private final Map<String, PreparedStatement> prepared = new HashMap<>();

    /**
     * @param sql the transaction's connection
     * @param unitOfWork whether the transaction is a unit of work, whose reads of single resources lock them
     *     until it ends (on PostgreSQL; SQLite's writer holds the whole database), so that a unit which reads a
     *     resource and then writes it runs as if alone, as it does on the in-memory store
     * @param searches the store's search statements, kept by shape
     */
    public Operations(DSLContext sql, boolean unitOfWork, SearchStatements searches) {
        this.sql = sql;
        this.searches = searches;
        this.postgres = sql.dialect().family() == SQLDialect.POSTGRES;
        this.lockReads = unitOfWork && postgres;
    }

    /** The current row of a resource. */
    private record Current(long pk, StoredResource resource) {
    }

    // ---- single resources --------------------------------------------------------------------------------------

    public StoredResource create(CreateRequest request) {
        ResourceKey key = request.key();
        List<ValueRows.Row> rows = ValueRows.of(request.attributes());
        requireUnique(key, request.uniqueValues(), null);
        String created = Instants.encode(request.now());
        long pk;
        try {
            // UNIQUE (tenant, id) refuses an id in use; asking first would cost every create a statement.
            PreparedStatement insert = prepared(INSERT_RESOURCE);
            insert.setString(1, key.tenant());
            insert.setString(2, key.resourceType());
            insert.setString(3, key.id());
            insert.setString(4, created);
            insert.setString(5, created);
            insert.setString(6, text(request.attributes()));
            try (ResultSet returned = insert.executeQuery()) {
                returned.next();
                pk = returned.getLong(1);
            }
        } catch (SQLException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                throw new IllegalArgumentException("the id " + key.id() + " is already in use; the engine must"
                        + " generate a new id for every resource", e);
            }
            throw failed(INSERT_RESOURCE, e);
        }
        insertUniques(pk, key, request.uniqueValues());
        insertValues(pk, key.tenant(), rows);
        count(key.tenant(), key.resourceType(), 1);
        return new StoredResource(key.resourceType(), key.id(), 1, request.now(), request.now(),
                request.attributes().deepCopy());
    }

    public Optional<StoredResource> get(ResourceKey key) {
        var select = sql.select(R.pk, R.type, R.id, R.version, R.created, R.lastModified, R.attributes).from(R.table)
                .where(R.tenant.eq(key.tenant())).and(R.id.eq(key.id())).and(R.type.eq(key.resourceType()));
        Record row = lockReads ? select.forUpdate().fetchOne() : select.fetchOne();
        return row == null ? Optional.empty() : Optional.of(resource(row, R));
    }

    public StoredResource replace(ReplaceRequest request) {
        ResourceKey key = request.key();
        Current current = lock(key);
        requireVersion(current.resource(), request.expectedVersion());
        List<ValueRows.Row> rows = ValueRows.of(request.attributes());
        sql.deleteFrom(U.table).where(U.res.eq(current.pk())).execute();
        requireUnique(key, request.uniqueValues(), current.pk());
        insertUniques(current.pk(), key, request.uniqueValues());
        sql.deleteFrom(V.table).where(V.res.eq(current.pk())).execute();
        insertValues(current.pk(), key.tenant(), rows);
        StoredResource old = current.resource();
        long version = old.version() + 1;
        int updated = sql.update(R.table).set(R.version, version).set(R.lastModified, Instants.encode(request.now()))
                .set(R.attributes, text(request.attributes()))
                .where(R.pk.eq(current.pk())).and(R.version.eq(old.version())).execute();
        if (updated != 1) {
            throw StoreErrors.staleVersion(old, old.version());
        }
        return new StoredResource(old.resourceType(), old.id(), version, old.created(), request.now(),
                request.attributes().deepCopy());
    }

    public void delete(DeleteRequest request) {
        ResourceKey key = request.key();
        Current current = lock(key);
        requireVersion(current.resource(), request.expectedVersion());
        long pk = current.pk();
        sql.update(R.table).set(R.version, R.version.plus(1)).set(R.lastModified, Instants.encode(request.now()))
                .where(R.pk.in(select(M.groupPk).from(M.table).where(M.memberPk.eq(pk)))).execute();
        sql.deleteFrom(M.table).where(M.memberPk.eq(pk)).execute();
        sql.deleteFrom(M.table).where(M.groupPk.eq(pk)).execute();
        sql.deleteFrom(V.table).where(V.res.eq(pk)).execute();
        sql.deleteFrom(U.table).where(U.res.eq(pk)).execute();
        sql.deleteFrom(R.table).where(R.pk.eq(pk)).execute();
        count(key.tenant(), key.resourceType(), -1);
    }

    // ---- search -------------------------------------------------------------------------------------------------

    public StorePage search(StoreQuery query) {
        Parameters parameters = new Parameters();
        Tables.Resources r = Tables.Resources.as("r");
        ResolvedFilter filter = query.filter();
        Field<String> tenant = parameters.of(query.tenant());
        Condition where = r.tenant.eq(tenant).and(r.type.eq(parameters.of(query.resourceType().name())));
        // The shape of the statement: what its text depends on besides its bind values.
        StringBuilder shape = new StringBuilder(query.resourceType().name()).append(" where ");
        if (filter != null) {
            FilterTranslator.Translation translation = FilterTranslator.translate(filter, tenant, parameters, r,
                    postgres);
            where = where.and(translation.condition());
            shape.append(translation.shape());
        }
        Ordering.Key key = Ordering.of(query.sort(), r, query.resourceType().schema());
        String cursorText = query.cursor();
        Cursor after = cursorText == null ? null : Cursor.read(cursorText, query);
        boolean descending = query.sort().descending();
        var sortedBy = query.sort().attribute();
        shape.append(" by ").append(sortedBy == null ? "id" : FilterTranslator.shapeOf(sortedBy))
                .append(descending ? " descending" : "")
                .append(cursorText == null ? " at offset" : after == null ? " from cursor start"
                        : after.key() == null ? " after a missing key" : " after a key");

        List<StoredResource> page = new ArrayList<>();
        boolean more = false;
        Object lastKey = null;
        if (query.count() > 0) {
            // The key is selected, and repeated in the keyset condition, on the rows themselves: a derived table
            // would say it once, but SQLite 3.54 then pushed the keyset condition down into it and lost rows
            // of a filter on groups (DifferentialFilterProperties found it).
            Field<?> keyField = key == null ? DSL.inline(null, Object.class) : key.field();
            @SuppressWarnings("unchecked")
            Field<Object> sortKey = (Field<Object>) keyField;
            Field<Object> sortAlias = DSL.field(DSL.name("sort_key"));
            Condition keyset = after == null ? DSL.trueCondition()
                    : keyset(r, sortKey, key, descending, after, parameters);
            List<SortField<?>> order = new ArrayList<>(2);
            if (key != null) {
                order.add(descending ? sortAlias.desc().nullsFirst() : sortAlias.asc().nullsLast());
            }
            order.add(r.id.asc());
            // One row beyond the page tells whether another page follows, and whether the page is the last.
            Field<?>[] fields = {r.pk, r.type, r.id, r.version, r.created, r.lastModified, r.attributes,
                    keyField.as("sort_key")};
            var select = sql.select(fields)
                    .from(r.table).where(where).and(keyset).orderBy(order).limit(parameters.of(query.count() + 1));
            ResultQuery<? extends Record> statement = cursorText == null
                    ? select.offset(parameters.of(query.offset())) : select;
            for (Record row : searches.statement(sql, shape.toString(), statement, fields, parameters).fetch()) {
                if (page.size() == query.count()) {
                    more = true;
                    break;
                }
                page.add(resource(row, r));
                lastKey = row.get("sort_key");
            }
        }
        // The page is the rest of the matches unless more follow; what came before it is known only when it
        // starts at an offset, and nothing is known of a page after a cursor or an empty page past the end.
        int before = cursorText == null ? query.offset() : 0;
        boolean pageTells = !more && query.count() > 0 && after == null && (!page.isEmpty() || before == 0);
        long total = pageTells ? (long) before + page.size() : total(query, where);
        String next = more && cursorText != null
                ? new Cursor(Ordering.write(lastKey), page.get(page.size() - 1).id()).issue(query)
                : null;
        return new StorePage(page, total, next);
    }

    /** The resources after the cursor's position in the order: (sort key, {@code id}) beyond it. */
    private static Condition keyset(Tables.Resources t, Field<Object> sortKey, Ordering.@Nullable Key key,
            boolean descending, Cursor after, Parameters parameters) {
        Condition laterId = t.id.gt(parameters.of(after.id()));
        if (key == null) {
            return laterId;
        }
        String text = after.key();
        if (text == null) {
            // The last resource had no key: missing keys come last ascending (only missing ones follow), first
            // descending (the other missing ones, then every resource with a key).
            Condition sameMissing = sortKey.isNull().and(laterId);
            return descending ? sameMissing.or(sortKey.isNotNull()) : sameMissing;
        }
        Object value = Ordering.read(text, key.type());
        Field<Object> bound = parameters.of(value, sortKey);
        Condition beyond = descending ? sortKey.lt(bound) : sortKey.gt(bound).or(sortKey.isNull());
        return beyond.or(sortKey.eq(bound).and(laterId));
    }

    /** How many resources match, when the page cannot tell: from the counts when nothing is filtered. */
    private long total(StoreQuery query, Condition where) {
        if (query.filter() == null) {
            BigDecimal sum = sql.select(DSL.sum(C.n)).from(C.table).where(C.tenant.eq(query.tenant()))
                    .and(C.type.eq(query.resourceType().name())).fetchOne(0, BigDecimal.class);
            return sum == null ? 0 : sum.longValue();
        }
        Tables.Resources r = Tables.Resources.as("r");
        return sql.fetchCount(DSL.selectOne().from(r.table).where(where));
    }

    // ---- membership ---------------------------------------------------------------------------------------------

    public StoredResource changeMembers(MembershipChange change) {
        ResourceKey key = change.group();
        Current group = lock(key);
        requireVersion(group.resource(), change.expectedVersion());
        List<Addition> adds = new ArrayList<>();
        for (Member member : change.add()) {
            adds.add(addable(change, group.pk(), member));
        }
        boolean changed;
        if (change.removeAll()) {
            changed = replaceAll(group.pk(), key.tenant(), adds);
        } else {
            changed = false;
            if (!change.remove().isEmpty()) {
                // By the members' keys, which the primary key (group, member) finds without reading the group.
                changed = sql.deleteFrom(M.table).where(M.groupPk.eq(group.pk()))
                        .and(M.memberPk.in(select(R.pk).from(R.table).where(R.tenant.eq(key.tenant()))
                                .and(R.id.in(change.remove())))).execute() > 0;
            }
            for (Addition add : adds) {
                changed |= insertMember(group.pk(), key.tenant(), add) > 0;
            }
        }
        if (!changed) {
            return group.resource();
        }
        return touch(group, change.now());
    }

    /** A member to add, checked: it exists in the tenant, has an allowed type, and would make no cycle. */
    private record Addition(long pk, String id, String type, @Nullable String display) {
    }

    private Addition addable(MembershipChange change, long groupPk, Member member) {
        String groupId = change.group().id();
        String memberId = member.id();
        if (memberId.equals(groupId)) {
            throw StoreErrors.memberIsTheGroup(groupId);
        }
        Record row = sql.select(R.pk, R.type).from(R.table).where(R.tenant.eq(change.group().tenant()))
                .and(R.id.eq(memberId)).fetchOne();
        if (row == null) {
            throw StoreErrors.noSuchMember(memberId, groupId);
        }
        long pk = row.get(R.pk);
        String type = row.get(R.type);
        if (!change.memberTypes().isEmpty() && !change.memberTypes().contains(type)) {
            throw StoreErrors.memberTypeNotAllowed(type, memberId, groupId, change.memberTypes());
        }
        if (contains(pk, groupPk)) {
            throw StoreErrors.membershipCycle(memberId, groupId);
        }
        return new Addition(pk, memberId, type, member.display());
    }

    /** Whether the resource {@code container} holds {@code pk} among its members, directly or through nesting. */
    private boolean contains(long container, long pk) {
        // The key inline, not bound: PostgreSQL's generic plan for a bound one, on a column where one group holds
        // most rows, scanned every membership (50 ms at a million); the key is ours, never user input.
        if (!sql.fetchExists(selectOne().from(M.table).where(M.groupPk.eq(inline(container))))) {
            return false;
        }
        Groups closure = new Groups("c", M.memberPk.eq(pk));
        return sql.fetchExists(selectOne().from(closure.table)
                .where(DSL.field(DSL.name("c", "group_id"), SQLDataType.VARCHAR)
                        .eq(select(R.id).from(R.table).where(R.pk.eq(container)))));
    }

    /** Replaces the whole member list; changes nothing (and says so) when the new list equals the old one. */
    private boolean replaceAll(long groupPk, String tenant, List<Addition> adds) {
        LinkedHashMap<String, Addition> next = new LinkedHashMap<>();
        for (Addition add : adds) {
            next.putIfAbsent(add.id(), add);
        }
        List<Member> before = sql.select(M.memberId, M.memberType, M.display).from(M.table)
                .where(M.groupPk.eq(groupPk)).orderBy(M.seq)
                .fetch(row -> new Member(row.value1(), row.value2(), row.value3()));
        List<Member> after = next.values().stream().map(a -> new Member(a.id(), a.type(), a.display())).toList();
        if (before.equals(after)) {
            return false;
        }
        sql.deleteFrom(M.table).where(M.groupPk.eq(groupPk)).execute();
        for (Addition add : next.values()) {
            insertMember(groupPk, tenant, add);
        }
        return true;
    }

    private int insertMember(long groupPk, String tenant, Addition add) {
        Field<Long> seq = postgres
                ? DSL.field("nextval('scim_member_seq')", SQLDataType.BIGINT)
                // SQLite writes one transaction at a time, and max(rowid) is a lookup, not a scan.
                : select(DSL.coalesce(DSL.max(DSL.field(DSL.name("rowid"), SQLDataType.BIGINT)), inline(0L))
                        .plus(1)).from(M.table).asField();
        String display = add.display();
        return sql.insertInto(M.table, M.tenant, M.groupPk, M.memberPk, M.seq, M.memberId, M.memberType, M.typeFold,
                        M.display, M.displayFold)
                .values(val(tenant), val(groupPk), val(add.pk()), seq, val(add.id()), val(add.type()),
                        val(StoredValues.fold(add.type())), val(display, String.class),
                        val(display == null ? null : StoredValues.fold(display), String.class))
                .onConflictDoNothing().execute();
    }

    public MemberPage members(MembersQuery query) {
        Current group = find(query.group());
        if (group == null) {
            throw StoreErrors.notFound(query.group());
        }
        List<Member> members = query.count() == 0 ? List.of()
                : sql.select(M.memberId, M.memberType, M.display).from(M.table).where(M.groupPk.eq(group.pk()))
                        .orderBy(M.seq).limit(query.count()).offset(query.offset())
                        .fetch(row -> new Member(row.value1(), row.value2(), row.value3()));
        long total = members.size() < query.count() && (!members.isEmpty() || query.offset() == 0)
                ? query.offset() + members.size()
                : sql.fetchCount(M.table, M.groupPk.eq(group.pk()));
        return new MemberPage(members, total);
    }

    public Map<String, List<GroupRef>> groupsOf(GroupsQuery query) {
        Map<String, List<GroupRef>> groups = new LinkedHashMap<>();
        query.memberIds().forEach(id -> groups.put(id, new ArrayList<>()));
        if (query.memberIds().isEmpty()) {
            return groups;
        }
        // One statement gives the direct groups and says whether any of them is in a group itself. Most groups
        // nest in nothing, so a page (or a lookup) usually ends here: the recursive query is not only a second
        // statement, PostgreSQL also misjudges its size a hundredfold and then hashes every membership (50 ms
        // for a page of 100 users of one group of 100,000).
        List<DirectGroup> direct = directGroups(query);
        if (direct.stream().noneMatch(DirectGroup::nested)) {
            direct.forEach(row -> groups.get(row.memberId()).add(new GroupRef(row.groupId(), row.display(), true)));
        } else {
            Map<Long, String> ids = new HashMap<>();
            direct.forEach(row -> ids.put(row.memberPk(), row.memberId()));
            Groups closure = new Groups("g", M.memberPk.in(ids.keySet()));
            sql.select(closure.memberPk, closure.groupId, closure.displayExact, closure.direct).from(closure.table)
                    .orderBy(closure.direct.desc(), closure.groupId)
                    .forEach(row -> groups.get(ids.get(row.value1()))
                            .add(new GroupRef(row.value2(), row.value3(), row.value4() == 1)));
        }
        groups.replaceAll((id, refs) -> List.copyOf(refs));
        return groups;
    }

    /** A member's direct group, and whether that group is in a group itself. */
    private record DirectGroup(long memberPk, String memberId, String groupId, @Nullable String display,
            boolean nested) {
    }

    /**
     * The direct groups of the resources, by a statement whose text depends only on how many ids it asks for
     * (so it is written once per count, not rendered per call: a search asks for it after every page).
     */
    private List<DirectGroup> directGroups(GroupsQuery query) {
        String text = DIRECT_GROUPS + "?, ".repeat(query.memberIds().size() - 1) + "?) ORDER BY gr.id";
        List<DirectGroup> direct = new ArrayList<>();
        try {
            PreparedStatement select = prepared(text);
            select.setString(1, query.tenant());
            int at = 2;
            for (String id : query.memberIds()) {
                select.setString(at++, id);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    direct.add(new DirectGroup(rows.getLong(1), rows.getString(2), rows.getString(3),
                            rows.getString(4), rows.getBoolean(5)));
                }
            }
        } catch (SQLException e) {
            throw failed(text, e);
        }
        return direct;
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    /** The resource's row, locked against concurrent writers on PostgreSQL (SQLite has one writer at a time). */
    private Current lock(ResourceKey key) {
        var select = sql.select(R.pk, R.type, R.id, R.version, R.created, R.lastModified, R.attributes).from(R.table)
                .where(R.tenant.eq(key.tenant())).and(R.id.eq(key.id())).and(R.type.eq(key.resourceType()));
        Record row = postgres ? select.forUpdate().fetchOne() : select.fetchOne();
        if (row == null) {
            throw StoreErrors.notFound(key);
        }
        return new Current(row.get(R.pk), resource(row, R));
    }

    private @Nullable Current find(ResourceKey key) {
        Record row = sql.select(R.pk, R.type, R.id, R.version, R.created, R.lastModified, R.attributes).from(R.table)
                .where(R.tenant.eq(key.tenant())).and(R.id.eq(key.id())).and(R.type.eq(key.resourceType()))
                .fetchOne();
        return row == null ? null : new Current(row.get(R.pk), resource(row, R));
    }

    /** Gives a group a new version and last-modified time after its members changed. */
    private StoredResource touch(Current current, Instant now) {
        StoredResource old = current.resource();
        sql.update(R.table).set(R.version, old.version() + 1).set(R.lastModified, Instants.encode(now))
                .where(R.pk.eq(current.pk())).execute();
        return new StoredResource(old.resourceType(), old.id(), old.version() + 1, old.created(), now,
                old.attributes());
    }

    private static StoredResource resource(Record row, Tables.Resources r) {
        return new StoredResource(row.get(r.type), row.get(r.id), row.get(r.version),
                Instants.decode(row.get(r.created)), Instants.decode(row.get(r.lastModified)),
                parse(row.get(r.attributes)));
    }

    private static ObjectNode parse(String text) {
        try {
            return (ObjectNode) JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored resource is not JSON", e);
        }
    }

    private static String text(JsonNode attributes) {
        try {
            return JSON.writeValueAsString(attributes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("attributes that cannot be written as JSON", e);
        }
    }

    private static void requireVersion(StoredResource resource, @Nullable Long expected) {
        if (expected != null && expected != resource.version()) {
            throw StoreErrors.staleVersion(resource, expected);
        }
    }

    /** The unique values a resource holds, each once, a value held both ways held as global. */
    private static Map<List<String>, UniqueValue> distinct(List<UniqueValue> values) {
        Map<List<String>, UniqueValue> distinct = new LinkedHashMap<>();
        for (UniqueValue value : values) {
            distinct.merge(List.of(value.attribute(), value.value()), value, (a, b) -> a.global() ? a : b);
        }
        return distinct;
    }

    /** Refuses a value another resource holds, naming the attribute as the in-memory store does. */
    private void requireUnique(ResourceKey key, List<UniqueValue> values, @Nullable Long self) {
        for (UniqueValue value : distinct(values).values()) {
            String query = UNIQUE_HELD + (value.global() ? "" : " AND (global = 1 OR type = ?)")
                    + (self == null ? "" : " AND res <> ?");
            boolean held;
            try {
                PreparedStatement holder = prepared(query);
                int at = 1;
                holder.setString(at++, key.tenant());
                holder.setString(at++, value.attribute());
                holder.setString(at++, uniqueKey(value));
                if (!value.global()) {
                    holder.setString(at++, key.resourceType());
                }
                if (self != null) {
                    holder.setLong(at, self);
                }
                try (ResultSet rows = holder.executeQuery()) {
                    held = rows.next();
                }
            } catch (SQLException e) {
                throw failed(query, e);
            }
            if (held) {
                throw StoreErrors.uniqueValueTaken(key, value);
            }
        }
    }

    /**
     * A unique value as {@code scim_unique} keeps it: a short one as it is, a long one by its SHA-256, so that a
     * primary key entry stays within PostgreSQL's limit whatever the client sent. The marker in front keeps the
     * two forms apart.
     */
    private static String uniqueKey(UniqueValue value) {
        String text = value.value();
        if (text.length() <= UNIQUE_KEY_LENGTH) {
            return "=" + text;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "#" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }


    /** Inserts the unique values one by one, so that a value a concurrent writer took is named in the 409. */
    private void insertUniques(long pk, ResourceKey key, List<UniqueValue> values) {
        for (UniqueValue value : distinct(values).values()) {
            try {
                PreparedStatement insert = prepared(INSERT_UNIQUE);
                insert.setString(1, key.tenant());
                insert.setString(2, value.attribute());
                insert.setString(3, uniqueKey(value));
                insert.setString(4, key.resourceType());
                insert.setInt(5, value.global() ? 1 : 0);
                insert.setLong(6, pk);
                insert.executeUpdate();
            } catch (SQLException e) {
                if (SqlErrors.isUniqueViolation(e)) {
                    throw StoreErrors.uniqueValueTaken(key, value);
                }
                throw failed(INSERT_UNIQUE, e);
            }
        }
    }

    /** The value rows of a resource, as one JDBC batch of a statement prepared once per transaction. */
    private void insertValues(long pk, String tenant, List<ValueRows.Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try {
            PreparedStatement insert = prepared(INSERT_VALUE);
            for (ValueRows.Row row : rows) {
                insert.setString(1, tenant);
                insert.setLong(2, pk);
                insert.setString(3, row.attr());
                insert.setString(4, row.sub());
                insert.setInt(5, row.elem());
                insert.setInt(6, row.kind());
                insert.setInt(7, row.present() ? 1 : 0);
                insert.setInt(8, row.chosen() ? 1 : 0);
                setNullable(insert, 9, row.fold());
                setNullable(insert, 10, row.exact());
                if (row.number() == null) {
                    insert.setNull(11, Types.NUMERIC);
                } else {
                    insert.setBigDecimal(11, row.number());
                }
                if (row.bool() == null) {
                    insert.setNull(12, Types.INTEGER);
                } else {
                    insert.setInt(12, row.bool() ? 1 : 0);
                }
                setNullable(insert, 13, row.dateTime());
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw failed(INSERT_VALUE, e);
        }
    }

    private static void setNullable(PreparedStatement statement, int at, @Nullable String value)
            throws SQLException {
        if (value == null) {
            statement.setNull(at, Types.VARCHAR);
        } else {
            statement.setString(at, value);
        }
    }

    /** The statement for this SQL, prepared on the transaction's connection the first time it is asked for. */
    private PreparedStatement prepared(String text) throws SQLException {
        PreparedStatement statement = prepared.get(text);
        if (statement == null) {
            Connection connection = sql.configuration().connectionProvider().acquire();
            statement = Objects.requireNonNull(connection, "the transaction's connection").prepareStatement(text);
            prepared.put(text, statement);
        }
        return statement;
    }

    /** A failed statement as jOOQ reports one, so that the transaction's retry and error handling see it alike. */
    private static DataAccessException failed(String text, SQLException e) {
        return new DataAccessException("SQL [" + text + "]; " + e.getMessage(), e);
    }

    /** Closes the statements this transaction prepared; the connection stays open for its owner. */
    @Override
    public void close() {
        DataAccessException failure = null;
        for (PreparedStatement statement : prepared.values()) {
            try {
                statement.close();
            } catch (SQLException e) {
                if (failure == null) {
                    failure = new DataAccessException("closing a statement failed: " + e.getMessage(), e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        prepared.clear();
        if (failure != null) {
            throw failure;
        }
    }

    /** Adds to the count of a tenant's resources of a type. */
    private void count(String tenant, String type, int delta) {
        int slot = postgres ? ThreadLocalRandom.current().nextInt(COUNT_SLOTS) : 0;
        try {
            PreparedStatement add = prepared(ADD_TO_COUNT);
            add.setString(1, tenant);
            add.setString(2, type);
            add.setInt(3, slot);
            add.setLong(4, delta);
            add.executeUpdate();
        } catch (SQLException e) {
            throw failed(ADD_TO_COUNT, e);
        }
    }
}
