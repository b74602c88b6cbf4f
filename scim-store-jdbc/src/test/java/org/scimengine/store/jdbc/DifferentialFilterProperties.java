package org.scimengine.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterProperty;
import org.scimengine.core.error.BadRequestException;
import org.scimengine.core.filter.ResolvedFilter;
import org.scimengine.core.filter.ResolvedSort;
import org.scimengine.core.schema.CoreSchemas;
import org.scimengine.core.schema.ResourceType;
import org.scimengine.core.schema.Schema;
import org.scimengine.core.schema.SchemaRegistry;
import org.scimengine.core.spi.CreateRequest;
import org.scimengine.core.spi.Member;
import org.scimengine.core.spi.MembershipChange;
import org.scimengine.core.spi.ResourceKey;
import org.scimengine.core.spi.ResourceStore;
import org.scimengine.core.spi.StorePage;
import org.scimengine.core.spi.StoreQuery;
import org.scimengine.core.spi.StoredResource;
import org.scimengine.filter.FilterParser;
import org.scimengine.store.memory.InMemoryResourceStore;

/**
 * The centrepiece of the filter semantics: random resources and random filters from the grammar give the same
 * results, in the same order and with the same totals, in memory and in the database. The resources go straight
 * into the stores, so they hold what an engine in lenient mode or a careless import could leave there: missing
 * values, values of the wrong JSON type, case variants, dateTimes with offsets, unicode that folds oddly
 * (final sigma, dotted I, sharp s, astral letters), single values where arrays belong, nested groups.
 *
 * <p>Each try draws one data set and many filters over it from a seed; a failure names the seed, the filter, the
 * sort and both answers.
 */
abstract class DifferentialFilterProperties {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final FilterParser PARSER = FilterParser.standard();
    private static final String TENANT = "acme";
    private static final String ENTERPRISE = CoreSchemas.ENTERPRISE_USER_URN;
    private static final String THING_URN = "urn:example:scim:schemas:Thing";
    private static final int FILTERS_PER_TRY = 25;

    private static final Schema THING_SCHEMA = Schema.fromJson("""
            {"id": "urn:example:scim:schemas:Thing", "name": "Thing", "description": "Every attribute type",
             "attributes": [
               {"name": "count", "type": "integer", "multiValued": false},
               {"name": "ratio", "type": "decimal", "multiValued": false},
               {"name": "when", "type": "dateTime", "multiValued": false},
               {"name": "flag", "type": "boolean", "multiValued": false},
               {"name": "code", "type": "string", "caseExact": true, "multiValued": false},
               {"name": "label", "type": "string", "caseExact": false, "multiValued": false},
               {"name": "blob", "type": "binary", "multiValued": false},
               {"name": "tags", "type": "string", "multiValued": true},
               {"name": "items", "type": "complex", "multiValued": true, "subAttributes": [
                 {"name": "name", "type": "string", "multiValued": false},
                 {"name": "size", "type": "integer", "multiValued": false},
                 {"name": "at", "type": "dateTime", "multiValued": false},
                 {"name": "exact", "type": "string", "caseExact": true, "multiValued": false},
                 {"name": "primary", "type": "boolean", "multiValued": false}]}]}
            """);
    private static final ResourceType THINGS = ResourceType.fromJson("""
            {"id": "Thing", "name": "Thing", "endpoint": "/Things", "schema": "urn:example:scim:schemas:Thing"}
            """);
    private static final SchemaRegistry REGISTRY = SchemaRegistry.builder().addStandard().addSchema(THING_SCHEMA)
            .addResourceType(THINGS).build();

