package org.scimengine.core.spi.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scimengine.core.AttributeSelection;
import org.scimengine.core.RequestContext;
import org.scimengine.core.ResourceResult;
import org.scimengine.core.ScimEngine;
import org.scimengine.core.SearchRequest;
import org.scimengine.core.error.ConflictException;
import org.scimengine.core.error.ScimException;
import org.scimengine.core.error.ScimType;
import org.scimengine.core.schema.ResourceType;
import org.scimengine.core.schema.Schema;
import org.scimengine.core.schema.SchemaRegistry;
import org.scimengine.core.spi.ResourceStore;

/**
 * The engine's behaviour over a store: what a client sees through {@link ScimEngine}. Every store runs it beside
 * {@code ResourceStoreContract}, so a store is right when the engine on top of it is.
 */
public abstract class ScimEngineContract {

    protected static final ObjectMapper JSON = new ObjectMapper();
    protected static final String BASE = "https://example.com/scim/v2";
    protected static final RequestContext ACME = RequestContext.of("acme", BASE);
    protected static final RequestContext GLOBEX = RequestContext.of("globex", BASE);
    private static final AttributeSelection ALL = AttributeSelection.DEFAULT;

    /** A new, empty store. */
    protected abstract ResourceStore newStore();

    protected ScimEngine engine;
    private ResourceStore store;
    private final MutableClock clock = new MutableClock();

    @BeforeEach
    void setUpEngine() {
        store = newStore();
        engine = engine(store);
    }

