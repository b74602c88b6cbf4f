package org.scimengine.core.spi.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.scimengine.core.spi.contract.SampleResources.OTHER_TENANT;
import static org.scimengine.core.spi.contract.SampleResources.T0;
import static org.scimengine.core.spi.contract.SampleResources.TENANT;
import static org.scimengine.core.spi.contract.SampleResources.at;
import static org.scimengine.core.spi.contract.SampleResources.group;
import static org.scimengine.core.spi.contract.SampleResources.id;
import static org.scimengine.core.spi.contract.SampleResources.user;
import static org.scimengine.core.spi.contract.SampleResources.userNameValue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.scimengine.core.error.BadRequestException;
import org.scimengine.core.error.ConflictException;
import org.scimengine.core.error.PreconditionFailedException;
import org.scimengine.core.error.ResourceNotFoundException;
import org.scimengine.core.error.ScimType;
import org.scimengine.core.filter.ResolvedFilter;
import org.scimengine.core.filter.ResolvedSort;
import org.scimengine.core.schema.CoreSchemas;
import org.scimengine.core.schema.ResourceType;
import org.scimengine.core.schema.SchemaRegistry;
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
import org.scimengine.core.spi.ResourceStore;
import org.scimengine.core.spi.StorePage;
import org.scimengine.core.spi.StoreQuery;
import org.scimengine.core.spi.StoredResource;
import org.scimengine.core.spi.UniqueValue;
import org.scimengine.filter.FilterParser;

/**
 * The contract every {@link ResourceStore} must meet: what the SPI's javadoc promises, as tests. A store module
 * runs it by extending this class and implementing {@link #newStore()}; every test gets a fresh, empty store.
 * Tests of an optional capability skip themselves, through an assumption, when the store does not declare it.
 *
 * <p>After every test the suite checks invariants that any sequence of calls must keep: versions are positive,
 * a resource's search result equals what {@code get} returns, every member row points at a resource that exists,
 * and {@code groupsOf} lists exactly the groups whose member rows name the resource.
 */
public abstract class ResourceStoreContract {

    /** The parser the engine resolves filters with. */
    protected static final FilterParser PARSER = FilterParser.standard();
    /** The schemas of RFC 7643: User (with the enterprise extension) and Group. */
    protected static final SchemaRegistry REGISTRY = SchemaRegistry.standard();
    /** The User resource type. */
    protected static final ResourceType USERS = CoreSchemas.USER_TYPE;
    /** The Group resource type. */
    protected static final ResourceType GROUPS = CoreSchemas.GROUP_TYPE;

    private static final int ALL = 100_000;

    /** The store under test: a fresh one for each test, set before the test runs. */
    protected ResourceStore store;

    /** A new, empty store. Called once before each test. */
    protected abstract ResourceStore newStore();

    /** Releases a store after its test (closes connections, drops a schema); does nothing by default. */
    protected void release(ResourceStore store) {
    }

    @BeforeEach
    final void createStore() {
        store = newStore();
    }

    @AfterEach
    final void checkInvariantsAndRelease() {
        try {
            assertInvariants(TENANT);
            assertInvariants(OTHER_TENANT);
        } finally {
            release(store);
        }
    }

    @Nested
    class CreateAndGet {

        @Test
        void createKeepsTheResourceAtVersionOneCreatedAndModifiedNow() {
            ObjectNode attributes = user("bjensen").name("Barbara", "Jensen").build();
            ObjectNode expected = attributes.deepCopy();

            StoredResource created = createUser(TENANT, attributes, at(5));

            assertThat(created.resourceType()).isEqualTo("User");
            assertThat(created.id()).isEqualTo(userId(TENANT, "bjensen"));
            assertThat(created.version()).isEqualTo(1);
            assertThat(created.created()).isEqualTo(at(5));
            assertThat(created.lastModified()).isEqualTo(at(5));
            assertThat(created.attributes()).isEqualTo(expected);
            assertThat(store.get(key(created))).contains(created);
        }

        @Test
        void getOfAnUnknownIdIsEmpty() {
            assertThat(store.get(new ResourceKey(TENANT, "User", id("nobody")))).isEmpty();
            createUser("bjensen");
            assertThat(store.get(new ResourceKey(TENANT, "User", id("nobody")))).isEmpty();
        }

        @Test
        void aKeyNamesTheTypeSoAnIdUnderAnotherTypeFindsNothing() {
            StoredResource user = createUser("bjensen");

            assertThat(store.get(new ResourceKey(TENANT, "Group", user.id()))).isEmpty();
        }

        @Test
        void theNodePassedInIsCopied() {
            ObjectNode attributes = user("bjensen").build();
            StoredResource created = createUser(TENANT, attributes, T0);

            attributes.put("userName", "mallory");
            attributes.put("title", "Intruder");

            assertThat(store.get(key(created)).orElseThrow().attributes()).isEqualTo(user("bjensen").build());
        }

        @Test
        void theNodesHandedOutAreCopies() {
            StoredResource created = createUser("bjensen");
            created.attributes().put("title", "from create");
            store.get(key(created)).orElseThrow().attributes().put("title", "from get");
            searchUsers(null).resources().get(0).attributes().put("title", "from search");

            StoredResource again = store.get(key(created)).orElseThrow();
            assertThat(again.attributes().has("title")).isFalse();
            assertThat(again.attributes()).isEqualTo(user("bjensen").build());
        }
    }

    @Nested
    class Replace {

        @Test
        void replaceIncreasesTheVersionAndKeepsCreated() {
            StoredResource created = createUser(TENANT, user("bjensen").build(), at(1));
            ObjectNode replacement = user("bjensen").put("title", "Tour Guide").build();

            StoredResource replaced = store.replace(new ReplaceRequest(key(created), replacement,
                    List.of(userNameValue("bjensen")), null, at(9)));

            assertThat(replaced.id()).isEqualTo(created.id());
            assertThat(replaced.resourceType()).isEqualTo("User");
            assertThat(replaced.version()).isEqualTo(2);
            assertThat(replaced.created()).isEqualTo(at(1));
            assertThat(replaced.lastModified()).isEqualTo(at(9));
            assertThat(replaced.attributes()).isEqualTo(user("bjensen").put("title", "Tour Guide").build());
            assertThat(store.get(key(created))).contains(replaced);
        }

        @Test
        void theReplacementNodeIsCopied() {
            StoredResource created = createUser("bjensen");
            ObjectNode replacement = user("bjensen").put("title", "Tour Guide").build();
            store.replace(new ReplaceRequest(key(created), replacement, List.of(userNameValue("bjensen")), null,
                    at(1)));

            replacement.put("title", "changed afterwards");

            assertThat(store.get(key(created)).orElseThrow().attributes().get("title").asText())
                    .isEqualTo("Tour Guide");
        }

        @Test
        void aMatchingExpectedVersionReplaces() {
            StoredResource created = createUser("bjensen");
            StoredResource second = replaceUser(created, user("bjensen").put("title", "a").build(), 1L, at(1));

            StoredResource third = replaceUser(second, user("bjensen").put("title", "b").build(), 2L, at(2));

            assertThat(third.version()).isEqualTo(3);
            assertThat(third.attributes().get("title").asText()).isEqualTo("b");
        }

        @Test
        void aStaleExpectedVersionFailsWith412AndChangesNothing() {
            StoredResource created = createUser("bjensen");
            StoredResource current = replaceUser(created, user("bjensen").put("title", "a").build(), null, at(1));

            assertThatThrownBy(() -> replaceUser(created, user("bjensen").put("title", "b").build(), 1L, at(2)))
                    .isInstanceOf(PreconditionFailedException.class);

            assertThat(store.get(key(created))).contains(current);
        }

        @Test
        void replacingAnUnknownResourceFailsWith404() {
            assertThatThrownBy(() -> store.replace(new ReplaceRequest(new ResourceKey(TENANT, "User", id("nobody")),
                    user("nobody").build(), List.of(userNameValue("nobody")), null, T0)))
                    .isInstanceOf(ResourceNotFoundException.class);
            assertThatThrownBy(() -> store.replace(new ReplaceRequest(new ResourceKey(TENANT, "User", id("nobody")),
                    user("nobody").build(), List.of(userNameValue("nobody")), 1L, T0)))
                    .isInstanceOf(ResourceNotFoundException.class);
            assertThat(searchUsers(null).totalResults()).isZero();
        }

        @Test
        void replaceLeavesMembershipAlone() {
            StoredResource bjensen = createUser("bjensen");
            StoredResource guides = createGroup("Tour Guides");
            addMembers(guides, at(1), bjensen);

            store.replace(new ReplaceRequest(key(guides), group("Guides"), List.of(), null, at(2)));
            replaceUser(bjensen, user("bjensen").put("title", "Guide").build(), null, at(3));

            assertThat(memberIds(guides)).containsExactly(bjensen.id());
            assertThat(store.groupsOf(new GroupsQuery(TENANT, List.of(bjensen.id()))).get(bjensen.id()))
                    .containsExactly(new GroupRef(guides.id(), "Guides", true));
        }
    }