    /** Strings that collide under folding, fold oddly, or order surprisingly by code point. */
    private static final List<String> STRINGS = List.of("", "a", "A", "ab", "AB", "aB", "abc", "b", "bA", "z",
            "é", "É", "ß", "SS", "ss", "İ", "i", "I", "ı", "ΑΣ", "ας", "ασ", "Σ", "𝔸", "a𝔸", "\uffff", "x y",
            "work", "Work", "home", "2026-01-01T00:00:00Z", "12", "true");
    private static final List<String> DATE_TIMES = List.of("2026-01-01T00:00:00Z", "2026-01-01T01:00:00+01:00",
            "2025-12-31T23:59:59.5Z", "2026-01-01T00:00:00", "2026-06-30T12:00:00-07:00", "1999-12-31T23:59:59Z",
            "2026-01-01T00:00:00.000000001Z");
    private static final List<String> NUMBERS = List.of("-1", "0", "1", "1.5", "2", "10", "100", "-2.25", "1e2");

    /** What a filter may name, by type; the type decides the operators and the values. */
    private enum Kind { STRING, BINARY, BOOLEAN, NUMBER, INTEGER, DATE_TIME, COMPLEX }

    private record Spec(String path, Kind kind) {
    }

    private static final List<Spec> USER_PATHS = List.of(new Spec("userName", Kind.STRING),
            new Spec("displayName", Kind.STRING), new Spec("nickName", Kind.STRING), new Spec("title", Kind.STRING),
            new Spec("active", Kind.BOOLEAN), new Spec("externalId", Kind.STRING), new Spec("id", Kind.STRING),
            new Spec("emails", Kind.STRING), new Spec("emails.value", Kind.STRING),
            new Spec("emails.type", Kind.STRING), new Spec("emails.primary", Kind.BOOLEAN),
            new Spec("emails.display", Kind.STRING), new Spec("name", Kind.COMPLEX),
            new Spec("name.givenName", Kind.STRING), new Spec("name.familyName", Kind.STRING),
            new Spec("emails", Kind.COMPLEX), new Spec("meta.created", Kind.DATE_TIME),
            new Spec("meta.lastModified", Kind.DATE_TIME), new Spec("meta.resourceType", Kind.STRING),
            new Spec("meta", Kind.COMPLEX), new Spec("groups", Kind.COMPLEX), new Spec("groups.value", Kind.STRING),
            new Spec("groups.display", Kind.STRING), new Spec("groups.type", Kind.STRING),
            new Spec(ENTERPRISE + ":employeeNumber", Kind.STRING), new Spec(ENTERPRISE + ":department", Kind.STRING),
            new Spec(ENTERPRISE + ":manager.value", Kind.STRING), new Spec(ENTERPRISE + ":manager", Kind.COMPLEX),
            new Spec(ENTERPRISE + ":manager.displayName", Kind.STRING), new Spec("x509Certificates.value", Kind.BINARY));
    private static final List<Spec> EMAIL_SUBS = List.of(new Spec("value", Kind.STRING),
            new Spec("type", Kind.STRING), new Spec("primary", Kind.BOOLEAN), new Spec("display", Kind.STRING));
    private static final List<Spec> GROUP_PATHS = List.of(new Spec("displayName", Kind.STRING),
            new Spec("externalId", Kind.STRING), new Spec("members", Kind.COMPLEX),
            new Spec("members.value", Kind.STRING), new Spec("members.type", Kind.STRING),
            new Spec("members.display", Kind.STRING), new Spec("id", Kind.STRING), new Spec("groups.value", Kind.STRING),
            new Spec("meta.lastModified", Kind.DATE_TIME));
    private static final List<Spec> MEMBER_SUBS = List.of(new Spec("value", Kind.STRING),
            new Spec("type", Kind.STRING), new Spec("display", Kind.STRING));
    private static final List<Spec> GROUPS_SUBS = List.of(new Spec("value", Kind.STRING),
            new Spec("display", Kind.STRING), new Spec("type", Kind.STRING));
    private static final List<Spec> THING_PATHS = List.of(new Spec("count", Kind.INTEGER),
            new Spec("ratio", Kind.NUMBER), new Spec("when", Kind.DATE_TIME), new Spec("flag", Kind.BOOLEAN),
            new Spec("code", Kind.STRING), new Spec("label", Kind.STRING), new Spec("blob", Kind.BINARY),
            new Spec("tags", Kind.STRING), new Spec("items", Kind.COMPLEX), new Spec("items.name", Kind.STRING),
            new Spec("items.size", Kind.INTEGER), new Spec("items.at", Kind.DATE_TIME),
            new Spec("items.exact", Kind.STRING), new Spec("items.primary", Kind.BOOLEAN),
            new Spec("meta.version", Kind.STRING));
    private static final List<Spec> ITEM_SUBS = List.of(new Spec("name", Kind.STRING), new Spec("size", Kind.INTEGER),
            new Spec("at", Kind.DATE_TIME), new Spec("exact", Kind.STRING), new Spec("primary", Kind.BOOLEAN));

