package org.scimengine.core.internal.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.scimengine.core.error.BadRequestException;
import org.scimengine.core.filter.ResolvedFilter;
import org.scimengine.core.internal.patch.PatchApplier.MembershipEdit;
import org.scimengine.core.internal.patch.PatchApplier.PatchResult;
import org.scimengine.core.internal.secret.PasswordHasher;
import org.scimengine.core.internal.validate.ResourceValidator;
import org.scimengine.core.schema.CoreSchemas;
import org.scimengine.core.schema.SchemaRegistry;
import org.scimengine.core.spi.Member;
import org.scimengine.filter.FilterParser;

/** PATCH laws over random users and groups, with operations drawn from small pools of realistic shapes. */
class PatchApplierPropertiesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ENTERPRISE = CoreSchemas.ENTERPRISE_USER_URN;
    private static final SchemaRegistry REGISTRY = SchemaRegistry.standard();
    private static final PasswordHasher HASHER = new PasswordHasher(1_000);
    private static final ResourceValidator USER_VALIDATOR =
            new ResourceValidator(REGISTRY, CoreSchemas.USER_TYPE, false, HASHER);
    private static final PatchApplier USERS =
            new PatchApplier(REGISTRY, CoreSchemas.USER_TYPE, FilterParser.standard(), USER_VALIDATOR, false);
    private static final ResourceValidator GROUP_VALIDATOR =
            new ResourceValidator(REGISTRY, CoreSchemas.GROUP_TYPE, false, HASHER);
    private static final PatchApplier GROUPS =
            new PatchApplier(REGISTRY, CoreSchemas.GROUP_TYPE, FilterParser.standard(), GROUP_VALIDATOR, false);

    private static final List<String> WORDS = List.of("alice", "Bob", "carol", "Dave", "x");
    private static final List<String> TYPES = List.of("work", "home", "other");
    private static final List<String> MEMBER_IDS = List.of("u0", "u1", "u2", "u3", "u4", "u5");

    /** Attributes a user may lack, with a value to add: path, value. */
    private static final List<String[]> ADDABLE = List.of(
            new String[] {"nickName", "\"Nick\""},
            new String[] {"title", "\"Tour Guide\""},
            new String[] {"locale", "\"en-US\""},
            new String[] {"name.middleName", "\"Jane\""},
            new String[] {"name.honorificPrefix", "\"Dr\""},
            new String[] {ENTERPRISE + ":employeeNumber", "\"701984\""},
            new String[] {ENTERPRISE + ":costCenter", "\"4130\""},
            new String[] {ENTERPRISE + ":manager", "\"26118915\""},
            new String[] {"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value", "\"m-1\""},
            new String[] {"ims", "[{\"value\": \"babs\", \"type\": \"aim\"}]"},
            new String[] {"phoneNumbers", "{\"value\": \"+1 555 0100\", \"type\": \"work\", \"primary\": true}"});

    @Property(tries = 300)
    void addingAnAbsentAttributeAndRemovingItRestoresTheResource(@ForAll("users") ObjectNode stored,
            @ForAll @IntRange(max = 10) int which, @ForAll boolean inOneRequest, @ForAll boolean pathless) {
        String path = ADDABLE.get(which)[0];
        JsonNode value = json(ADDABLE.get(which)[1]);
        Assume.that(absent(stored, path));
        ObjectNode add = operation("Add", pathless ? null : path, pathless ? JSON.createObjectNode().set(path, value) : value);
        ObjectNode remove = operation("remove", path, null);

        PatchResult result = inOneRequest
                ? USERS.apply(stored, request(add, remove))
                : USERS.apply(USERS.apply(stored, request(add)).attributes(), request(remove));
        assertThat(result.attributes()).isEqualTo(stored);
        if (inOneRequest) {
            assertThat(result.attributesChanged()).isFalse();
        }
    }

    /**
     * One replace operation (a path-less one may set several attributes) is idempotent. A sequence need not be:
     * replacing {@code emails[type eq "home"]} and then all {@code emails} leaves no home email for a second run.
     */
    @Property(tries = 400)
    void replaceTwiceIsReplaceOnce(@ForAll("users") ObjectNode stored, @ForAll("replace") ObjectNode replace) {
        JsonNode request = request(replace);
        PatchResult once;
        try {
            once = USERS.apply(stored, request);
        } catch (BadRequestException e) {
            Assume.that(false);
            return;
        }
        Statistics.collect(once.attributesChanged() ? "changed" : "unchanged");
        Statistics.coverage(coverage -> coverage.check("changed").percentage(p -> p > 30));
        PatchResult twice = USERS.apply(once.attributes(), request);
        assertThat(twice.attributes()).isEqualTo(once.attributes());
        assertThat(twice.attributesChanged()).isFalse();
    }

    @Property(tries = 400)
    void aFailingOperationAnywhereFailsTheWholeRequestAndChangesNothing(@ForAll("users") ObjectNode stored,
            @ForAll("operations") List<ObjectNode> operations, @ForAll("failures") ObjectNode failure,
            @ForAll @IntRange(max = 5) int position) {
        int at = Math.min(position, operations.size());
        List<ObjectNode> all = new ArrayList<>(operations);
        all.add(at, failure);
        ObjectNode before = stored.deepCopy();

        assertThatThrownBy(() -> USERS.apply(stored, request(all.toArray(ObjectNode[]::new))))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    // The failure or an earlier operation that cannot apply to this user is named.
                    assertThat(e.detail()).matches("Operations\\[(\\d+)\\]: .*");
                    int named = Integer.parseInt(e.detail().substring(11, e.detail().indexOf(']')));
                    assertThat(named).isLessThanOrEqualTo(at);
                });
        assertThat(stored).isEqualTo(before);
    }

    @Property(tries = 500)
    void atMostOneEmailIsPrimaryAfterAnySequence(@ForAll("users") ObjectNode stored,
            @ForAll("emailOperations") List<ObjectNode> operations) {
        PatchResult result;
        try {
            result = USERS.apply(stored, request(operations.toArray(ObjectNode[]::new)));
        } catch (BadRequestException e) {
            // The legitimate failures: a filter selecting several values, all to be made primary; a replace
            // through a filter that selects nothing (RFC 7644 §3.5.2.3).
            assertThat(e.detail()).matches("Operations\\[\\d+\\]: (at most one value of 'emails' may be primary, this"
                    + " operation makes \\d+ primary|no value of 'emails' matches .*: replace changes existing values"
                    + " only; use add to add one)");
            Statistics.collect("rejected");
            return;
        }
        Statistics.collect("applied");
        Statistics.coverage(coverage -> coverage.check("applied").percentage(p -> p > 30));
        int primaries = 0;
        for (JsonNode email : result.attributes().path("emails")) {
            if (email.path("primary").asBoolean(false)) {
                primaries++;
            }
        }
        assertThat(primaries).isLessThanOrEqualTo(1);
        // The primary the last operation asked for is the one that stays.
        ObjectNode last = operations.get(operations.size() - 1);
        if (last.path("path").asText().equals("emails[type eq \"home\"].primary") && last.get("value").asBoolean()) {
            assertThat(result.attributes().path("emails").findValues("primary").stream()
                    .filter(JsonNode::asBoolean).count()).isEqualTo(1);
        }
    }

    @Property(tries = 500)
    void theMembershipEditEqualsTheOperationsAppliedInOrder(@ForAll("memberSets") List<String> existing,
            @ForAll("memberOperations") List<ObjectNode> operations) {
        MembershipEdit edit = GROUPS.apply(group(), request(operations.toArray(ObjectNode[]::new))).membership();

        // The engine's order: remove all; remove ids and existing members removeWhere matches; add.
        Map<String, String> byEdit = members(existing);
        if (edit.removeAll()) {
            byEdit.clear();
        }
        Predicate<JsonNode> where = edit.removeWhere();
        byEdit.entrySet().removeIf(m -> edit.remove().contains(m.getKey())
                || (where != null && where.test(memberJson(m.getKey(), m.getValue()))));
        for (Member member : edit.add()) {
            byEdit.putIfAbsent(member.id(), member.display());
        }

        Map<String, String> inOrder = members(existing);
        for (ObjectNode operation : operations) {
            applyInOrder(inOrder, operation);
        }
        assertThat(byEdit.keySet()).isEqualTo(inOrder.keySet());
    }

    @Property(tries = 1000)
    void anyRequestIsAppliedOrRejectedWithA400(@ForAll("users") ObjectNode user, @ForAll boolean onGroup,
            @ForAll("junk") JsonNode request) {
        ObjectNode stored = onGroup ? group() : user;
        ObjectNode before = stored.deepCopy();
        PatchApplier applier = onGroup ? GROUPS : USERS;
        ResourceValidator validator = onGroup ? GROUP_VALIDATOR : USER_VALIDATOR;
        String outcome = "applied";
        try {
            PatchResult result = applier.apply(stored, request);
            // What comes out is normalised: validating it again changes nothing.
            assertThat(validator.forPatch(result.attributes(), result.attributes())).isEqualTo(result.attributes());
        } catch (BadRequestException e) {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.detail()).isNotBlank();
            outcome = e.scimType().orElseThrow().keyword();
        }
        assertThat(stored).isEqualTo(before);
        String seen = outcome;
        Statistics.label("outcome").collect(seen.equals("applied") ? "applied" : "rejected");
        // Most random requests are rejected; enough must get through for the success paths to be exercised.
        Statistics.label("outcome").coverage(coverage -> {
            coverage.check("applied").percentage(p -> p >= 2);
            coverage.check("rejected").percentage(p -> p >= 50);
        });
    }

    // ---- generators

    @Provide
    Arbitrary<ObjectNode> users() {
        Arbitrary<ObjectNode> email = Combinators.combine(Arbitraries.of(WORDS), Arbitraries.of(TYPES),
                        Arbitraries.of(true, false).injectNull(0.6))
                .as((local, type, primary) -> {
                    ObjectNode e = JSON.createObjectNode().put("value", local + "@example.com").put("type", type);
                    if (primary != null) {
                        e.put("primary", primary);
                    }
                    return e;
                });
        Arbitrary<ObjectNode> name = Combinators.combine(Arbitraries.of(WORDS).injectNull(0.4),
                        Arbitraries.of(WORDS).injectNull(0.4), Arbitraries.of(WORDS).injectNull(0.7))
                .as((given, family, middle) -> {
                    ObjectNode n = JSON.createObjectNode();
                    putIf(n, "givenName", given);
                    putIf(n, "familyName", family);
                    putIf(n, "middleName", middle);
                    return n;
                });
        Arbitrary<ObjectNode> enterprise = Combinators.combine(Arbitraries.of("1", "2", "701984").injectNull(0.5),
                        Arbitraries.of(WORDS).injectNull(0.5), Arbitraries.of("m-1", "m-2").injectNull(0.5))
                .as((number, department, manager) -> {
                    ObjectNode x = JSON.createObjectNode();
                    putIf(x, "employeeNumber", number);
                    putIf(x, "department", department);
                    if (manager != null) {
                        x.putObject("manager").put("value", manager).put("$ref", "../Users/" + manager);
                    }
                    return x;
                });
        return Combinators.combine(Arbitraries.of(WORDS), Arbitraries.of(WORDS).injectNull(0.5),
                        Arbitraries.of(true, false).injectNull(0.3), name.injectNull(0.3), email.list().ofMaxSize(3),
                        enterprise.injectNull(0.4), Arbitraries.of(WORDS).injectNull(0.6))
                .as((userName, nickName, active, n, emails, x, title) -> {
                    ObjectNode user = JSON.createObjectNode().put("userName", userName);
                    putIf(user, "nickName", nickName);
                    putIf(user, "title", title);
                    if (active != null) {
                        user.put("active", active);
                    }
                    if (n != null) {
                        user.set("name", n);
                    }
                    ArrayNode list = user.putArray("emails");
                    boolean primarySeen = false;
                    for (ObjectNode e : emails) {
                        if (e.path("primary").asBoolean(false)) {
                            if (primarySeen) {
                                e.remove("primary");
                            }
                            primarySeen = true;
                        }
                        list.add(e);
                    }
                    if (x != null) {
                        user.set(ENTERPRISE, x);
                    }
                    return USER_VALIDATOR.forCreate(user);
                });
    }

    @Provide
    Arbitrary<ObjectNode> replace() {
        Arbitrary<String> word = Arbitraries.of(WORDS);
        Arbitrary<String> type = Arbitraries.of(TYPES);
        return Arbitraries.oneOf(
                word.map(w -> operation("replace", "nickName", text(w))),
                Arbitraries.of("True", "False").map(b -> operation("Replace", "active", text(b))),
                word.map(w -> operation("replace", "name", JSON.createObjectNode().put("givenName", w))),
                word.injectNull(0.3).map(w -> operation("replace", "name.familyName", w == null ? null : text(w))),
                Combinators.combine(type, word).as((t, w) ->
                        operation("Replace", "emails[type eq \"" + t + "\"].value", text(w + "@example.org"))),
                type.map(t -> operation("replace", "emails[type eq \"" + t + "\"].primary", json("true"))),
                Combinators.combine(type, word).as((t, w) ->
                        operation("replace", "emails[type eq \"" + t + "\"]", JSON.createObjectNode().put("display", w))),
                word.map(w -> operation("replace", "emails",
                        json("[{\"value\": \"" + w + "@example.net\", \"type\": \"work\", \"primary\": true}]"))),
                Combinators.combine(word, word).as((a, b) -> operation("replace", null, JSON.createObjectNode()
                        .put("displayName", a).put("name.givenName", b).put(ENTERPRISE + ":employeeNumber", a))),
                Arbitraries.of("m-1", "m-3", "").map(m -> operation("Replace", ENTERPRISE + ":manager", text(m))),
                word.map(w -> operation("replace", ENTERPRISE, JSON.createObjectNode().put("department", w))));
    }

    @Provide
    Arbitrary<List<ObjectNode>> operations() {
        Arbitrary<String> word = Arbitraries.of(WORDS);
        Arbitrary<ObjectNode> op = Arbitraries.oneOf(
                replace(),
                word.map(w -> operation("add", "emails", JSON.createObjectNode().put("value", w + "@example.com"))),
                Arbitraries.of("nickName", "emails", "name.givenName", "emails[type eq \"work\"]", ENTERPRISE)
                        .map(p -> operation("remove", p, null)),
                word.map(w -> operation("add", null, JSON.createObjectNode().put("title", w))));
        return op.list().ofMaxSize(4);
    }

    @Provide
    Arbitrary<ObjectNode> failures() {
        return Arbitraries.of(
                "{\"op\": \"replace\", \"path\": \"groups\", \"value\": []}",
                "{\"op\": \"add\", \"path\": \"shoeSize\", \"value\": 1}",
                "{\"op\": \"copy\", \"path\": \"nickName\"}",
                "{\"op\": \"replace\", \"path\": \"active\", \"value\": \"maybe\"}",
                "{\"op\": \"remove\"}",
                "{\"op\": \"add\", \"path\": \"emails\", \"value\": [{\"value\": \"a\", \"primary\": true},"
                        + " {\"value\": \"b\", \"primary\": true}]}",
                "{\"op\": \"replace\", \"path\": \"emails[value eq \\\"nobody@nowhere\\\"]\", \"value\": {\"display\": \"x\"}}",
                "{\"op\": \"add\", \"path\": \"name.first\", \"value\": \"x\"}",
                "{\"op\": \"add\", \"path\": \"manager\", \"value\": [\"a\", \"b\"]}")
                .map(text -> (ObjectNode) json(text));
    }

    @Provide
    Arbitrary<List<ObjectNode>> emailOperations() {
        Arbitrary<String> word = Arbitraries.of(WORDS);
        Arbitrary<String> type = Arbitraries.of(TYPES);
        Arbitrary<ObjectNode> op = Arbitraries.oneOf(
                Combinators.combine(word, type, Arbitraries.of(true, false)).as((w, t, p) ->
                        operation("add", "emails", JSON.createObjectNode().put("value", w + "@example.com")
                                .put("type", t).put("primary", p))),
                Combinators.combine(type, Arbitraries.of("true", "false", "\"True\"")).as((t, p) ->
                        operation("replace", "emails[type eq \"" + t + "\"].primary", json(p))),
                Combinators.combine(type, word).as((t, w) ->
                        operation("add", "emails[type eq \"" + t + "\" and primary eq true].value", text(w + "@x.org"))),
                Combinators.combine(type, word).as((t, w) -> operation("replace", "emails[type eq \"" + t + "\"]",
                        JSON.createObjectNode().put("value", w + "@y.org").put("primary", true))),
                word.map(w -> operation("replace", null, (ObjectNode) json("{\"emails\": [{\"value\": \"" + w
                        + "@z.org\", \"primary\": true}, {\"value\": \"b@z.org\"}]}"))),
                type.map(t -> operation("remove", "emails[type eq \"" + t + "\"]", null)));
        return op.list().ofMinSize(1).ofMaxSize(5);
    }

    @Provide
    Arbitrary<List<String>> memberSets() {
        return Arbitraries.of(MEMBER_IDS).set().ofMaxSize(4).map(ArrayList::new);
    }

    @Provide
    Arbitrary<List<ObjectNode>> memberOperations() {
        Arbitrary<List<String>> ids = Arbitraries.of(MEMBER_IDS).list().ofMinSize(1).ofMaxSize(3);
        Arbitrary<String> id = Arbitraries.of(MEMBER_IDS);
        Arbitrary<ObjectNode> op = Arbitraries.oneOf(
                ids.map(list -> operation("add", "members", memberArray(list))),
                ids.map(list -> operation("Remove", "members", memberArray(list))),
                ids.map(list -> operation("replace", "members", memberArray(list))),
                ids.map(list -> operation("replace", null, JSON.createObjectNode().set("members", memberArray(list)))),
                id.map(i -> operation("remove", "members[value eq \"" + i + "\"]", null)),
                Combinators.combine(id, id).as((a, b) ->
                        operation("remove", "members[value eq \"" + a + "\" or value eq \"" + b + "\"]", null)),
                Arbitraries.of("1", "2", "3").map(d -> operation("remove", "members[display ew \"" + d + "\"]", null)),
                id.map(i -> operation("remove", "members[display eq \"Name-" + i + "\" and value pr]", null)),
                Arbitraries.just(operation("remove", "members", null)));
        return op.list().ofMinSize(1).ofMaxSize(6);
    }

    @Provide
    Arbitrary<JsonNode> junk() {
        Arbitrary<JsonNode> value = Arbitraries.of("null", "\"\"", "\"x\"", "1", "true", "\"True\"", "[]", "[null]",
                "{}", "{\"value\": null}", "{\"value\": \"x\"}", "[{\"value\": \"x\", \"primary\": true}]",
                "{\"givenName\": 1}", "{\"emails\": {\"value\": \"a@b\"}, \"nickName\": \"\"}", "[{}]",
                "{\"members\": [{\"value\": \"u1\"}]}", "[{\"value\": \"u1\", \"display\": 7}]", "\"2011-05-13T04:42:34Z\"",
                "{\"" + ENTERPRISE + "\": {\"manager\": \"m\"}}", "{\"name.givenName\": \"g\", \"id\": \"i\"}", "[[1]]",
                "{\"primary\": \"maybe\"}", "{\"type\": \"work\", \"primary\": true}").map(PatchApplierPropertiesTest::json);
        Arbitrary<JsonNode> path = Arbitraries.of("null", "\"\"", "\"emails\"", "\"emails[\"", "\"members[value eq 1]\"",
                "\"name..x\"", "\"urn:x\"", "\"emails[type eq \\\"work\\\"].value\"", "\"meta\"", "\"id\"", "\"schemas\"",
                "\"userName\"", "\"password\"", "\"" + ENTERPRISE + "\"", "\"" + ENTERPRISE + ":manager.value\"",
                "\"members\"", "\"members[value eq \\\"u1\\\"]\"", "\"members[display co \\\"a\\\"].value\"",
                "\"name\"", "\"name.givenName\"", "\"emails[primary eq true]\"", "\"displayName\"", "7",
                "\"emails[type eq \\\"work\\\" and value pr].primary\"", "\"active\"", "\"groups\"", "\"externalId\"")
                .map(PatchApplierPropertiesTest::json);
        // Mostly well-formed, so that whole requests of several operations get applied often enough to test.
        Arbitrary<JsonNode> op = Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.of("\"add\"", "\"Add\"", "\"REPLACE\"", "\"remove\"", "\"Remove\"")),
                Tuple.of(1, Arbitraries.of("\"copy\"", "7", "null"))).map(PatchApplierPropertiesTest::json);
        Arbitrary<JsonNode> operation = Combinators.combine(op.injectNull(0.02), path.injectNull(0.15),
                        value.injectNull(0.1))
                .as((o, p, v) -> {
                    ObjectNode node = JSON.createObjectNode();
                    if (o != null) {
                        node.set("op", o);
                    }
                    if (p != null) {
                        node.set("path", p);
                    }
                    if (v != null) {
                        node.set("value", v);
                    }
                    return node;
                });
        Arbitrary<JsonNode> operations = Arbitraries.frequencyOf(
                Tuple.of(9, operation.list().ofMinSize(1).ofMaxSize(3).map(list -> {
                    ArrayNode array = JSON.createArrayNode();
                    list.forEach(array::add);
                    return array;
                })),
                Tuple.of(1, value));
        return Combinators.combine(operations, Arbitraries.of(true, false)).as((ops, withSchemas) -> {
            ObjectNode request = JSON.createObjectNode();
            if (withSchemas) {
                request.putArray("schemas").add(PatchApplier.PATCH_OP);
            }
            request.set("Operations", ops);
            return request;
        });
    }

    // ---- the sequential model of membership

    private static void applyInOrder(Map<String, String> members, ObjectNode operation) {
        String op = operation.get("op").textValue().toLowerCase();
        JsonNode pathNode = operation.get("path");
        String path = pathNode == null ? "members" : pathNode.textValue();
        JsonNode value = pathNode == null ? operation.get("value").get("members") : operation.get("value");
        if (path.startsWith("members[")) {
            String filter = path.substring("members[".length(), path.length() - 1);
            Predicate<JsonNode> matches = ResolvedMember.predicate(filter);
            members.entrySet().removeIf(m -> matches.test(memberJson(m.getKey(), m.getValue())));
            return;
        }
        switch (op) {
            case "add" -> value.forEach(m -> members.putIfAbsent(m.get("value").textValue(), m.get("display").textValue()));
            case "replace" -> {
                members.clear();
                value.forEach(m -> members.putIfAbsent(m.get("value").textValue(), m.get("display").textValue()));
            }
            case "remove" -> {
                if (value == null) {
                    members.clear();
                } else {
                    value.forEach(m -> members.remove(m.get("value").textValue()));
                }
            }
            default -> throw new IllegalStateException(op);
        }
    }

    /** Member filters evaluated the way a store would, through the public filter API on a one-member group. */
    private static final class ResolvedMember {
        static Predicate<JsonNode> predicate(String filter) {
            ResolvedFilter resolved = ResolvedFilter.parse("members[" + filter + "]",
                    FilterParser.standard(), REGISTRY, CoreSchemas.GROUP_TYPE);
            return member -> {
                ObjectNode group = JSON.createObjectNode();
                group.putArray("members").add(member);
                return resolved.matches(group);
            };
        }
    }

    private static Map<String, String> members(List<String> ids) {
        Map<String, String> out = new LinkedHashMap<>();
        ids.forEach(id -> out.put(id, "Name-" + id));
        return out;
    }

    private static JsonNode memberJson(String id, String display) {
        return JSON.createObjectNode().put("value", id).put("type", "User").put("display", display);
    }

    private static ArrayNode memberArray(List<String> ids) {
        ArrayNode array = JSON.createArrayNode();
        // The display is a function of the id, as a store's would be: a filter on display then sees one member.
        ids.forEach(id -> array.addObject().put("value", id).put("display", "Name-" + id));
        return array;
    }

    // ---- helpers

    private static ObjectNode group() {
        return GROUP_VALIDATOR.forCreate(json("{\"displayName\": \"Tour Guides\"}"));
    }

    private static boolean absent(ObjectNode user, String path) {
        String pointer = path.startsWith(ENTERPRISE)
                ? "/" + ENTERPRISE + "/" + path.substring(ENTERPRISE.length() + 1).replace('.', '/')
                : "/" + path.replace('.', '/');
        return user.at(pointer).isMissingNode();
    }

    private static ObjectNode operation(String op, String path, JsonNode value) {
        ObjectNode node = JSON.createObjectNode().put("op", op);
        if (path != null) {
            node.put("path", path);
        }
        if (value != null) {
            node.set("value", value);
        } else if (!op.equalsIgnoreCase("remove")) {
            node.putNull("value");
        }
        return node;
    }

    private static JsonNode request(ObjectNode... operations) {
        ObjectNode request = JSON.createObjectNode();
        request.putArray("schemas").add(PatchApplier.PATCH_OP);
        ArrayNode array = request.putArray("Operations");
        for (ObjectNode operation : operations) {
            array.add(operation);
        }
        return request;
    }

    private static void putIf(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }

    private static JsonNode text(String value) {
        return JSON.getNodeFactory().textNode(value);
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