    @AfterEach
    void closeStore() throws Exception {
        if (store instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    /** The engine under test: cheap password hashing and a clock that moves only when told. */
    protected ScimEngine engine(ResourceStore on) {
        return ScimEngine.builder(on).passwordHashIterations(1_000).clock(clock).build();
    }

    protected static ObjectNode json(String text) {
        try {
            return (ObjectNode) JSON.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    protected ResourceResult createUser(RequestContext context, String userName) {
        return engine.create(context, "User", json("{'schemas': ['urn:ietf:params:scim:schemas:core:2.0:User'],"
                + " 'userName': '" + userName + "', 'name': {'givenName': 'Given', 'familyName': '" + userName + "'},"
                + " 'emails': [{'value': '" + userName + "@example.com', 'type': 'work', 'primary': true}],"
                + " 'password': 't1meMa$heen', 'active': true}"), ALL);
    }

    protected ResourceResult createGroup(RequestContext context, String displayName, String... memberIds) {
        StringBuilder members = new StringBuilder();
        for (String id : memberIds) {
            members.append(members.length() == 0 ? "" : ",").append("{'value': '").append(id).append("'}");
        }
        return engine.create(context, "Group", json("{'schemas': ['urn:ietf:params:scim:schemas:core:2.0:Group'],"
                + " 'displayName': '" + displayName + "', 'members': [" + members + "]}"), ALL);
    }

    protected static void assertScimError(ThrowingCallable call, int status, ScimType type) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ScimException.class, e -> {
            assertThat(e.status()).as(e.detail()).isEqualTo(status);
            assertThat(e.scimType()).as(e.detail()).contains(type);
            assertThat(e.detail()).isNotBlank();
        });
    }

    private long total(RequestContext context, String type, String filter) {
        return engine.search(context, type, SearchRequest.all().withFilter(filter)).get("totalResults").asLong();
    }

    // ------------------------------------------------------------------------------------------ create / get

    @Test
    void createReturnsTheServersViewWithMetaAndWithoutThePassword() {
        clock.set("2026-01-02T03:04:05Z");
        ResourceResult created = createUser(ACME, "bjensen");

        ObjectNode user = created.resource();
        assertThat(user.get("id").asText()).isEqualTo(created.id()).isNotBlank();
        assertThat(user.get("userName").asText()).isEqualTo("bjensen");
        assertThat(user.has("password")).isFalse();
        JsonNode meta = user.get("meta");
        assertThat(meta.get("resourceType").asText()).isEqualTo("User");
        assertThat(meta.get("created").asText()).isEqualTo("2026-01-02T03:04:05Z");
        assertThat(meta.get("lastModified").asText()).isEqualTo("2026-01-02T03:04:05Z");
        assertThat(meta.get("location").asText()).isEqualTo(BASE + "/Users/" + created.id());
        assertThat(meta.get("version").asText()).isEqualTo(created.version()).startsWith("W/\"");
        assertThat(created.location()).isEqualTo(BASE + "/Users/" + created.id());
        assertThat(engine.get(ACME, "User", created.id(), ALL).resource()).isEqualTo(user);
    }

    @Test
    void theRfc7643EnterpriseUserComesBackAsSentWithIdAndMetaAndWithoutItsPassword() throws Exception {
        ObjectNode body;
        try (var in = ScimEngineContract.class.getResourceAsStream("enterprise-user.json")) {
            body = (ObjectNode) JSON.readTree(in);
        }
        ResourceResult created = engine.create(ACME, "User", body, ALL);

        ObjectNode expected = body.deepCopy();
        expected.remove("password");
        // manager.displayName is readOnly (RFC 7643 §4.3): the server's to fill in, so client input is ignored.
        expected.withObject("/urn:ietf:params:scim:schemas:extension:enterprise:2.0:User").withObject("/manager")
                .remove("displayName");
        ObjectNode returned = created.resource().deepCopy();
        assertThat(returned.remove("id").asText()).isEqualTo(created.id());
        assertThat(returned.remove("meta").get("resourceType").asText()).isEqualTo("User");
        assertThat(returned).isEqualTo(expected);
        assertThat(engine.get(ACME, "User", created.id(), ALL).resource()).isEqualTo(created.resource());
        assertThat(total(ACME, "User", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value"
                + " eq \"26118915-6090-4610-87e4-49d8ca9f808d\" and addresses[type eq \"home\" and postalCode sw \"916\"]"))
                .isEqualTo(1);
    }

    @Test
    void valuesAreStoredExactlyAsSentAndNamesInTheSchemasSpelling() {
        ResourceResult created = engine.create(ACME, "User", json("{'schemas': ['urn:ietf:params:scim:schemas:core:2.0:User'],"
                + " 'USERNAME': 'Ann', 'phoneNumbers': [{'value': '+1 (555) 555-8377', 'type': 'work'}],"
                + " 'active': 'False'}"), ALL);

        ObjectNode user = engine.get(ACME, "User", created.id(), ALL).resource();
        assertThat(user.get("userName").asText()).isEqualTo("Ann");
        assertThat(user.get("phoneNumbers").get(0).get("value").asText()).isEqualTo("+1 (555) 555-8377");
        assertThat(user.get("active").isBoolean()).isTrue();
        assertThat(user.get("active").booleanValue()).isFalse();
    }

    @Test
    void anUnknownAttributeIsRefusedAndNothingIsStored() {
        assertScimError(() -> engine.create(ACME, "User", json("{'schemas': ['urn:ietf:params:scim:schemas:core:2.0:User'],"
                + " 'userName': 'x', 'shoeSize': 42}"), ALL), 400, ScimType.INVALID_SYNTAX);
        assertThat(total(ACME, "User", null)).isZero();
    }

    @Test
    void getOfAnUnknownIdOrTypeIsA404() {
        ResourceResult user = createUser(ACME, "bjensen");
        assertThatThrownBy(() -> engine.get(ACME, "User", "no-such-id", ALL))
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.status()).isEqualTo(404));
        assertThatThrownBy(() -> engine.get(ACME, "Group", user.id(), ALL))
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.status()).isEqualTo(404));
        assertThatThrownBy(() -> engine.get(ACME, "Device", user.id(), ALL))
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    // ------------------------------------------------------------------------------------------ uniqueness

    @Test
    void userNameIsUniqueIgnoringCaseWithinATenantOnly() {
        createUser(ACME, "bjensen");
        assertScimError(() -> createUser(ACME, "BJensen"), 409, ScimType.UNIQUENESS);
        assertThat(createUser(GLOBEX, "BJENSEN").id()).isNotBlank();
        assertThat(total(ACME, "User", null)).isEqualTo(1);
    }

    @Test
    void fiftyConcurrentCreatesOfOneUserNameGiveOneSuccess() throws Exception {
        int threads = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CyclicBarrier start = new CyclicBarrier(threads);
        try {
            List<Future<Boolean>> outcomes = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                String name = i % 2 == 0 ? "Race.Winner" : "race.winner".toUpperCase(Locale.ROOT);
                String variant = i % 3 == 0 ? "race.WINNER" : name;
                outcomes.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    try {
                        createUser(ACME, variant);
                        return true;
                    } catch (ConflictException e) {
                        return false;
                    }
                }));
            }
            int successes = 0;
            for (Future<Boolean> outcome : outcomes) {
                successes += outcome.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(successes).isEqualTo(1);
            assertThat(total(ACME, "User", "userName eq \"race.winner\"")).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    // ------------------------------------------------------------------------------------------ replace / delete

    @Test
    void replaceChangesTheVersionKeepsCreatedAndIgnoresReadOnlyInput() {
        clock.set("2026-01-01T00:00:00Z");
        ResourceResult created = createUser(ACME, "bjensen");
        clock.set("2026-02-01T00:00:00Z");
        ObjectNode body = created.resource().deepCopy();
        body.put("displayName", "Babs");
        body.put("id", "attempted-new-id");
        body.withObject("meta").put("created", "1999-01-01T00:00:00Z");

        ResourceResult replaced = engine.replace(ACME, "User", created.id(), body, created.version(), ALL);

        assertThat(replaced.id()).isEqualTo(created.id());
        assertThat(replaced.version()).isNotEqualTo(created.version());
        assertThat(replaced.resource().get("displayName").asText()).isEqualTo("Babs");
        assertThat(replaced.resource().at("/meta/created").asText()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(replaced.resource().at("/meta/lastModified").asText()).isEqualTo("2026-02-01T00:00:00Z");
    }

    @Test
    void aStaleVersionIsA412AndChangesNothing() {
        ResourceResult created = createUser(ACME, "bjensen");
        ObjectNode body = created.resource().deepCopy().put("displayName", "one");
        ResourceResult first = engine.replace(ACME, "User", created.id(), body, null, ALL);

        assertScimErrorStatus(() -> engine.replace(ACME, "User", created.id(), body.put("displayName", "two"),
                created.version(), ALL), 412);
        assertScimErrorStatus(() -> engine.delete(ACME, "User", created.id(), created.version()), 412);
        assertScimErrorStatus(() -> engine.patch(ACME, "User", created.id(), json("{'schemas':"
                + " ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], 'Operations': [{'op': 'replace',"
                + " 'path': 'displayName', 'value': 'three'}]}"), created.version(), ALL), 412);
        ResourceResult now = engine.get(ACME, "User", created.id(), ALL);
        assertThat(now.resource().get("displayName").asText()).isEqualTo("one");
        assertThat(now.version()).isEqualTo(first.version());
        engine.replace(ACME, "User", created.id(), body, "W/\"nope\", " + first.version(), ALL);
        engine.delete(ACME, "User", created.id(), "*");
        assertScimErrorStatus(() -> engine.get(ACME, "User", created.id(), ALL), 404);
    }

    private static void assertScimErrorStatus(ThrowingCallable call, int status) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ScimException.class,
                e -> assertThat(e.status()).as(e.detail()).isEqualTo(status));
    }

    @Test
    void aPasswordLeftOutOfAReplaceIsKeptAndNeverReturned() {
        ResourceResult created = createUser(ACME, "bjensen");
        ResourceResult replaced = engine.replace(ACME, "User", created.id(), created.resource(), null,
                new AttributeSelection("password,userName", null));
        assertThat(replaced.resource().has("password")).isFalse();
        assertThat(engine.search(ACME, "User", SearchRequest.all().withSelection(new AttributeSelection("password", null)))
                .get("Resources").get(0).has("password")).isFalse();
    }

    // ------------------------------------------------------------------------------------------ groups

    @Test
    void aUsersGroupsAreDerivedFromMembershipDirectAndIndirect() {
        String user = createUser(ACME, "bjensen").id();
        ResourceResult inner = createGroup(ACME, "Tour Guides", user);
        ResourceResult outer = createGroup(ACME, "Employees", inner.id());

        JsonNode members = inner.resource().get("members");
        assertThat(members).hasSize(1);
        assertThat(members.get(0).get("value").asText()).isEqualTo(user);
        assertThat(members.get(0).get("type").asText()).isEqualTo("User");
        assertThat(members.get(0).get("$ref").asText()).isEqualTo(BASE + "/Users/" + user);

        JsonNode groups = engine.get(ACME, "User", user, ALL).resource().get("groups");
        assertThat(groups).hasSize(2);
        Set<String> seen = new HashSet<>();
        for (JsonNode group : groups) {
            String value = group.get("value").asText();
            seen.add(value + "/" + group.get("type").asText() + "/" + group.get("display").asText());
            assertThat(group.get("$ref").asText()).isEqualTo(BASE + "/Groups/" + value);
        }
        assertThat(seen).containsExactlyInAnyOrder(inner.id() + "/direct/Tour Guides",
                outer.id() + "/indirect/Employees");
        assertThat(total(ACME, "User", "groups.value eq \"" + outer.id() + "\"")).isEqualTo(1);
        assertThat(total(ACME, "Group", "members.value eq \"" + user + "\"")).isEqualTo(1);
    }

    @Test
    void aGroupOfMoreMembersThanOnePageOfTheStoreRendersThemAllInTheOrderAdded() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 1_100; i++) {
            ids.add(engine.create(ACME, "User", json("{'schemas': ['urn:ietf:params:scim:schemas:core:2.0:User'],"
                    + " 'userName': 'member" + i + "'}"), ALL).id());
        }
        ResourceResult group = createGroup(ACME, "Everyone", ids.toArray(String[]::new));

        for (JsonNode members : List.of(group.resource().get("members"),
                engine.get(ACME, "Group", group.id(), ALL).resource().get("members"))) {
            List<String> values = new ArrayList<>();
            members.forEach(member -> values.add(member.get("value").asText()));
            assertThat(values).containsExactlyElementsOf(ids);
        }
    }

    @Test
    void deletingAUserRemovesItFromEveryGroupAndChangesTheirVersion() {
        String user = createUser(ACME, "bjensen").id();
        String other = createUser(ACME, "other").id();
        ResourceResult group = createGroup(ACME, "Tour Guides", user, other);

        engine.delete(ACME, "User", user, null);

        ResourceResult after = engine.get(ACME, "Group", group.id(), ALL);
        assertThat(after.version()).isNotEqualTo(group.version());
        assertThat(after.resource().get("members")).hasSize(1);
        assertThat(after.resource().get("members").get(0).get("value").asText()).isEqualTo(other);
    }

    @Test
    void anUnknownMemberIsA400AndTheGroupIsNotCreated() {
        assertScimError(() -> createGroup(ACME, "Ghosts", "no-such-user"), 400, ScimType.INVALID_VALUE);
        assertThat(total(ACME, "Group", null)).isZero();
    }

    @Test
    void aMemberOfAnotherTenantIsUnknown() {
        String foreign = createUser(GLOBEX, "stranger").id();
        assertScimError(() -> createGroup(ACME, "Mixed", foreign), 400, ScimType.INVALID_VALUE);
    }

    @Test
    void excludedMembersAreLeftOutAndAReplaceSetsExactlyTheGivenMembers() {
        String a = createUser(ACME, "a").id();
        String b = createUser(ACME, "b").id();
        ResourceResult group = createGroup(ACME, "G", a);

        ObjectNode light = engine.get(ACME, "Group", group.id(), new AttributeSelection(null, "members")).resource();
        assertThat(light.has("members")).isFalse();
        assertThat(light.get("displayName").asText()).isEqualTo("G");

        ObjectNode body = json("{'schemas': ['urn:ietf:params:scim:schemas:core:2.0:Group'], 'displayName': 'G2',"
                + " 'members': [{'value': '" + b + "'}]}");
        JsonNode members = engine.replace(ACME, "Group", group.id(), body, null, ALL).resource().get("members");
        assertThat(members).hasSize(1);
        assertThat(members.get(0).get("value").asText()).isEqualTo(b);
    }

    // ------------------------------------------------------------------------------------------ search

    @Test
    void searchPagesPerRfc7644AndSortsStably() {
        for (String name : List.of("delta", "alpha", "charlie", "bravo", "echo")) {
            createUser(ACME, name);
        }
        JsonNode page = engine.search(ACME, "User", SearchRequest.all().withSort("userName", "descending")
                .withPage(0, 2));
        assertThat(page.get("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:ListResponse");
        assertThat(page.get("totalResults").asInt()).isEqualTo(5);
        assertThat(page.get("startIndex").asInt()).isEqualTo(1);
        assertThat(page.get("itemsPerPage").asInt()).isEqualTo(2);
        assertThat(names(page)).containsExactly("echo", "delta");

        JsonNode second = engine.search(ACME, "User", SearchRequest.all().withSort("userName", null).withPage(4, 100));
        assertThat(names(second)).containsExactly("delta", "echo");
        assertThat(second.get("startIndex").asInt()).isEqualTo(4);

        JsonNode countOnly = engine.search(ACME, "User", SearchRequest.all().withPage(1, -3));
        assertThat(countOnly.get("totalResults").asInt()).isEqualTo(5);
        assertThat(countOnly.get("itemsPerPage").asInt()).isZero();
        assertThat(countOnly.get("Resources")).isEmpty();
    }

    @Test
    void aCountAboveTheMaximumIsTheMaximum() {
        ScimEngine small = ScimEngine.builder(store).passwordHashIterations(1_000).pageSizes(2, 3).build();
        for (String name : List.of("a", "b", "c", "d")) {
            small.create(ACME, "User", json("{'schemas': ['urn:ietf:params:scim:schemas:core:2.0:User'],"
                    + " 'userName': '" + name + "'}"), ALL);
        }
        assertThat(small.search(ACME, "User", SearchRequest.all().withPage(1, 500)).get("itemsPerPage").asInt())
                .isEqualTo(3);
        assertThat(small.search(ACME, "User", SearchRequest.all()).get("itemsPerPage").asInt()).isEqualTo(2);
    }

    @Test
    void aFilterMatchesIgnoringCaseWhereTheSchemaSaysSoAndNothingMatchingIsAnEmptyList() {
        createUser(ACME, "bjensen");
        assertThat(total(ACME, "User", "userName eq \"BJENSEN\"")).isEqualTo(1);
        JsonNode none = engine.search(ACME, "User", SearchRequest.all().withFilter("userName eq \"nobody\""));
        assertThat(none.get("totalResults").asInt()).isZero();
        assertThat(none.get("Resources")).isEmpty();
        assertScimError(() -> total(ACME, "User", "shoeSize gt 3"), 400, ScimType.INVALID_FILTER);
        assertScimError(() -> total(ACME, "User", "userName eq"), 400, ScimType.INVALID_FILTER);
    }

    @Test
    void aPasswordCanBeNeitherFilteredNorSortedOn() {
        createUser(ACME, "bjensen");
        assertScimError(() -> total(ACME, "User", "password pr"), 400, ScimType.INVALID_FILTER);
        assertScimError(() -> engine.search(ACME, SearchRequest.all().withFilter("password sw \"$pbkdf2\"")), 400,
                ScimType.INVALID_FILTER);
        assertScimError(() -> engine.search(ACME, "User", SearchRequest.all().withSort("password", null)), 400,
                ScimType.INVALID_VALUE);
    }

    @Test
    void attributesNarrowTheResponseButAlwaysReturnedOnesStay() {
        createUser(ACME, "bjensen");
        JsonNode user = engine.search(ACME, "User", SearchRequest.all()
                .withSelection(new AttributeSelection("userName", null))).get("Resources").get(0);
        List<String> names = new ArrayList<>();
        user.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactlyInAnyOrder("schemas", "id", "userName");
    }

    @Test
    void cursorPagingWalksEveryResourceOnceWhenTheStoreSupportsIt() {
        assumeThat(store.capabilities().cursorPaging()).as("the store does not support cursor paging").isTrue();
        for (int i = 0; i < 7; i++) {
            createUser(ACME, "user" + i);
        }
        List<String> seen = new ArrayList<>();
        String cursor = "";
        while (cursor != null) {
            JsonNode page = engine.search(ACME, "User", SearchRequest.all().withCursor(cursor, 3));
            assertThat(page.has("startIndex")).isFalse();
            seen.addAll(names(page));
            cursor = page.has("nextCursor") ? page.get("nextCursor").asText() : null;
        }
        assertThat(seen).hasSize(7).doesNotHaveDuplicates();
        assertScimError(() -> engine.search(ACME, "User", SearchRequest.all().withCursor("", 5_000)), 400,
                ScimType.INVALID_COUNT);
    }

    @Test
    void aRootSearchCoversEveryTypeTheFilterFits() {
        String user = createUser(ACME, "alpha").id();
        createUser(ACME, "bravo");
        createGroup(ACME, "Admins", user);
        createGroup(ACME, "Auditors");

        JsonNode all = engine.search(ACME, SearchRequest.all().withPage(2, 2));
        assertThat(all.get("totalResults").asInt()).isEqualTo(4);
        assertThat(all.get("Resources")).hasSize(2);
        assertThat(all.get("Resources").get(0).at("/meta/resourceType").asText()).isEqualTo("User");
        assertThat(all.get("Resources").get(1).at("/meta/resourceType").asText()).isEqualTo("Group");

        JsonNode users = engine.search(ACME, SearchRequest.all().withFilter("userName sw \"a\""));
        assertThat(users.get("totalResults").asInt()).isEqualTo(1);
        JsonNode groups = engine.search(ACME, SearchRequest.all().withFilter("displayName sw \"A\""));
        assertThat(groups.get("totalResults").asInt()).isEqualTo(2);
        assertScimError(() -> engine.search(ACME, SearchRequest.all().withFilter("shoeSize gt 3")), 400,
                ScimType.INVALID_FILTER);
    }

    private static List<String> names(JsonNode listResponse) {
        List<String> names = new ArrayList<>();
        listResponse.get("Resources").forEach(r -> names.add(r.get("userName").asText()));
        return names;
    }

    // ------------------------------------------------------------------------------------------ bulk

    @Test
    void bulkCreatesAUserAndAGroupThatReferencesItByBulkId() {
        String existing = createUser(ACME, "existing").id();
        ObjectNode request = json("""
                {'schemas': ['urn:ietf:params:scim:api:messages:2.0:BulkRequest'], 'failOnErrors': 5,
                 'Operations': [
                   {'method': 'POST', 'path': '/Groups', 'bulkId': 'ytrewq',
                    'data': {'schemas': ['urn:ietf:params:scim:schemas:core:2.0:Group'], 'displayName': 'Tour Guides',
                             'members': [{'type': 'User', 'value': 'bulkId:qwerty'}]}},
                   {'method': 'POST', 'path': '/Users', 'bulkId': 'qwerty',
                    'data': {'schemas': ['urn:ietf:params:scim:schemas:core:2.0:User'], 'userName': 'Alice'}},
                   {'method': 'PUT', 'path': '/Users/%s',
                    'data': {'schemas': ['urn:ietf:params:scim:schemas:core:2.0:User'], 'userName': 'renamed'}},
                   {'method': 'POST', 'path': '/Users', 'bulkId': 'dup',
                    'data': {'schemas': ['urn:ietf:params:scim:schemas:core:2.0:User'], 'userName': 'ALICE'}},
                   {'method': 'DELETE', 'path': '/Users/no-such-id'}]}
                """.formatted(existing));

        JsonNode response = engine.bulk(ACME, request, request.toString().length());

        JsonNode operations = response.get("Operations");
        assertThat(response.get("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:BulkResponse");
        List<String> statuses = new ArrayList<>();
        operations.forEach(o -> statuses.add(o.get("status").asText()));
        assertThat(statuses).containsExactly("201", "201", "200", "409", "404");
        String aliceId = operations.get(1).get("location").asText().replace(BASE + "/Users/", "");
        String groupLocation = operations.get(0).get("location").asText();
        JsonNode group = engine.get(ACME, "Group", groupLocation.replace(BASE + "/Groups/", ""), ALL).resource();
        assertThat(group.get("members").get(0).get("value").asText()).isEqualTo(aliceId);
        assertThat(operations.get(3).at("/response/scimType").asText()).isEqualTo("uniqueness");
        assertThat(engine.get(ACME, "User", existing, ALL).resource().get("userName").asText()).isEqualTo("renamed");
    }

    @Test
    void bulkResolvesAReferenceInsideAPatchPathFilter() {
        ObjectNode request = json("""
                {'schemas': ['urn:ietf:params:scim:api:messages:2.0:BulkRequest'], 'Operations': [
                   {'method': 'PATCH', 'path': '/Groups/bulkId:g', 'data': {
                     'schemas': ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
                     'Operations': [{'op': 'remove', 'path': 'members[value eq \\"bulkId:u\\"]'}]}},
                   {'method': 'POST', 'path': '/Groups', 'bulkId': 'g',
                    'data': {'schemas': ['urn:ietf:params:scim:schemas:core:2.0:Group'], 'displayName': 'G',
                             'members': [{'value': 'bulkId:u'}, {'value': 'bulkId:v'}]}},
                   {'method': 'POST', 'path': '/Users', 'bulkId': 'u',
                    'data': {'schemas': ['urn:ietf:params:scim:schemas:core:2.0:User'], 'userName': 'u'}},
                   {'method': 'POST', 'path': '/Users', 'bulkId': 'v',
                    'data': {'schemas': ['urn:ietf:params:scim:schemas:core:2.0:User'], 'userName': 'v'}}]}
                """);

        JsonNode operations = engine.bulk(ACME, request, 1_000).get("Operations");

        List<String> statuses = new ArrayList<>();
        operations.forEach(o -> statuses.add(o.get("status").asText()));
        assertThat(statuses).containsExactly("200", "201", "201", "201");
        String group = operations.get(1).get("location").asText().replace(BASE + "/Groups/", "");
        String v = operations.get(3).get("location").asText().replace(BASE + "/Users/", "");
        JsonNode members = engine.get(ACME, "Group", group, ALL).resource().get("members");
        assertThat(members).hasSize(1);
        assertThat(members.get(0).get("value").asText()).isEqualTo(v);
    }

    @Test
    void bulkFailuresUndoOnlyTheirOwnWrites() {
        String existing = createUser(ACME, "existing").id();
        String leaver = createUser(ACME, "leaver").id();
        String old = createGroup(ACME, "Old", leaver).id();
        ObjectNode request = json("""
                {'schemas': ['urn:ietf:params:scim:api:messages:2.0:BulkRequest'], 'Operations': [
                   {'method': 'POST', 'path': '/Users', 'bulkId': 'ann',
                    'data': {'schemas': ['urn:ietf:params:scim:schemas:core:2.0:User'], 'userName': 'ann'}},
                   {'method': 'POST', 'path': '/Users', 'bulkId': 'dup',
                    'data': {'schemas': ['urn:ietf:params:scim:schemas:core:2.0:User'], 'userName': 'EXISTING'}},
                   {'method': 'POST', 'path': '/Groups', 'bulkId': 'broken',
                    'data': {'schemas': ['urn:ietf:params:scim:schemas:core:2.0:Group'], 'displayName': 'Team',
                             'members': [{'value': 'bulkId:ann'}, {'value': 'no-such-user'}]}},
                   {'method': 'POST', 'path': '/Users', 'bulkId': 'bob',
                    'data': {'schemas': ['urn:ietf:params:scim:schemas:core:2.0:User'], 'userName': 'bob'}},
                   {'method': 'PATCH', 'path': '/Users/%s', 'version': 'W/\\"999\\"',
                    'data': {'schemas': ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
                             'Operations': [{'op': 'replace', 'path': 'displayName', 'value': 'Never'}]}},
                   {'method': 'DELETE', 'path': '/Users/%s'},
                   {'method': 'POST', 'path': '/Groups', 'bulkId': 'team',
                    'data': {'schemas': ['urn:ietf:params:scim:schemas:core:2.0:Group'], 'displayName': 'Team',
                             'members': [{'value': 'bulkId:ann'}, {'value': 'bulkId:bob'}]}},
                   {'method': 'PUT', 'path': '/Users/bulkId:bob',
                    'data': {'schemas': ['urn:ietf:params:scim:schemas:core:2.0:User'], 'userName': 'ANN'}}]}
                """.formatted(existing, leaver));

        JsonNode operations = engine.bulk(ACME, request, 2_000).get("Operations");

        List<String> statuses = new ArrayList<>();
        operations.forEach(o -> statuses.add(o.get("status").asText()));
        assertThat(statuses).containsExactly("201", "409", "400", "201", "412", "204", "201", "409");
        String ann = operations.get(0).get("location").asText().replace(BASE + "/Users/", "");
        String bob = operations.get(3).get("location").asText().replace(BASE + "/Users/", "");
        String team = operations.get(6).get("location").asText().replace(BASE + "/Groups/", "");
        assertThat(names(engine.search(ACME, "User", SearchRequest.all())))
                .containsExactlyInAnyOrder("existing", "ann", "bob");
        assertThat(total(ACME, "User", "userName pr")).isEqualTo(3);
        assertThat(total(ACME, "Group", "displayName eq \"Team\"")).isEqualTo(1);
        assertThat(total(ACME, "Group", "displayName pr")).isEqualTo(2);
        List<String> members = new ArrayList<>();
        engine.get(ACME, "Group", team, ALL).resource().get("members")
                .forEach(m -> members.add(m.get("value").asText()));
        assertThat(members).containsExactlyInAnyOrder(ann, bob);
        assertThat(engine.get(ACME, "Group", old, ALL).resource().path("members")).isEmpty();
        assertThat(engine.get(ACME, "User", existing, ALL).resource().has("displayName")).isFalse();
        assertThat(engine.get(ACME, "User", bob, ALL).resource().get("userName").asText()).isEqualTo("bob");
        assertThat(total(ACME, "User", "groups.value eq \"" + team + "\"")).isEqualTo(2);
    }

    @Test
    void aBulkBatchThatTheStoreRunsAgainCountsOnlyOnce() {
        ScriptedUnitsStore scripted = new ScriptedUnitsStore(store);

        assertCarolAndHerGroup(bulkCarolAndHerGroup(scripted, ScriptedUnitsStore.Next.RUN_TWICE));
    }

    @Test
    void aBulkBatchThatFailsAsAWholeIsRunAgainOperationByOperation() {
        ScriptedUnitsStore scripted = new ScriptedUnitsStore(store);

        assertCarolAndHerGroup(bulkCarolAndHerGroup(scripted, ScriptedUnitsStore.Next.FAIL_AFTER_WORK));
        if (store.capabilities().nestedUnits()) {
            // The failed batch, then one unit per operation.
            assertThat(scripted.units()).isEqualTo(4);
        }
    }

    /** Sends a request of three operations through an engine on the scripted store, its first unit armed. */
    private JsonNode bulkCarolAndHerGroup(ScriptedUnitsStore scripted, ScriptedUnitsStore.Next first) {
        ScimEngine on = engine(scripted);
        ObjectNode request = carolAndHerGroup();
        scripted.next(first);
        return on.bulk(ACME, request, 2_000).get("Operations");
    }

    private static ObjectNode carolAndHerGroup() {
        return json("""
                {'schemas': ['urn:ietf:params:scim:api:messages:2.0:BulkRequest'], 'Operations': [
                   {'method': 'POST', 'path': '/Users', 'bulkId': 'carol',
                    'data': {'schemas': ['urn:ietf:params:scim:schemas:core:2.0:User'], 'userName': 'carol'}},
                   {'method': 'POST', 'path': '/Groups', 'bulkId': 'g',
                    'data': {'schemas': ['urn:ietf:params:scim:schemas:core:2.0:Group'], 'displayName': 'G',
                             'members': [{'value': 'bulkId:carol'}]}},
                   {'method': 'PATCH', 'path': '/Users/bulkId:carol',
                    'data': {'schemas': ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
                             'Operations': [{'op': 'replace', 'path': 'displayName', 'value': 'Carol'}]}}]}
                """);
    }

    private void assertCarolAndHerGroup(JsonNode operations) {
        List<String> statuses = new ArrayList<>();
        operations.forEach(o -> statuses.add(o.get("status").asText()));
        assertThat(statuses).containsExactly("201", "201", "200");
        String carol = operations.get(0).get("location").asText().replace(BASE + "/Users/", "");
        String group = operations.get(1).get("location").asText().replace(BASE + "/Groups/", "");
        assertThat(total(ACME, "User", "userName pr")).isEqualTo(1);
        assertThat(total(ACME, "Group", "displayName pr")).isEqualTo(1);
        JsonNode stored = engine.get(ACME, "User", carol, ALL).resource();
        assertThat(stored.get("displayName").asText()).isEqualTo("Carol");
        assertThat(operations.get(2).get("version").asText()).isEqualTo(engine.get(ACME, "User", carol, ALL).version());
        assertThat(engine.get(ACME, "Group", group, ALL).resource().at("/members/0/value").asText()).isEqualTo(carol);
    }

    @Test
    void bulkLimitsAreA413() {
        ScimEngine limited = ScimEngine.builder(store).passwordHashIterations(1_000).bulkLimits(1, 10_000).build();
        ObjectNode request = json("""
                {'schemas': ['urn:ietf:params:scim:api:messages:2.0:BulkRequest'], 'Operations': [
                   {'method': 'DELETE', 'path': '/Users/a'}, {'method': 'DELETE', 'path': '/Users/b'}]}
                """);
        assertScimErrorStatus(() -> limited.bulk(ACME, request, 100), 413);
        assertScimErrorStatus(() -> limited.bulk(ACME, request, 10_001), 413);
        assertThat(limited.serviceProviderConfigDocument(ACME).at("/bulk/maxOperations").asInt()).isEqualTo(1);
    }

    // ------------------------------------------------------------------------------------------ tenants, discovery

    @Test
    void tenantsNeverSeeEachOther() {
        String id = createUser(ACME, "bjensen").id();
        assertScimErrorStatus(() -> engine.get(GLOBEX, "User", id, ALL), 404);
        assertScimErrorStatus(() -> engine.delete(GLOBEX, "User", id, null), 404);
        assertThat(total(GLOBEX, "User", null)).isZero();
    }

    @Test
    void discoveryDocumentsTellTheTruth() {
        JsonNode config = engine.serviceProviderConfigDocument(ACME);
        assertThat(config.at("/patch/supported").asBoolean()).isTrue();
        assertThat(config.at("/bulk/supported").asBoolean()).isTrue();
        assertThat(config.at("/etag/supported").asBoolean()).isTrue();
        assertThat(config.at("/filter/maxResults").asInt()).isEqualTo(1_000);
        assertThat(config.at("/pagination/cursor").asBoolean()).isEqualTo(store.capabilities().cursorPaging());
        assertThat(config.at("/meta/location").asText()).isEqualTo(BASE + "/ServiceProviderConfig");

        JsonNode schemas = engine.schemasDocument(ACME);
        List<String> ids = new ArrayList<>();
        schemas.get("Resources").forEach(s -> ids.add(s.get("id").asText()));
        assertThat(ids).contains("urn:ietf:params:scim:schemas:core:2.0:User",
                "urn:ietf:params:scim:schemas:core:2.0:Group",
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User");
        assertThat(schemas.get("totalResults").asInt()).isEqualTo(ids.size());

        JsonNode user = engine.resourceTypeDocument(ACME, "user");
        assertThat(user.get("endpoint").asText()).isEqualTo("/Users");
        assertThat(user.at("/meta/location").asText()).isEqualTo(BASE + "/ResourceTypes/User");
        assertThat(engine.resourceTypesDocument(ACME).get("totalResults").asInt()).isEqualTo(2);
    }

    @Test
    void aCustomResourceTypeFromJsonWithARequiredExtensionBehavesLikeUsers() {
        Schema device = Schema.fromJson("""
                {"id": "urn:example:scim:schemas:Device", "name": "Device", "description": "A device",
                 "attributes": [
                   {"name": "serialNumber", "type": "string", "multiValued": false, "required": true,
                    "caseExact": true, "mutability": "immutable", "returned": "default", "uniqueness": "server"},
                   {"name": "label", "type": "string", "multiValued": false, "required": false,
                    "caseExact": false, "mutability": "readWrite", "returned": "default", "uniqueness": "none"}]}
                """);
        Schema owner = Schema.fromJson("""
                {"id": "urn:example:scim:schemas:extension:Owner", "name": "Owner", "description": "Who owns it",
                 "attributes": [
                   {"name": "ownerId", "type": "string", "multiValued": false, "required": true,
                    "caseExact": true, "mutability": "readWrite", "returned": "default", "uniqueness": "none"}]}
                """);
        ResourceType devices = ResourceType.fromJson("""
                {"id": "Device", "name": "Device", "endpoint": "/Devices", "description": "Devices",
                 "schema": "urn:example:scim:schemas:Device",
                 "schemaExtensions": [{"schema": "urn:example:scim:schemas:extension:Owner", "required": true}]}
                """);
        ScimEngine withDevices = ScimEngine.builder(store).passwordHashIterations(1_000)
                .registry(SchemaRegistry.builder().addStandard().addSchema(device).addSchema(owner)
                        .addResourceType(devices).build())
                .build();
        String urn = "urn:example:scim:schemas:extension:Owner";

        assertScimError(() -> withDevices.create(ACME, "Device", json("{'schemas': ['urn:example:scim:schemas:Device'],"
                + " 'serialNumber': 'SN-1'}"), ALL), 400, ScimType.INVALID_VALUE);
        ResourceResult created = withDevices.create(ACME, "Device", json("{'schemas': ['urn:example:scim:schemas:Device',"
                + " '" + urn + "'], 'serialNumber': 'SN-1', 'label': 'Lobby printer', '" + urn + "': {'ownerId': 'u1'}}"),
                ALL);

        assertThat(created.location()).isEqualTo(BASE + "/Devices/" + created.id());
        assertThat(withDevices.resourceTypeAt("/devices").name()).isEqualTo("Device");
        assertThat(created.resource().at("/" + urn.replace("/", "~1") + "/ownerId").asText()).isEqualTo("u1");
        assertScimError(() -> withDevices.create(ACME, "Device", json("{'schemas': ['urn:example:scim:schemas:Device',"
                + " '" + urn + "'], 'serialNumber': 'SN-1', '" + urn + "': {'ownerId': 'u2'}}"), ALL),
                409, ScimType.UNIQUENESS);
        ObjectNode renamed = created.resource().deepCopy().put("serialNumber", "SN-2");
        assertScimError(() -> withDevices.replace(ACME, "Device", created.id(), renamed, null, ALL), 400,
                ScimType.MUTABILITY);
        JsonNode found = withDevices.search(ACME, "Device", SearchRequest.all()
                .withFilter("label co \"printer\" and " + urn + ":ownerId eq \"u1\""));
        assertThat(found.get("totalResults").asInt()).isEqualTo(1);
        assertThat(withDevices.resourceTypesDocument(ACME).get("totalResults").asInt()).isEqualTo(3);
        // RFC 7643 §4.2: a group's members are users and groups, not devices.
        assertScimError(() -> withDevices.create(ACME, "Group", json("{'schemas': ['urn:ietf:params:scim:schemas:core:2.0:Group'],"
                + " 'displayName': 'Printers', 'members': [{'value': '" + created.id() + "'}]}"), ALL), 400,
                ScimType.INVALID_VALUE);
    }

    /** A clock tests move by hand, so timestamps are exact. */
    private static final class MutableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void set(String instant) {
            now = Instant.parse(instant);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