    /** A new, empty store of the kind under test. */
    protected abstract ResourceStore newStore();

    /** Closes what {@link #newStore} opened. */
    protected abstract void closeStores();

    @AfterProperty
    void close() {
        closeStores();
    }

    @Property(tries = 100)
    void theDatabaseAnswersEveryFilterAsMemoryDoes(@ForAll long seed) {
        Random random = new Random(seed);
        ResourceStore memory = InMemoryResourceStore.create();
        ResourceStore database = newStore();
        try {
            load(random, memory, database);
            int checked = 0;
            for (int i = 0; i < FILTERS_PER_TRY; i++) {
                ResourceType type = switch (random.nextInt(5)) {
                    case 0, 1 -> CoreSchemas.USER_TYPE;
                    case 2 -> CoreSchemas.GROUP_TYPE;
                    default -> THINGS;
                };
                String text = filter(random, paths(type), type, 0);
                ResolvedFilter filter;
                try {
                    filter = ResolvedFilter.parse(text, PARSER, REGISTRY, type);
                } catch (BadRequestException e) {
                    continue;
                }
                ResolvedSort sort = sort(random, type);
                StoreQuery all = new StoreQuery(TENANT, type, filter, sort, 0, 1_000, null);
                String what = "seed " + seed + ", " + type.name() + " filter " + text + ", sort " + sort;
                StorePage expected = memory.search(all);
                StorePage actual = database.search(all);
                assertThat(ids(actual)).as(what).isEqualTo(ids(expected));
                assertThat(actual.totalResults()).as(what).isEqualTo(expected.totalResults());
                assertThat(actual.resources()).as(what).isEqualTo(expected.resources());
                int offset = random.nextInt(4);
                int count = random.nextInt(4);
                StoreQuery window = new StoreQuery(TENANT, type, filter, sort, offset, count, null);
                assertThat(ids(database.search(window))).as(what + ", offset " + offset + " count " + count)
                        .isEqualTo(ids(memory.search(window)));
                assertThat(database.search(window).totalResults()).as(what).isEqualTo(expected.totalResults());
                assertThat(walk(database, new StoreQuery(TENANT, type, filter, sort, 0, 1 + random.nextInt(3), "")))
                        .as(what + ", walked by cursor").isEqualTo(ids(expected));
                checked++;
            }
            assertThat(checked).as("filters that resolved").isPositive();
        } finally {
            closeStores();
        }
    }

    // ---- the data set ---------------------------------------------------------------------------------------------

    private void load(Random random, ResourceStore... stores) {
        List<String> users = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        int userCount = 4 + random.nextInt(8);
        for (int i = 0; i < userCount; i++) {
            String id = "u" + i + pick(random, List.of("", "A", "b", "é"));
            create(stores, "User", id, user(random), random);
            users.add(id);
        }
        for (int i = 0; i < 2 + random.nextInt(3); i++) {
            String id = "g" + i;
            ObjectNode group = NODES.objectNode();
            group.putArray("schemas").add(CoreSchemas.GROUP_URN);
            maybe(random, () -> group.set("displayName", stringOrOdd(random)));
            maybe(random, () -> group.put("externalId", pick(random, STRINGS)));
            create(stores, "Group", id, group, random);
            groups.add(id);
        }
        for (int i = 0; i < 2 + random.nextInt(6); i++) {
            create(stores, "Thing", "t" + i, thing(random), random);
        }
        for (int g = 0; g < groups.size(); g++) {
            List<Member> members = new ArrayList<>();
            for (String user : users) {
                if (random.nextInt(3) == 0) {
                    members.add(new Member(user, null, random.nextBoolean() ? pick(random, STRINGS) : null));
                }
            }
            // Nest only into later groups, so no cycle can form.
            for (int h = g + 1; h < groups.size(); h++) {
                if (random.nextInt(3) == 0) {
                    members.add(new Member(groups.get(h), null, null));
                }
            }
            if (!members.isEmpty()) {
                MembershipChange change = new MembershipChange(new ResourceKey(TENANT, "Group", groups.get(g)),
                        false, Set.of(), members, null, Instant.parse("2026-02-01T00:00:00Z").plusSeconds(g));
                for (ResourceStore store : stores) {
                    store.changeMembers(change);
                }
            }
        }
    }