    @Nested
    class Delete {

        @Test
        void aDeletedResourceIsGone() {
            StoredResource bjensen = createUser("bjensen");
            StoredResource jsmith = createUser("jsmith");

            store.delete(new DeleteRequest(key(bjensen), null, at(1)));

            assertThat(store.get(key(bjensen))).isEmpty();
            assertThat(ids(searchUsers(null))).containsExactly(jsmith.id());
        }

        @Test
        void deletingAnUnknownResourceFailsWith404() {
            StoredResource bjensen = createUser("bjensen");
            store.delete(new DeleteRequest(key(bjensen), null, at(1)));

            assertThatThrownBy(() -> store.delete(new DeleteRequest(key(bjensen), null, at(2))))
                    .isInstanceOf(ResourceNotFoundException.class);
            assertThatThrownBy(() -> store.delete(new DeleteRequest(
                    new ResourceKey(TENANT, "Group", id("nothing")), 1L, at(2))))
                    .isInstanceOf(ResourceNotFoundException.class);
        }

        @Test
        void aStaleExpectedVersionFailsWith412AndDeletesNothing() {
            StoredResource created = createUser("bjensen");
            StoredResource current = replaceUser(created, user("bjensen").put("title", "a").build(), null, at(1));

            assertThatThrownBy(() -> store.delete(new DeleteRequest(key(created), 1L, at(2))))
                    .isInstanceOf(PreconditionFailedException.class);
            assertThat(store.get(key(created))).contains(current);

            store.delete(new DeleteRequest(key(created), 2L, at(3)));
            assertThat(store.get(key(created))).isEmpty();
        }

        @Test
        void deletingAMemberRemovesItFromEveryGroupAndBumpsThoseGroups() {
            StoredResource bjensen = createUser("bjensen");
            StoredResource jsmith = createUser("jsmith");
            StoredResource guides = addMembers(createGroup("Tour Guides"), at(1), bjensen, jsmith);
            StoredResource staff = addMembers(createGroup("Staff"), at(2), bjensen);
            StoredResource others = addMembers(createGroup("Others"), at(3), jsmith);

            store.delete(new DeleteRequest(key(bjensen), null, at(10)));

            StoredResource guidesAfter = store.get(key(guides)).orElseThrow();
            assertThat(guidesAfter.version()).isEqualTo(guides.version() + 1);
            assertThat(guidesAfter.lastModified()).isEqualTo(at(10));
            assertThat(memberIds(guides)).containsExactly(jsmith.id());

            StoredResource staffAfter = store.get(key(staff)).orElseThrow();
            assertThat(staffAfter.version()).isEqualTo(staff.version() + 1);
            assertThat(staffAfter.lastModified()).isEqualTo(at(10));
            assertThat(memberIds(staff)).isEmpty();

            assertThat(store.get(key(others))).contains(others);
        }

        @Test
        void deletingAGroupRemovesItsMembersAndItsOwnMemberships() {
            StoredResource bjensen = createUser("bjensen");
            StoredResource guides = addMembers(createGroup("Tour Guides"), at(1), bjensen);
            StoredResource staff = addMembers(createGroup("Staff"), at(2), guides);
            StoredResource bjensenBefore = store.get(key(bjensen)).orElseThrow();

            store.delete(new DeleteRequest(key(guides), null, at(10)));

            assertThat(store.get(key(guides))).isEmpty();
            assertThat(store.groupsOf(new GroupsQuery(TENANT, List.of(bjensen.id()))).get(bjensen.id())).isEmpty();
            assertThat(memberIds(staff)).isEmpty();
            StoredResource staffAfter = store.get(key(staff)).orElseThrow();
            assertThat(staffAfter.version()).isEqualTo(staff.version() + 1);
            assertThat(staffAfter.lastModified()).isEqualTo(at(10));
            assertThat(store.get(key(bjensen))).contains(bjensenBefore);
            assertThat(ids(search(GROUPS, "members.value eq \"" + bjensen.id() + "\""))).isEmpty();
        }
    }

    @Nested
    class Uniqueness {

        @Test
        void aValueHeldInTheSameTypeConflictsAndTheDetailNamesTheAttribute() {
            createUser("bjensen");
            ResourceKey second = userKey(TENANT, "bjensen-2");

            assertThatThrownBy(() -> store.create(new CreateRequest(second, user("BJensen").build(),
                    List.of(userNameValue("BJensen")), at(1))))
                    .isInstanceOfSatisfying(ConflictException.class, e -> {
                        assertThat(e.status()).isEqualTo(409);
                        assertThat(e.scimType()).contains(ScimType.UNIQUENESS);
                        assertThat(e.detail()).contains("userName");
                    });
            assertThat(store.get(second)).isEmpty();
        }

        @Test
        void theDetailNamesAnExtensionAttributeByItsFullName() {
            String employeeNumber = CoreSchemas.ENTERPRISE_USER_URN + ":employeeNumber";
            store.create(new CreateRequest(userKey(TENANT, "a"), user("a").enterprise("employeeNumber", "7").build(),
                    List.of(userNameValue("a"), UniqueValue.of(employeeNumber, "7", true, false)), T0));

            assertThatThrownBy(() -> store.create(new CreateRequest(userKey(TENANT, "b"),
                    user("b").enterprise("employeeNumber", "7").build(),
                    List.of(userNameValue("b"), UniqueValue.of(employeeNumber, "7", true, false)), T0)))
                    .isInstanceOfSatisfying(ConflictException.class,
                            e -> assertThat(e.detail()).contains(employeeNumber));
        }

        @Test
        void aFailedCreateHoldsNoneOfItsValues() {
            createUser("bjensen");
            UniqueValue badge = UniqueValue.of("externalId", "badge-1", true, false);

            assertThatThrownBy(() -> store.create(new CreateRequest(userKey(TENANT, "other"), user("bjensen").build(),
                    List.of(badge, userNameValue("bjensen")), at(1))))
                    .isInstanceOf(ConflictException.class);

            store.create(new CreateRequest(userKey(TENANT, "third"), user("third").build(),
                    List.of(badge, userNameValue("third")), at(2)));
            assertThat(store.get(userKey(TENANT, "third"))).isPresent();
        }

        @Test
        void theSameValueInAnotherTypeIsAllowedWhenNotGlobal() {
            UniqueValue value = UniqueValue.of("externalId", "shared-1", true, false);
            store.create(new CreateRequest(userKey(TENANT, "u"), user("u").build(), List.of(value), T0));

            store.create(new CreateRequest(groupKey(TENANT, "g"), group("g"), List.of(value), T0));

            assertThat(store.get(groupKey(TENANT, "g"))).isPresent();
        }

        @Test
        void aGlobalValueConflictsAcrossTypes() {
            UniqueValue value = UniqueValue.of("externalId", "shared-1", true, true);
            store.create(new CreateRequest(userKey(TENANT, "u"), user("u").build(), List.of(value), T0));

            assertThatThrownBy(() -> store.create(new CreateRequest(groupKey(TENANT, "g"), group("g"), List.of(value),
                    T0)))
                    .isInstanceOfSatisfying(ConflictException.class,
                            e -> assertThat(e.detail()).contains("externalId"));
            assertThat(store.get(groupKey(TENANT, "g"))).isEmpty();
        }

        @Test
        void theSameValueInAnotherTenantIsAllowed() {
            StoredResource a = createUser(TENANT, user("bjensen").build(), T0);
            StoredResource b = createUser(OTHER_TENANT, user("BJENSEN").build(), T0);

            assertThat(store.get(key(a))).isPresent();
            assertThat(store.get(keyOf(OTHER_TENANT, b))).isPresent();
        }

        @Test
        void aReplaceThatTakesAnothersValueConflictsAndChangesNothing() {
            createUser("alice");
            StoredResource bob = createUser("bob");

            assertThatThrownBy(() -> replaceUser(bob, user("ALICE").build(), null, at(1)))
                    .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.detail()).contains("userName"));