    private static void create(ResourceStore[] stores, String type, String id, ObjectNode attributes, Random random) {
        Instant now = Instant.parse(pick(random, List.of("2026-01-01T00:00:00Z", "2026-01-01T00:00:00.5Z",
                "2025-06-01T10:00:00Z", "2026-01-01T00:00:00.000000001Z")));
        for (ResourceStore store : stores) {
            store.create(new CreateRequest(new ResourceKey(TENANT, type, id), attributes, List.of(), now));
        }
    }

    private static ObjectNode user(Random random) {
        ObjectNode user = NODES.objectNode();
        ArrayNode schemas = user.putArray("schemas").add(CoreSchemas.USER_URN);
        maybe(random, () -> user.set("userName", stringOrOdd(random)));
        maybe(random, () -> user.put("displayName", pick(random, STRINGS)));
        maybe(random, () -> user.set("nickName", odd(random)));
        maybe(random, () -> user.put("title", pick(random, STRINGS)));
        maybe(random, () -> user.set("active", random.nextInt(4) == 0 ? NODES.textNode("True")
                : NODES.booleanNode(random.nextBoolean())));
        maybe(random, () -> user.put("externalId", pick(random, STRINGS)));
        maybe(random, () -> {
            ObjectNode name = user.putObject("name");
            maybe(random, () -> name.put("givenName", pick(random, STRINGS)));
            maybe(random, () -> name.put("familyName", pick(random, STRINGS)));
        });
        maybe(random, () -> {
            int n = random.nextInt(4);
            if (n == 3) {
                user.set("emails", email(random));
                return;
            }
            ArrayNode emails = user.putArray("emails");
            for (int i = 0; i < n; i++) {
                emails.add(random.nextInt(8) == 0 ? NODES.textNode(pick(random, STRINGS)) : email(random));
            }
        });
        maybe(random, () -> {
            ArrayNode certificates = user.putArray("x509Certificates");
            certificates.addObject().put("value", pick(random, List.of("TUlJRA==", "tuljra==", "QUJD")));
        });
        maybe(random, () -> {
            schemas.add(ENTERPRISE);
            ObjectNode enterprise = user.putObject(ENTERPRISE);
            maybe(random, () -> enterprise.put("employeeNumber", pick(random, STRINGS)));
            maybe(random, () -> enterprise.put("department", pick(random, STRINGS)));
            maybe(random, () -> {
                ObjectNode manager = enterprise.putObject("manager");
                maybe(random, () -> manager.put("value", pick(random, STRINGS)));
                maybe(random, () -> manager.put("displayName", pick(random, STRINGS)));
            });
        });
        return user;
    }

    private static ObjectNode email(Random random) {
        ObjectNode email = NODES.objectNode();
        maybe(random, () -> email.set("value", stringOrOdd(random)));
        maybe(random, () -> email.put("type", pick(random, List.of("work", "Work", "home", "other", ""))));
        maybe(random, () -> email.set("primary", random.nextInt(5) == 0 ? NODES.textNode("true")
                : NODES.booleanNode(random.nextBoolean())));
        maybe(random, () -> email.put("display", pick(random, STRINGS)));
        return email;
    }

    private static ObjectNode thing(Random random) {
        ObjectNode thing = NODES.objectNode();
        thing.putArray("schemas").add(THING_URN);
        maybe(random, () -> thing.set("count", random.nextInt(6) == 0 ? NODES.textNode("1")
                : NODES.numberNode(Integer.parseInt(pick(random, List.of("-1", "0", "1", "2", "10", "100"))))));
        maybe(random, () -> thing.set("ratio", NODES.numberNode(Double.parseDouble(pick(random, NUMBERS)))));
        maybe(random, () -> thing.set("when", random.nextInt(6) == 0 ? NODES.textNode("not a date")
                : NODES.textNode(pick(random, DATE_TIMES))));
        maybe(random, () -> thing.put("flag", random.nextBoolean()));
        maybe(random, () -> thing.put("code", pick(random, STRINGS)));
        maybe(random, () -> thing.put("label", pick(random, STRINGS)));
        maybe(random, () -> thing.put("blob", pick(random, List.of("QUJD", "qujd", "TUlJRA=="))));
        maybe(random, () -> {
            ArrayNode tags = thing.putArray("tags");
            for (int i = random.nextInt(4); i > 0; i--) {
                tags.add(pick(random, STRINGS));
            }
        });
        maybe(random, () -> {
            ArrayNode items = thing.putArray("items");
            for (int i = random.nextInt(4); i > 0; i--) {
                ObjectNode item = items.addObject();
                maybe(random, () -> item.put("name", pick(random, STRINGS)));
                maybe(random, () -> item.put("size", Integer.parseInt(pick(random, List.of("-1", "0", "1", "2", "10")))));
                maybe(random, () -> item.put("at", pick(random, DATE_TIMES)));
                maybe(random, () -> item.put("exact", pick(random, STRINGS)));
                maybe(random, () -> item.put("primary", random.nextBoolean()));
            }
        });
        return thing;
    }

    /** Usually a string; now and then a value of the wrong JSON type. */
    private static com.fasterxml.jackson.databind.JsonNode stringOrOdd(Random random) {
        return random.nextInt(8) == 0 ? odd(random) : NODES.textNode(pick(random, STRINGS));
    }