            assertThat(store.get(key(bob))).contains(bob);
            assertThatThrownBy(() -> createUser("Bob")).isInstanceOf(ConflictException.class);
        }

        @Test
        void aReplaceThatDropsAValueFreesIt() {
            StoredResource alice = createUser("alice");

            replaceUser(alice, user("alicia").build(), null, at(1));

            assertThat(createUser("Alice").version()).isEqualTo(1);
            assertThatThrownBy(() -> createUser("ALICIA")).isInstanceOf(ConflictException.class);
        }

        @Test
        void aReplaceKeepingItsOwnValueIsFine() {
            StoredResource alice = createUser("alice");

            StoredResource replaced = replaceUser(alice, user("Alice").put("title", "Boss").build(), 1L, at(1));

            assertThat(replaced.version()).isEqualTo(2);
            assertThatThrownBy(() -> createUser("ALICE")).isInstanceOf(ConflictException.class);
        }

        @Test
        void deleteFreesTheValues() {
            StoredResource alice = createUser("alice");

            store.delete(new DeleteRequest(key(alice), null, at(1)));

            assertThat(createUser(TENANT, "alice-again", user("alice").build(), at(2)).version()).isEqualTo(1);
        }
    }

    @Nested
    class TenantIsolation {

        @Test
        void anotherTenantSeesNoneOfTheResources() {
            StoredResource bjensen = createUser(TENANT, user("bjensen").build(), T0);
            StoredResource guides = createGroup(TENANT, "Tour Guides", T0);
            ResourceKey bjensenThere = new ResourceKey(OTHER_TENANT, "User", bjensen.id());

            assertThat(store.get(bjensenThere)).isEmpty();
            assertThat(search(OTHER_TENANT, USERS, null).totalResults()).isZero();
            assertThat(search(OTHER_TENANT, GROUPS, null).totalResults()).isZero();
            assertThatThrownBy(() -> store.replace(new ReplaceRequest(bjensenThere, user("bjensen").build(),
                    List.of(userNameValue("bjensen")), null, at(1))))
                    .isInstanceOf(ResourceNotFoundException.class);
            assertThatThrownBy(() -> store.delete(new DeleteRequest(bjensenThere, null, at(1))))
                    .isInstanceOf(ResourceNotFoundException.class);
            assertThat(store.get(key(bjensen))).contains(bjensen);
            assertThat(store.get(key(guides))).contains(guides);
        }

        @Test
        void searchesSeeOnlyTheirOwnTenant() {
            StoredResource here = createUser(TENANT, user("bjensen").build(), T0);
            StoredResource there = createUser(OTHER_TENANT, user("bjensen").build(), T0);
            createUser(OTHER_TENANT, user("jsmith").build(), T0);

            assertThat(ids(search(TENANT, USERS, "userName eq \"bjensen\""))).containsExactly(here.id());
            assertThat(ids(search(OTHER_TENANT, USERS, "userName eq \"bjensen\""))).containsExactly(there.id());
            assertThat(search(TENANT, USERS, null).totalResults()).isEqualTo(1);
            assertThat(search(OTHER_TENANT, USERS, null).totalResults()).isEqualTo(2);
        }

        @Test
        void anotherTenantSeesNoneOfTheMembership() {
            StoredResource bjensen = createUser(TENANT, user("bjensen").build(), T0);
            StoredResource guides = addMembers(createGroup(TENANT, "Tour Guides", T0), at(1), bjensen);
            ResourceKey guidesThere = new ResourceKey(OTHER_TENANT, "Group", guides.id());

            assertThatThrownBy(() -> store.members(new MembersQuery(guidesThere, 0, 10)))
                    .isInstanceOf(ResourceNotFoundException.class);
            Map<String, List<GroupRef>> groupsThere = store.groupsOf(new GroupsQuery(OTHER_TENANT,
                    List.of(bjensen.id(), guides.id())));
            assertThat(groupsThere).containsOnlyKeys(bjensen.id(), guides.id());
            assertThat(groupsThere.values()).allMatch(List::isEmpty);
            assertThatThrownBy(() -> store.changeMembers(new MembershipChange(guidesThere, true, Set.of(), List.of(),
                    null, at(2))))
                    .isInstanceOf(ResourceNotFoundException.class);
            assertThat(memberIds(guides)).containsExactly(bjensen.id());
        }
    }

    @Nested
    class Search {

        private StoredResource bjensen;
        private StoredResource jsmith;
        private StoredResource mjones;
        private StoredResource asmith;
        private StoredResource zwu;
        private StoredResource guides;
        private StoredResource engineering;
        private StoredResource staff;

        @BeforeEach
        void realisticUsersAndGroups() {
            bjensen = createUser(TENANT, user("bjensen").name("Barbara", "Jensen")
                    .email("work", "bjensen@example.com", true).email("home", "babs@jensen.org", false)
                    .put("title", "Tour Guide").put("userType", "Employee").active(true)
                    .enterprise("employeeNumber", "701984").enterprise("department", "Tour Operations")
                    .build(), at(0));
            jsmith = createUser(TENANT, user("JSmith").name("John", "Smith")
                    .email("work", "jsmith@example.com", true)
                    .put("title", "Engineer").put("userType", "Contractor").active(false).build(), at(10));
            mjones = createUser(TENANT, user("mjones").name("Mary", "Jones")
                    .email("work", "mjones@example.org", true).put("nickName", "Molly")
                    .put("userType", "Employee").active(true).enterprise("department", "Engineering").build(), at(20));
            asmith = createUser(TENANT, user("asmith").name("Anna", "Smith")
                    .email("home", "anna.smith@example.net", false)
                    .put("title", "Engineer").put("userType", "Employee").build(), at(30));
            zwu = createUser(TENANT, user("zwu").build(), at(40));
            guides = addMembers(createGroup(TENANT, "Tour Guides", at(50)), at(60), bjensen);
            engineering = addMembers(createGroup(TENANT, "Engineering", at(50)), at(60), jsmith, asmith);
            staff = addMembers(createGroup(TENANT, "Staff", at(50)), at(60), engineering, mjones);
        }

        @Test
        void eqOnACaseInsensitiveAttributeIgnoresCase() {
            assertThat(ids(search(USERS, "userName eq \"BJENSEN\""))).containsExactly(bjensen.id());
            assertThat(ids(search(USERS, "userName eq \"jsmith\""))).containsExactly(jsmith.id());
            assertThat(ids(search(USERS, "userName eq \"nobody\""))).isEmpty();
            assertThat(ids(search(USERS, "userName eq \"bjensen\" and active eq true")))
                    .containsExactly(bjensen.id());
            assertThat(ids(search(USERS, "userName eq \"bjensen\" and active eq false"))).isEmpty();
        }

        @Test
        void substringOperators() {
            assertThat(ids(search(USERS, "name.familyName co \"MIT\""))).containsExactlyInAnyOrder(jsmith.id(),
                    asmith.id());
            assertThat(ids(search(USERS, "userName sw \"j\""))).containsExactly(jsmith.id());
            assertThat(ids(search(USERS, "emails.value ew \"EXAMPLE.COM\""))).containsExactlyInAnyOrder(
                    bjensen.id(), jsmith.id());
        }

        @Test
        void orderingOnDateTimes() {
            assertThat(ids(search(USERS, "meta.lastModified gt \"" + at(25) + "\"")))
                    .containsExactlyInAnyOrder(asmith.id(), zwu.id());
            assertThat(ids(search(USERS, "meta.created le \"" + at(10) + "\"")))
                    .containsExactlyInAnyOrder(bjensen.id(), jsmith.id());
            assertThat(ids(search(GROUPS, "meta.lastModified ge \"" + at(60) + "\""))).hasSize(3);
        }

        @Test
        void presence() {
            assertThat(ids(search(USERS, "title pr"))).containsExactlyInAnyOrder(bjensen.id(), jsmith.id(),
                    asmith.id());
            assertThat(ids(search(USERS, "not (emails pr)"))).containsExactly(zwu.id());
        }

        @Test
        void logicalOperators() {
            assertThat(ids(search(USERS, "userType eq \"Employee\" and active eq true")))
                    .containsExactlyInAnyOrder(bjensen.id(), mjones.id());
            assertThat(ids(search(USERS, "title eq \"Engineer\" or nickName pr")))
                    .containsExactlyInAnyOrder(jsmith.id(), asmith.id(), mjones.id());
            assertThat(ids(search(USERS, "not (userType eq \"Employee\")")))
                    .containsExactlyInAnyOrder(jsmith.id(), zwu.id());
            assertThat(ids(search(USERS, "userType ne \"Employee\" and (title pr or nickName pr)")))
                    .containsExactly(jsmith.id());
        }

        @Test
        void valuePathsMatchOneElement() {
            assertThat(ids(search(USERS, "emails[type eq \"work\" and value co \"example.com\"]")))
                    .containsExactlyInAnyOrder(bjensen.id(), jsmith.id());
            assertThat(ids(search(USERS, "emails[type eq \"home\" and value co \"example.com\"]"))).isEmpty();
            assertThat(ids(search(USERS, "emails[primary eq true]")))
                    .containsExactlyInAnyOrder(bjensen.id(), jsmith.id(), mjones.id());
        }

        @Test
        void extensionAttributes() {
            assertThat(ids(search(USERS, CoreSchemas.ENTERPRISE_USER_URN + ":department eq \"tour operations\"")))
                    .containsExactly(bjensen.id());
            assertThat(ids(search(USERS, "department pr"))).containsExactlyInAnyOrder(bjensen.id(), mjones.id());
        }

        @Test
        void usersFilterOnTheirGroupsDirectAndIndirect() {
            assertThat(ids(search(USERS, "groups.value eq \"" + engineering.id() + "\"")))
                    .containsExactlyInAnyOrder(jsmith.id(), asmith.id());
            assertThat(ids(search(USERS, "groups.value eq \"" + staff.id() + "\"")))
                    .containsExactlyInAnyOrder(mjones.id(), jsmith.id(), asmith.id());
            assertThat(ids(search(USERS, "groups[value eq \"" + staff.id() + "\" and type eq \"indirect\"]")))
                    .containsExactlyInAnyOrder(jsmith.id(), asmith.id());
            assertThat(ids(search(USERS, "groups.display eq \"tour guides\""))).containsExactly(bjensen.id());
            assertThat(ids(search(USERS, "not (groups pr)"))).containsExactly(zwu.id());
        }

        @Test
        void groupsFilterOnTheirMembers() {
            assertThat(ids(search(GROUPS, "members.value eq \"" + bjensen.id() + "\""))).containsExactly(guides.id());
            assertThat(ids(search(GROUPS, "members.value eq \"" + engineering.id() + "\"")))
                    .containsExactly(staff.id());
            assertThat(ids(search(GROUPS, "members[type eq \"Group\"]"))).containsExactly(staff.id());
            assertThat(ids(search(GROUPS, "displayName eq \"ENGINEERING\""))).containsExactly(engineering.id());
        }

        @Test
        void withoutAFilterEveryResourceOfTheTypeAndNoOther() {
            assertThat(ids(search(USERS, null))).containsExactlyElementsOf(
                    sortedIds(bjensen, jsmith, mjones, asmith, zwu));
            assertThat(ids(search(GROUPS, null))).containsExactlyElementsOf(sortedIds(guides, engineering, staff));
        }

        @Test
        void resultsShowTheStoredResource() {
            StoredResource found = search(GROUPS, "displayName eq \"Staff\"").resources().get(0);

            assertThat(found).isEqualTo(store.get(key(staff)).orElseThrow());
            assertThat(found.version()).isEqualTo(2);
            assertThat(found.attributes().has("members")).isFalse();
        }

        @Test
        void indexPagingCountsEveryMatch() {
            List<String> all = sortedIds(bjensen, jsmith, mjones, asmith, zwu);

            StorePage page = store.search(query(USERS, null, ResolvedSort.byId(USERS), 1, 2, null));

            assertThat(page.totalResults()).isEqualTo(5);
            assertThat(ids(page)).containsExactlyElementsOf(all.subList(1, 3));
            assertThat(page.nextCursor()).isNull();

            StorePage last = store.search(query(USERS, null, ResolvedSort.byId(USERS), 4, 2, null));
            assertThat(ids(last)).containsExactly(all.get(4));
            assertThat(last.totalResults()).isEqualTo(5);

            StorePage beyond = store.search(query(USERS, null, ResolvedSort.byId(USERS), 7, 2, null));
            assertThat(beyond.resources()).isEmpty();
            assertThat(beyond.totalResults()).isEqualTo(5);
        }

        @Test
        void countZeroGivesOnlyTheTotal() {
            StorePage page = store.search(query(USERS, "userType eq \"Employee\"", ResolvedSort.byId(USERS), 0, 0,
                    null));

            assertThat(page.resources()).isEmpty();
            assertThat(page.totalResults()).isEqualTo(3);
        }

        @Test
        void sortAscendingFoldsCaseAsTheAttributeDoes() {
            assertThat(ids(sorted(USERS, null, "userName", "ascending")))
                    .containsExactly(asmith.id(), bjensen.id(), jsmith.id(), mjones.id(), zwu.id());
            assertThat(ids(sorted(USERS, null, "userName", "descending")))
                    .containsExactly(zwu.id(), mjones.id(), jsmith.id(), bjensen.id(), asmith.id());
        }

        @Test
        void sortBreaksTiesByIdAndPutsMissingValuesLastAscending() {
            List<String> smiths = sortedIds(asmith, jsmith);

            List<String> ascending = new ArrayList<>(List.of(bjensen.id(), mjones.id()));
            ascending.addAll(smiths);
            ascending.add(zwu.id());
            assertThat(ids(sorted(USERS, null, "name.familyName", "ascending"))).containsExactlyElementsOf(ascending);

            List<String> descending = new ArrayList<>(List.of(zwu.id()));
            descending.addAll(smiths);
            descending.addAll(List.of(mjones.id(), bjensen.id()));
            assertThat(ids(sorted(USERS, null, "name.familyName", "descending")))
                    .containsExactlyElementsOf(descending);
        }

        @Test
        void sortFilterAndPageTogether() {
            ResolvedSort byFamilyName = ResolvedSort.parse("name.familyName", "descending", PARSER, REGISTRY, USERS);

            StorePage page = store.search(query(USERS, "userType eq \"Employee\"", byFamilyName, 1, 1, null));

            assertThat(page.totalResults()).isEqualTo(3);
            assertThat(ids(page)).containsExactly(mjones.id());
            assertThat(ids(sorted(GROUPS, "displayName pr", "displayName", null)))
                    .containsExactly(engineering.id(), staff.id(), guides.id());
        }
    }

    @Nested
    class CursorPaging {

        private final List<StoredResource> users = new ArrayList<>();

        @BeforeEach
        void sevenUsers() {
            assumeTrue(store.capabilities().cursorPaging(),
                    "the store does not declare StoreCapabilities.cursorPaging, so cursors are not in its contract");
            for (String name : List.of("ada", "Brian", "carla", "Dmitri", "eve", "Farah", "greg")) {
                users.add(createUser(TENANT, user(name).put("userType", name.length() > 3 ? "Employee" : "Intern")
                        .build(), T0));
            }
        }

        @Test
        void anEmptyCursorAsksForTheFirstPage() {
            ResolvedSort byUserName = ResolvedSort.parse("userName", null, PARSER, REGISTRY, USERS);

            StorePage first = store.search(query(USERS, null, byUserName, 5, 3, ""));

            assertThat(ids(first)).containsExactly(users.get(0).id(), users.get(1).id(), users.get(2).id());
            assertThat(first.totalResults()).isEqualTo(7);
            assertThat(first.nextCursor()).isNotNull().isNotEmpty();
        }

        @Test
        void walkingTheCursorsYieldsEveryMatchOnceInOrder() {
            ResolvedSort descending = ResolvedSort.parse("userName", "descending", PARSER, REGISTRY, USERS);
            List<String> expected = users.stream().map(StoredResource::id).collect(Collectors.toList());
            Collections.reverse(expected);

            for (int count : new int[] {1, 2, 3, 7, 10}) {
                List<String> seen = new ArrayList<>();
                int pages = 0;
                String cursor = "";
                while (cursor != null) {
                    assertThat(pages).as("pages of %d", count).isLessThan(7);
                    StorePage page = store.search(query(USERS, null, descending, 0, count, cursor));
                    assertThat(page.totalResults()).isEqualTo(7);
                    assertThat(page.resources()).isNotEmpty().hasSizeLessThanOrEqualTo(count);
                    seen.addAll(ids(page));
                    cursor = page.nextCursor();
                    pages++;
                }
                assertThat(seen).as("count %d", count).containsExactlyElementsOf(expected);
                assertThat(pages).as("count %d", count).isEqualTo((7 + count - 1) / count);
            }
        }

        @Test
        void cursorsFollowTheFilter() {
            List<String> employees = new ArrayList<>();
            String cursor = "";
            for (int pages = 1; cursor != null; pages++) {
                assertThat(pages).as("pages of 2 for 5 employees").isLessThanOrEqualTo(3);
                StorePage page = store.search(query(USERS, "userType eq \"Employee\"", ResolvedSort.byId(USERS), 0,
                        2, cursor));
                assertThat(page.totalResults()).isEqualTo(5);
                employees.addAll(ids(page));
                cursor = page.nextCursor();
            }
            assertThat(employees).containsExactlyElementsOf(sortedIds(users.get(1), users.get(2), users.get(3),
                    users.get(5), users.get(6)));
        }

        @Test
        void theLastPageHasNoNextCursor() {
            StorePage all = store.search(query(USERS, null, ResolvedSort.byId(USERS), 0, 7, ""));
            assertThat(all.resources()).hasSize(7);
            assertThat(all.nextCursor()).isNull();

            StorePage none = store.search(query(USERS, "userName eq \"nobody\"", ResolvedSort.byId(USERS), 0, 5, ""));
            assertThat(none.resources()).isEmpty();
            assertThat(none.totalResults()).isZero();
            assertThat(none.nextCursor()).isNull();
        }

        @Test
        void aCursorTheStoreDidNotIssueIsInvalid() {
            for (String garbage : List.of("not-a-cursor", "%%%", "0", "-1")) {
                assertThatThrownBy(() -> store.search(query(USERS, null, ResolvedSort.byId(USERS), 0, 3, garbage)))
                        .as(garbage)
                        .isInstanceOfSatisfying(BadRequestException.class,
                                e -> assertThat(e.scimType()).contains(ScimType.INVALID_CURSOR));
            }
        }
    }

    @Nested
    class Membership {

        @Test
        void addFillsInTheTypeFromTheMemberAndKeepsTheDisplay() {
            StoredResource bjensen = createUser("bjensen");
            StoredResource guides = createGroup("Tour Guides");
            StoredResource staff = createGroup("Staff");

            StoredResource changed = store.changeMembers(new MembershipChange(key(staff), false, Set.of(),
                    List.of(new Member(bjensen.id(), null, "Babs"), new Member(guides.id(), "User", null)), null,
                    at(7)));

            assertThat(changed.version()).isEqualTo(2);
            assertThat(changed.lastModified()).isEqualTo(at(7));
            assertThat(changed.created()).isEqualTo(staff.created());
            assertThat(changed.attributes()).isEqualTo(staff.attributes());
            assertThat(store.get(key(staff))).contains(changed);
            MemberPage page = store.members(new MembersQuery(key(staff), 0, 10));
            assertThat(page.members()).containsExactly(new Member(bjensen.id(), "User", "Babs"),
                    new Member(guides.id(), "Group", null));
            assertThat(page.total()).isEqualTo(2);
        }

        @Test
        void addingAPresentMemberChangesNothing() {
            StoredResource bjensen = createUser("bjensen");
            StoredResource guides = createGroup("Tour Guides");
            StoredResource once = store.changeMembers(new MembershipChange(key(guides), false, Set.of(),
                    List.of(new Member(bjensen.id(), null, "Babs")), null, at(1)));

            StoredResource twice = store.changeMembers(new MembershipChange(key(guides), false, Set.of(),
                    List.of(new Member(bjensen.id(), null, "Barbara")), null, at(2)));
            StoredResource empty = store.changeMembers(new MembershipChange(key(guides), false, Set.of(), List.of(),
                    null, at(3)));

            assertThat(twice).isEqualTo(once);
            assertThat(empty).isEqualTo(once);
            assertThat(store.members(new MembersQuery(key(guides), 0, 10)).members())
                    .containsExactly(new Member(bjensen.id(), "User", "Babs"));
        }

        @Test
        void removeTakesOutOnlyTheNamedMembers() {
            StoredResource a = createUser("a");
            StoredResource b = createUser("b");
            StoredResource c = createUser("c");
            StoredResource group = addMembers(createGroup("G"), at(1), a, b, c);

            StoredResource changed = store.changeMembers(new MembershipChange(key(group), false, Set.of(b.id()),
                    List.of(), null, at(2)));

            assertThat(changed.version()).isEqualTo(group.version() + 1);
            assertThat(memberIds(group)).containsExactly(a.id(), c.id());
            assertThat(groupIds(b)).isEmpty();

            StoredResource again = store.changeMembers(new MembershipChange(key(group), false, Set.of(b.id()),
                    List.of(), null, at(3)));
            assertThat(again).isEqualTo(changed);
        }

        @Test
        void removeAllThenAddReplacesTheMemberList() {
            StoredResource a = createUser("a");
            StoredResource b = createUser("b");
            StoredResource c = createUser("c");
            StoredResource group = addMembers(createGroup("G"), at(1), a, b);

            StoredResource changed = store.changeMembers(new MembershipChange(key(group), true, Set.of(),
                    List.of(Member.of(c.id()), Member.of(a.id())), null, at(2)));

            assertThat(changed.version()).isEqualTo(group.version() + 1);
            assertThat(memberIds(group)).containsExactly(c.id(), a.id());
            assertThat(groupIds(b)).isEmpty();
            assertThat(groupIds(c)).containsExactly(group.id());

            StoredResource cleared = store.changeMembers(new MembershipChange(key(group), true, Set.of(), List.of(),
                    null, at(3)));
            assertThat(cleared.version()).isEqualTo(changed.version() + 1);
            assertThat(memberIds(group)).isEmpty();
        }

        @Test
        void anUnknownMemberFailsWith400AndNothingChanges() {
            StoredResource a = createUser("a");
            StoredResource b = createUser("b");
            StoredResource group = addMembers(createGroup("G"), at(1), a);

            for (boolean removeAll : new boolean[] {false, true}) {
                assertThatThrownBy(() -> store.changeMembers(new MembershipChange(key(group), removeAll,
                        Set.of(a.id()), List.of(Member.of(b.id()), Member.of(id("nobody"))), null, at(2))))
                        .isInstanceOfSatisfying(BadRequestException.class,
                                e -> assertThat(e.scimType()).contains(ScimType.INVALID_VALUE));
            }

            assertThat(store.get(key(group))).contains(group);
            assertThat(memberIds(group)).containsExactly(a.id());
            assertThat(groupIds(b)).isEmpty();
        }

        @Test
        void aMemberFromAnotherTenantFailsWith400() {
            StoredResource stranger = createUser(OTHER_TENANT, user("stranger").build(), T0);
            StoredResource group = createGroup("G");

            assertThatThrownBy(() -> store.changeMembers(new MembershipChange(key(group), false, Set.of(),
                    List.of(Member.of(stranger.id())), null, at(1))))
                    .isInstanceOfSatisfying(BadRequestException.class,
                            e -> assertThat(e.scimType()).contains(ScimType.INVALID_VALUE));
            assertThat(memberIds(group)).isEmpty();
        }

        @Test
        void aMemberOfATypeNotAllowedFailsWith400() {
            StoredResource group = createGroup("G");
            StoredResource user = createUser("alice");
            StoredResource other = createGroup("Other");

            assertThatThrownBy(() -> store.changeMembers(new MembershipChange(key(group), false, Set.of(),
                    List.of(Member.of(other.id()), Member.of(user.id())), null, at(1), Set.of("User"))))
                    .isInstanceOfSatisfying(BadRequestException.class,
                            e -> assertThat(e.scimType()).contains(ScimType.INVALID_VALUE));
            assertThat(memberIds(group)).isEmpty();
            store.changeMembers(new MembershipChange(key(group), false, Set.of(), List.of(Member.of(user.id())), null,
                    at(2), Set.of("User")));
            assertThat(memberIds(group)).containsExactly(user.id());
        }

        @Test
        void aGroupCannotContainItself() {
            StoredResource group = createGroup("G");

            assertThatThrownBy(() -> store.changeMembers(new MembershipChange(key(group), false, Set.of(),
                    List.of(Member.of(group.id())), null, at(1))))
                    .isInstanceOfSatisfying(BadRequestException.class,
                            e -> assertThat(e.scimType()).contains(ScimType.INVALID_VALUE));
            assertThat(store.get(key(group))).contains(group);
        }

        @Test
        void aCycleThroughNestingFailsWith400() {
            StoredResource a = createGroup("A");
            StoredResource b = addMembers(createGroup("B"), at(1), a);
            StoredResource c = addMembers(createGroup("C"), at(2), b);

            for (StoredResource outer : List.of(b, c)) {
                assertThatThrownBy(() -> store.changeMembers(new MembershipChange(key(a), false, Set.of(),
                        List.of(Member.of(outer.id())), null, at(3))))
                        .isInstanceOfSatisfying(BadRequestException.class,
                                e -> assertThat(e.scimType()).contains(ScimType.INVALID_VALUE));
            }
            assertThat(memberIds(a)).isEmpty();
            assertThat(store.get(key(a))).contains(a);
            assertThat(memberIds(c)).containsExactly(b.id());
        }

        @Test
        void anUnknownGroupFailsWith404() {
            StoredResource a = createUser("a");
            ResourceKey nothing = new ResourceKey(TENANT, "Group", id("nothing"));

            assertThatThrownBy(() -> store.changeMembers(new MembershipChange(nothing, false, Set.of(),
                    List.of(Member.of(a.id())), null, at(1))))
                    .isInstanceOf(ResourceNotFoundException.class);
            assertThatThrownBy(() -> store.members(new MembersQuery(nothing, 0, 10)))
                    .isInstanceOf(ResourceNotFoundException.class);
            assertThat(groupIds(a)).isEmpty();
        }

        @Test
        void aStaleExpectedVersionFailsWith412() {
            StoredResource a = createUser("a");
            StoredResource b = createUser("b");
            StoredResource group = addMembers(createGroup("G"), at(1), a);

            assertThatThrownBy(() -> store.changeMembers(new MembershipChange(key(group), false, Set.of(),
                    List.of(Member.of(b.id())), 1L, at(2))))
                    .isInstanceOf(PreconditionFailedException.class);
            assertThat(memberIds(group)).containsExactly(a.id());

            StoredResource changed = store.changeMembers(new MembershipChange(key(group), false, Set.of(),
                    List.of(Member.of(b.id())), 2L, at(3)));
            assertThat(changed.version()).isEqualTo(3);
        }

        @Test
        void oneChangeIncreasesTheVersionOnce() {
            StoredResource a = createUser("a");
            StoredResource b = createUser("b");
            StoredResource c = createUser("c");
            StoredResource group = addMembers(createGroup("G"), at(1), a);

            StoredResource changed = store.changeMembers(new MembershipChange(key(group), false, Set.of(a.id()),
                    List.of(Member.of(b.id()), Member.of(c.id())), null, at(2)));

            assertThat(changed.version()).isEqualTo(group.version() + 1);
            assertThat(memberIds(group)).containsExactly(b.id(), c.id());
        }

        @Test
        void membersComeInPagesInTheOrderAdded() {
            List<StoredResource> users = new ArrayList<>();
            for (String name : List.of("e", "d", "c", "b", "a")) {
                users.add(createUser(name));
            }
            StoredResource group = createGroup("G");
            for (StoredResource user : users) {
                addMembers(group, at(1), user);
            }

            MemberPage page = store.members(new MembersQuery(key(group), 1, 2));
            assertThat(page.members()).extracting(Member::id).containsExactly(users.get(1).id(), users.get(2).id());
            assertThat(page.total()).isEqualTo(5);

            MemberPage beyond = store.members(new MembersQuery(key(group), 10, 2));
            assertThat(beyond.members()).isEmpty();
            assertThat(beyond.total()).isEqualTo(5);

            MemberPage totalOnly = store.members(new MembersQuery(key(group), 0, 0));
            assertThat(totalOnly.members()).isEmpty();
            assertThat(totalOnly.total()).isEqualTo(5);
        }
    }

    @Nested
    class GroupsOf {

        @Test
        void directAndIndirectGroupsWithTheirDisplayNames() {
            StoredResource user = createUser("bjensen");
            StoredResource g1 = addMembers(createGroup("G1"), at(1), user);
            StoredResource g2 = addMembers(createGroup("G2"), at(2), g1);
            StoredResource g3 = addMembers(createGroup("G3"), at(3), g2);

            Map<String, List<GroupRef>> groups = store.groupsOf(new GroupsQuery(TENANT, List.of(user.id(), g1.id())));

            assertThat(groups.get(user.id())).containsExactlyInAnyOrder(new GroupRef(g1.id(), "G1", true),
                    new GroupRef(g2.id(), "G2", false), new GroupRef(g3.id(), "G3", false));
            assertThat(groups.get(g1.id())).containsExactlyInAnyOrder(new GroupRef(g2.id(), "G2", true),
                    new GroupRef(g3.id(), "G3", false));
        }

        @Test
        void aGroupWithoutDisplayNameHasNoDisplay() {
            StoredResource user = createUser("bjensen");
            ObjectNode nameless = group("x");
            nameless.remove("displayName");
            StoredResource group = store.create(new CreateRequest(groupKey(TENANT, "nameless"), nameless, List.of(),
                    T0));
            addMembers(group, at(1), user);

            assertThat(store.groupsOf(new GroupsQuery(TENANT, List.of(user.id()))).get(user.id()))
                    .containsExactly(new GroupRef(group.id(), null, true));
        }

        @Test
        void aGroupReachedBothWaysIsListedOnceAsDirect() {
            StoredResource user = createUser("bjensen");
            StoredResource g1 = addMembers(createGroup("G1"), at(1), user);
            StoredResource g2 = addMembers(createGroup("G2"), at(2), g1, user);
            StoredResource g3 = addMembers(createGroup("G3"), at(3), g1, g2);

            assertThat(store.groupsOf(new GroupsQuery(TENANT, List.of(user.id()))).get(user.id()))
                    .containsExactlyInAnyOrder(new GroupRef(g1.id(), "G1", true), new GroupRef(g2.id(), "G2", true),
                            new GroupRef(g3.id(), "G3", false));
        }

        @Test
        void everyIdAskedForHasAnEntryEvenWithoutGroups() {
            StoredResource member = createUser("member");
            StoredResource loner = createUser("loner");
            StoredResource group = addMembers(createGroup("G"), at(1), member);

            Map<String, List<GroupRef>> groups = store.groupsOf(new GroupsQuery(TENANT,
                    List.of(member.id(), loner.id(), id("nobody"), group.id())));

            assertThat(groups).containsOnlyKeys(member.id(), loner.id(), id("nobody"), group.id());
            assertThat(groups.get(member.id())).containsExactly(new GroupRef(group.id(), "G", true));
            assertThat(groups.get(loner.id())).isEmpty();
            assertThat(groups.get(id("nobody"))).isEmpty();
            assertThat(groups.get(group.id())).isEmpty();
            assertThat(store.groupsOf(new GroupsQuery(TENANT, List.of()))).isEmpty();
        }

        @Test
        void theDisplayFollowsARenamedGroup() {
            StoredResource user = createUser("bjensen");
            StoredResource group = addMembers(createGroup("Old name"), at(1), user);

            store.replace(new ReplaceRequest(key(group), group("New name"), List.of(), null, at(2)));

            assertThat(store.groupsOf(new GroupsQuery(TENANT, List.of(user.id()))).get(user.id()))
                    .containsExactly(new GroupRef(group.id(), "New name", true));
        }
    }

    @Nested
    class UnitOfWork {

        @Test
        void everythingInsideCommitsTogether() {
            StoredResource existing = createUser("existing");

            String result = store.inUnitOfWork(TENANT, unit -> {
                StoredResource bjensen = unit.create(new CreateRequest(userKey(TENANT, "bjensen"),
                        user("bjensen").build(), List.of(userNameValue("bjensen")), at(1)));
                assertThat(unit.get(key(bjensen))).contains(bjensen);
                StoredResource group = unit.create(new CreateRequest(groupKey(TENANT, "G"), group("G"), List.of(),
                        at(1)));
                unit.changeMembers(new MembershipChange(key(group), false, Set.of(),
                        List.of(Member.of(bjensen.id()), Member.of(existing.id())), null, at(2)));
                assertThat(ids(unit.search(query(USERS, "groups.value eq \"" + group.id() + "\"",
                        ResolvedSort.byId(USERS), 0, 10, null)))).hasSize(2);
                return "done";
            });

            assertThat(result).isEqualTo("done");
            assertThat(store.get(userKey(TENANT, "bjensen"))).isPresent();
            assertThat(memberIds(store.get(groupKey(TENANT, "G")).orElseThrow()))
                    .containsExactly(userId(TENANT, "bjensen"), existing.id());
        }

        @Test
        void anExceptionInsideRollsEverythingBackAndPropagates() {
            StoredResource alice = createUser("alice");
            StoredResource bob = createUser("bob");
            StoredResource g1 = addMembers(createGroup("G1"), at(1), alice);
            StoredResource g2 = addMembers(createGroup("G2"), at(2), g1);
            Snapshot before = snapshot(TENANT);
            IllegalStateException boom = new IllegalStateException("boom");

            assertThatThrownBy(() -> store.inUnitOfWork(TENANT, unit -> {
                StoredResource carol = unit.create(new CreateRequest(userKey(TENANT, "carol"), user("carol").build(),
                        List.of(userNameValue("carol")), at(3)));
                unit.replace(new ReplaceRequest(key(bob), user("robert").build(), List.of(userNameValue("robert")),
                        1L, at(3)));
                unit.delete(new DeleteRequest(key(alice), null, at(4)));
                unit.changeMembers(new MembershipChange(key(g1), false, Set.of(),
                        List.of(Member.of(carol.id()), Member.of(bob.id())), null, at(5)));
                unit.changeMembers(new MembershipChange(key(g2), true, Set.of(), List.of(Member.of(carol.id())),
                        null, at(5)));
                unit.delete(new DeleteRequest(key(g1), null, at(6)));
                unit.create(new CreateRequest(groupKey(TENANT, "G3"), group("G3"), List.of(), at(6)));
                throw boom;
            })).isSameAs(boom);

            assertThat(snapshot(TENANT)).isEqualTo(before);
            assertThat(store.get(userKey(TENANT, "carol"))).isEmpty();
            assertThat(store.get(groupKey(TENANT, "G3"))).isEmpty();
            assertThatThrownBy(() -> createUser("Alice")).isInstanceOf(ConflictException.class);
            assertThatThrownBy(() -> createUser("BOB")).isInstanceOf(ConflictException.class);
            assertThat(createUser(TENANT, "carol-again", user("carol").build(), at(7)).version()).isEqualTo(1);
            assertThat(createUser(TENANT, "robert-again", user("robert").build(), at(7)).version()).isEqualTo(1);
        }

        @Test
        void aStoreErrorInsideRollsBackTheWritesBeforeIt() {
            createUser("alice");

            assertThatThrownBy(() -> store.inUnitOfWork(TENANT, unit -> {
                unit.create(new CreateRequest(userKey(TENANT, "first"), user("first").build(),
                        List.of(userNameValue("first")), at(1)));
                return unit.create(new CreateRequest(userKey(TENANT, "second"), user("ALICE").build(),
                        List.of(userNameValue("ALICE")), at(1)));
            })).isInstanceOf(ConflictException.class);

            assertThat(store.get(userKey(TENANT, "first"))).isEmpty();
            assertThat(createUser(TENANT, "first-again", user("first").build(), at(2)).version()).isEqualTo(1);
        }

        @Test
        void aNestedUnitBelongsToTheOuterOne() {
            RuntimeException boom = new IllegalArgumentException("outer fails after the inner unit returned");

            assertThatThrownBy(() -> store.inUnitOfWork(TENANT, unit -> {
                unit.inUnitOfWork(TENANT, inner -> inner.create(new CreateRequest(userKey(TENANT, "inner"),
                        user("inner").build(), List.of(userNameValue("inner")), at(1))));
                assertThat(unit.get(userKey(TENANT, "inner"))).isPresent();
                throw boom;
            })).isSameAs(boom);

            assertThat(store.get(userKey(TENANT, "inner"))).isEmpty();
        }

        @Test
        void aNestedUnitThatFailsIsUndoneAloneAndTheOuterUnitGoesOn() {
            assumeTrue(store.capabilities().nestedUnits(), "the store's units do not nest");
            StoredResource alice = createUser("alice");
            StoredResource group = createGroup("G");

            store.inUnitOfWork(TENANT, unit -> {
                StoredResource before = unit.create(new CreateRequest(userKey(TENANT, "before"),
                        user("before").build(), List.of(userNameValue("before")), at(1)));
                // Refused by the database itself on a JDBC store (the id is taken), which on PostgreSQL aborts
                // the transaction up to the nested unit's start.
                assertThatThrownBy(() -> unit.inUnitOfWork(TENANT, nested -> {
                    nested.create(new CreateRequest(userKey(TENANT, "inner"), user("inner").build(),
                            List.of(userNameValue("inner")), at(2)));
                    nested.changeMembers(new MembershipChange(key(group), false, Set.of(),
                            List.of(Member.of(userId(TENANT, "inner"))), null, at(2)));
                    return nested.create(new CreateRequest(key(before), user("clash").build(),
                            List.of(userNameValue("clash")), at(2)));
                })).isInstanceOf(RuntimeException.class);
                assertThatThrownBy(() -> unit.inUnitOfWork(TENANT, nested -> {
                    nested.delete(new DeleteRequest(key(alice), null, at(3)));
                    return nested.create(new CreateRequest(userKey(TENANT, "taken"), user("BEFORE").build(),
                            List.of(userNameValue("BEFORE")), at(3)));
                })).isInstanceOf(ConflictException.class);
                assertThat(unit.get(userKey(TENANT, "inner"))).isEmpty();
                assertThat(unit.get(key(alice))).isPresent();
                return unit.inUnitOfWork(TENANT, nested -> nested.create(new CreateRequest(userKey(TENANT, "after"),
                        user("after").build(), List.of(userNameValue("after")), at(4))));
            });

            assertThat(ids(search(TENANT, USERS, null))).containsExactlyInAnyOrder(alice.id(),
                    userId(TENANT, "before"), userId(TENANT, "after"));
            assertThat(search(TENANT, USERS, null).totalResults()).isEqualTo(3);
            assertThat(store.get(userKey(TENANT, "before")).orElseThrow().attributes().get("userName").asText())
                    .isEqualTo("before");
            StoredResource unchanged = store.get(key(group)).orElseThrow();
            assertThat(unchanged.version()).isEqualTo(group.version());
            assertThat(memberIds(unchanged)).isEmpty();
            assertThat(createUser(TENANT, "inner-again", user("inner").build(), at(5)).version()).isEqualTo(1);
            assertThat(createUser(TENANT, "clash-again", user("clash").build(), at(5)).version()).isEqualTo(1);
        }

        @Test
        void callsForAnotherTenantInsideAreRefused() {
            createUser(OTHER_TENANT, user("stranger").build(), T0);

            store.inUnitOfWork(TENANT, unit -> {
                assertThatThrownBy(() -> unit.get(userKey(OTHER_TENANT, "stranger")))
                        .isInstanceOfAny(IllegalArgumentException.class, IllegalStateException.class);
                assertThatThrownBy(() -> unit.create(new CreateRequest(userKey(OTHER_TENANT, "intruder"),
                        user("intruder").build(), List.of(userNameValue("intruder")), at(1))))
                        .isInstanceOfAny(IllegalArgumentException.class, IllegalStateException.class);
                assertThatThrownBy(() -> unit.search(query(OTHER_TENANT, USERS, null, ResolvedSort.byId(USERS), 0, 10,
                        null)))
                        .isInstanceOfAny(IllegalArgumentException.class, IllegalStateException.class);
                return null;
            });

            assertThat(store.get(userKey(OTHER_TENANT, "intruder"))).isEmpty();
            assertThat(search(OTHER_TENANT, USERS, null).totalResults()).isEqualTo(1);
        }
    }

    @Nested
    class Concurrency {

        @Test
        void concurrentMemberAddsAreAllKept() throws Exception {
            int threads = 16;
            int perThread = 25;
            StoredResource group = createGroup("Everyone");
            List<List<String>> idsByThread = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    ids.add(createUser("user-" + t + "-" + i).id());
                }
                idsByThread.add(ids);
            }

            Outcomes outcomes = runTogether(threads, t -> {
                for (String member : idsByThread.get(t)) {
                    store.changeMembers(new MembershipChange(key(group), false, Set.of(),
                            List.of(Member.of(member)), null, at(1)));
                }
            });

            assertThat(outcomes.failures()).isEmpty();
            MemberPage page = store.members(new MembersQuery(key(group), 0, ALL));
            assertThat(page.total()).isEqualTo(threads * perThread);
            assertThat(page.members()).extracting(Member::id).containsExactlyInAnyOrderElementsOf(
                    idsByThread.stream().flatMap(List::stream).collect(Collectors.toList()));
            assertThat(store.get(key(group)).orElseThrow().version()).isEqualTo(1 + threads * perThread);
        }

        @Test
        void ofConcurrentCreatesOfOneUserNameExactlyOneWins() throws Exception {
            int threads = 50;

            Outcomes outcomes = runTogether(threads, t -> {
                String userName = mixedCase("concurrent.user", t);
                store.create(new CreateRequest(userKey(TENANT, "racer-" + t), user(userName).build(),
                        List.of(UniqueValue.of("userName", userName, false, false)), T0));
            });

            assertThat(outcomes.successes()).isEqualTo(1);
            assertThat(outcomes.failures()).hasSize(threads - 1).allMatch(ConflictException.class::isInstance);
            assertThat(search(USERS, null).totalResults()).isEqualTo(1);
            assertThat(search(USERS, "userName eq \"CONCURRENT.USER\"").totalResults()).isEqualTo(1);
        }

        @Test
        void ofConcurrentReplacesAtOneVersionExactlyOneWins() throws Exception {
            int threads = 16;
            StoredResource target = createUser("target");

            Outcomes outcomes = runTogether(threads, t -> replaceUser(target,
                    user("target").put("title", "writer-" + t).build(), 1L, at(1)));

            assertThat(outcomes.successes()).isEqualTo(1);
            assertThat(outcomes.failures()).hasSize(threads - 1)
                    .allMatch(PreconditionFailedException.class::isInstance);
            StoredResource after = store.get(key(target)).orElseThrow();
            assertThat(after.version()).isEqualTo(2);
            assertThat(after.attributes().get("title").asText()).startsWith("writer-");
        }

        private String mixedCase(String text, int pattern) {
            StringBuilder mixed = new StringBuilder();
            for (int i = 0; i < text.length(); i++) {
                String c = text.substring(i, i + 1);
                mixed.append((pattern >> (i % 6) & 1) == 1 ? c.toUpperCase(Locale.ROOT) : c);
            }
            return mixed.toString();
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    /** The id the helpers give the user with that label in that tenant. */
    protected static String userId(String tenant, String label) {
        return id(tenant + "/User/" + label);
    }

    /** The key of the user with that label in that tenant. */
    protected static ResourceKey userKey(String tenant, String label) {
        return new ResourceKey(tenant, "User", userId(tenant, label));
    }

    /** The key of the group with that label in that tenant. */
    protected static ResourceKey groupKey(String tenant, String label) {
        return new ResourceKey(tenant, "Group", id(tenant + "/Group/" + label));
    }

    /** The key of a resource of {@link SampleResources#TENANT}. */
    protected static ResourceKey key(StoredResource resource) {
        return keyOf(TENANT, resource);
    }

    /** The key of a resource of a tenant. */
    protected static ResourceKey keyOf(String tenant, StoredResource resource) {
        return new ResourceKey(tenant, resource.resourceType(), resource.id());
    }

    /** Creates a user whose id comes from its userName, holding its userName as unique value. */
    protected StoredResource createUser(String tenant, ObjectNode attributes, Instant now) {
        return createUser(tenant, attributes.path("userName").asText(), attributes, now);
    }

    /**
     * Creates a user whose id comes from a label, holding its userName as unique value. A test that shows a value
     * was freed gives the new holder another label: a store may let a resource keep a value its own id holds.
     */
    protected StoredResource createUser(String tenant, String label, ObjectNode attributes, Instant now) {
        return store.create(new CreateRequest(userKey(tenant, label), attributes,
                SampleResources.uniqueValuesOf(attributes), now));
    }

    /** Creates a user of {@link SampleResources#TENANT} with only a userName, at {@link SampleResources#T0}. */
    protected StoredResource createUser(String userName) {
        return createUser(TENANT, user(userName).build(), T0);
    }

    /** Creates a group. */
    protected StoredResource createGroup(String tenant, String displayName, Instant now) {
        return store.create(new CreateRequest(groupKey(tenant, displayName), group(displayName), List.of(), now));
    }

    /** Creates a group of {@link SampleResources#TENANT} at {@link SampleResources#T0}. */
    protected StoredResource createGroup(String displayName) {
        return createGroup(TENANT, displayName, T0);
    }

    /** Replaces a user of {@link SampleResources#TENANT}, with the unique value of its new userName. */
    protected StoredResource replaceUser(StoredResource user, ObjectNode attributes, @Nullable Long expectedVersion,
            Instant now) {
        return store.replace(new ReplaceRequest(key(user), attributes, SampleResources.uniqueValuesOf(attributes),
                expectedVersion, now));
    }

    /** Adds members to a group of {@link SampleResources#TENANT}; returns the group at its new version. */
    protected StoredResource addMembers(StoredResource group, Instant now, StoredResource... members) {
        List<Member> add = Arrays.stream(members).map(m -> Member.of(m.id())).collect(Collectors.toList());
        return store.changeMembers(new MembershipChange(key(group), false, Set.of(), add, null, now));
    }

    /** The ids of a group's members, in order. */
    protected List<String> memberIds(StoredResource group) {
        return store.members(new MembersQuery(key(group), 0, ALL)).members().stream().map(Member::id)
                .collect(Collectors.toList());
    }

    /** The ids of the groups a resource is a direct member of. */
    protected List<String> groupIds(StoredResource member) {
        return store.groupsOf(new GroupsQuery(TENANT, List.of(member.id()))).get(member.id()).stream()
                .filter(GroupRef::direct).map(GroupRef::groupId).collect(Collectors.toList());
    }

    /** A filter resolved against a resource type. */
    protected static ResolvedFilter filter(ResourceType type, String text) {
        return ResolvedFilter.parse(text, PARSER, REGISTRY, type);
    }

    /** A query of {@link SampleResources#TENANT}. */
    protected static StoreQuery query(ResourceType type, @Nullable String filter, ResolvedSort sort, int offset,
            int count, @Nullable String cursor) {
        return query(TENANT, type, filter, sort, offset, count, cursor);
    }

    /** A query. */
    protected static StoreQuery query(String tenant, ResourceType type, @Nullable String filter, ResolvedSort sort,
            int offset, int count, @Nullable String cursor) {
        return new StoreQuery(tenant, type, filter == null ? null : filter(type, filter), sort, offset, count,
                cursor);
    }

    /** Every match in {@link SampleResources#TENANT}, by id. */
    protected StorePage search(ResourceType type, @Nullable String filter) {
        return search(TENANT, type, filter);
    }

    /** Every match, by id. */
    protected StorePage search(String tenant, ResourceType type, @Nullable String filter) {
        StorePage page = store.search(query(tenant, type, filter, ResolvedSort.byId(type), 0, ALL, null));
        assertThat(page.totalResults()).isEqualTo(page.resources().size());
        return page;
    }

    /** Every user of {@link SampleResources#TENANT} that matches. */
    protected StorePage searchUsers(@Nullable String filter) {
        return search(USERS, filter);
    }

    /** Every match, sorted. */
    protected StorePage sorted(ResourceType type, @Nullable String filter, String sortBy, @Nullable String order) {
        return store.search(query(type, filter, ResolvedSort.parse(sortBy, order, PARSER, REGISTRY, type), 0, ALL,
                null));
    }

    /** The ids on a page, in order. */
    protected static List<String> ids(StorePage page) {
        return page.resources().stream().map(StoredResource::id).collect(Collectors.toList());
    }

    /** The ids of resources in id order, the order searches without sortBy give. */
    protected static List<String> sortedIds(StoredResource... resources) {
        return Arrays.stream(resources).map(StoredResource::id).sorted(ResourceStoreContract::compareCodePoints)
                .collect(Collectors.toList());
    }

    private static int compareCodePoints(String a, String b) {
        return Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
    }

    /** Everything a tenant holds, comparable with equals. */
    protected record Snapshot(List<StoredResource> resources, Map<String, List<Member>> members,
            Map<String, Set<GroupRef>> groups) {
    }

    /** Everything a tenant holds: its users and groups, each group's members and each resource's groups. */
    protected Snapshot snapshot(String tenant) {
        List<StoredResource> resources = new ArrayList<>(search(tenant, USERS, null).resources());
        List<StoredResource> groups = search(tenant, GROUPS, null).resources();
        resources.addAll(groups);
        Map<String, List<Member>> members = new LinkedHashMap<>();
        for (StoredResource group : groups) {
            members.put(group.id(), store.members(new MembersQuery(keyOf(tenant, group), 0, ALL)).members());
        }
        Map<String, Set<GroupRef>> groupsOf = new HashMap<>();
        store.groupsOf(new GroupsQuery(tenant, resources.stream().map(StoredResource::id).collect(Collectors.toList())))
                .forEach((id, refs) -> groupsOf.put(id, new HashSet<>(refs)));
        return new Snapshot(resources, members, groupsOf);
    }

    private void assertInvariants(String tenant) {
        Snapshot snapshot = snapshot(tenant);
        Map<String, Set<String>> directGroups = new HashMap<>();
        for (StoredResource resource : snapshot.resources()) {
            assertThat(resource.version()).as("version of %s", resource.id()).isPositive();
            assertThat(resource.lastModified()).as("lastModified of %s", resource.id())
                    .isAfterOrEqualTo(resource.created());
            assertThat(store.get(keyOf(tenant, resource))).as("get of a search result").contains(resource);
        }
        snapshot.members().forEach((groupId, members) -> {
            MemberPage page = store.members(new MembersQuery(new ResourceKey(tenant, "Group", groupId), 0, 0));
            assertThat(page.total()).as("total members of %s", groupId).isEqualTo(members.size());
            for (Member member : members) {
                assertThat(member.type()).as("type of member %s", member.id()).isNotNull();
                assertThat(store.get(new ResourceKey(tenant, String.valueOf(member.type()), member.id())))
                        .as("member %s of %s", member.id(), groupId).isPresent();
                directGroups.computeIfAbsent(member.id(), id -> new HashSet<>()).add(groupId);
            }
        });
        snapshot.groups().forEach((id, refs) -> assertThat(refs.stream().filter(GroupRef::direct)
                .map(GroupRef::groupId).collect(Collectors.toSet()))
                .as("direct groups of %s", id).isEqualTo(directGroups.getOrDefault(id, Set.of())));
    }

    /** How a batch of concurrent tasks ended. */
    private record Outcomes(int successes, List<Throwable> failures) {
    }

    /** Runs {@code task(0..threads-1)} on as many threads, released together by a barrier, and waits for all. */
    private static Outcomes runTogether(int threads, IntConsumer task) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CyclicBarrier start = new CyclicBarrier(threads);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    task.accept(thread);
                    return null;
                }));
            }
            int successes = 0;
            List<Throwable> failures = new ArrayList<>();
            for (Future<?> future : futures) {
                try {
                    future.get();
                    successes++;
                } catch (ExecutionException e) {
                    failures.add(e.getCause());
                }
            }
            return new Outcomes(successes, failures);
        } finally {
            pool.shutdownNow();
        }
    }
}