    private static com.fasterxml.jackson.databind.JsonNode odd(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> NODES.numberNode(12);
            case 1 -> NODES.booleanNode(true);
            case 2 -> NODES.arrayNode().add(pick(random, STRINGS)).add(pick(random, STRINGS));
            case 3 -> NODES.nullNode();
            default -> NODES.textNode(pick(random, STRINGS));
        };
    }

    // ---- filters, sorts and paging --------------------------------------------------------------------------------

    private static List<Spec> paths(ResourceType type) {
        return switch (type.name()) {
            case "User" -> USER_PATHS;
            case "Group" -> GROUP_PATHS;
            default -> THING_PATHS;
        };
    }

    private static String filter(Random random, List<Spec> paths, ResourceType type, int depth) {
        int choice = random.nextInt(depth >= 3 ? 4 : 9);
        switch (choice) {
            case 4:
            case 5:
                return "(" + filter(random, paths, type, depth + 1) + ") " + keyword(random, "and") + " ("
                        + filter(random, paths, type, depth + 1) + ")";
            case 6:
                return "(" + filter(random, paths, type, depth + 1) + ") " + keyword(random, "or") + " ("
                        + filter(random, paths, type, depth + 1) + ")";
            case 7:
                return keyword(random, "not") + " (" + filter(random, paths, type, depth + 1) + ")";
            case 8:
                if (depth == 0 || paths != USER_PATHS && paths != THING_PATHS && paths != GROUP_PATHS) {
                    return valuePath(random, type, depth);
                }
                return atom(random, paths);
            default:
                return atom(random, paths);
        }
    }

    private static String valuePath(Random random, ResourceType type, int depth) {
        record Target(String attribute, List<Spec> subs) {
        }
        List<Target> targets = switch (type.name()) {
            case "User" -> List.of(new Target("emails", EMAIL_SUBS), new Target("groups", GROUPS_SUBS),
                    new Target("name", List.of(new Spec("givenName", Kind.STRING), new Spec("familyName", Kind.STRING))),
                    new Target("meta", List.of(new Spec("created", Kind.DATE_TIME),
                            new Spec("resourceType", Kind.STRING))));
            case "Group" -> List.of(new Target("members", MEMBER_SUBS));
            default -> List.of(new Target("items", ITEM_SUBS));
        };
        Target target = pick(random, targets);
        return casing(random, target.attribute()) + "[" + filter(random, target.subs(), type, depth + 1) + "]";
    }

    private static String atom(Random random, List<Spec> paths) {
        Spec spec = pick(random, paths);
        String path = casing(random, spec.path());
        if (spec.kind() == Kind.COMPLEX || random.nextInt(8) == 0) {
            return path + " " + keyword(random, "pr");
        }
        if (random.nextInt(12) == 0) {
            return path + " " + keyword(random, pick(random, List.of("eq", "ne"))) + " null";
        }
        List<String> operators = switch (spec.kind()) {
            case STRING -> List.of("eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le");
            case BINARY, BOOLEAN -> List.of("eq", "ne");
            default -> List.of("eq", "ne", "gt", "ge", "lt", "le");
        };
        String value = switch (spec.kind()) {
            case STRING, BINARY -> quoted(random.nextInt(6) == 0 ? pick(random, List.of("u1", "g0", "g1", "User",
                    "group", "direct", "INDIRECT", "W/\"1\"", "QUJD", "TUlJRA==")) : pick(random, STRINGS));
            case BOOLEAN -> pick(random, List.of("true", "false", "\"True\""));
            case INTEGER -> pick(random, List.of("-1", "0", "1", "2", "10", "100"));
            case NUMBER -> pick(random, NUMBERS);
            case DATE_TIME -> quoted(pick(random, DATE_TIMES));
            case COMPLEX -> throw new IllegalStateException();
        };
        return path + " " + keyword(random, pick(random, operators)) + " " + value;
    }

    private static ResolvedSort sort(Random random, ResourceType type) {
        if (random.nextInt(3) == 0) {
            return ResolvedSort.byId(type);
        }
        List<String> sortable = switch (type.name()) {
            case "User" -> List.of("userName", "displayName", "nickName", "active", "emails", "emails.value",
                    "emails.type", "name.givenName", "meta.created", "meta.lastModified", "id", "externalId",
                    ENTERPRISE + ":department", ENTERPRISE + ":manager.value");
            case "Group" -> List.of("displayName", "members.value", "members.display", "externalId");
            default -> List.of("count", "ratio", "when", "flag", "code", "label", "tags", "items.name",
                    "items.size", "items.at", "items.exact");
        };
        return ResolvedSort.parse(pick(random, sortable), random.nextBoolean() ? "ascending" : "descending", PARSER,
                REGISTRY, type);
    }

    private static List<String> walk(ResourceStore store, StoreQuery first) {
        List<String> ids = new ArrayList<>();
        StoreQuery query = first;
        for (int pages = 0; pages < 1_000; pages++) {
            StorePage page = store.search(query);
            ids.addAll(ids(page));
            String next = page.nextCursor();
            if (next == null) {
                return ids;
            }
            query = new StoreQuery(first.tenant(), first.resourceType(), first.filter(), first.sort(), 0,
                    first.count(), next);
        }
        throw new AssertionError("the cursors never ended");
    }

    private static List<String> ids(StorePage page) {
        return page.resources().stream().map(StoredResource::id).toList();
    }

    // ---- small helpers --------------------------------------------------------------------------------------------

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static void maybe(Random random, Runnable action) {
        if (random.nextInt(4) != 0) {
            action.run();
        }
    }

    private static String keyword(Random random, String keyword) {
        return random.nextInt(5) == 0 ? keyword.toUpperCase(Locale.ROOT) : keyword;
    }

    /** Attribute names are case-insensitive; the resolver gives them their schema's spelling. */
    private static String casing(Random random, String path) {
        if (random.nextInt(6) != 0 || path.startsWith("urn:")) {
            return path;
        }
        return random.nextBoolean() ? path.toUpperCase(Locale.ROOT) : path.toLowerCase(Locale.ROOT);
    }

    private static String quoted(String value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
