package org.scimengine.core.spi.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scimengine.core.AttributeSelection;
import org.scimengine.core.RequestContext;
import org.scimengine.core.ResourceResult;
import org.scimengine.core.ScimEngine;
import org.scimengine.core.SearchRequest;
import org.scimengine.core.spi.ResourceStore;

/**
 * The request sequences Okta and Microsoft Entra ID really send (IDP-BEHAVIOUR.md), replayed through the engine
 * over a store: each must succeed and leave what the identity provider expects.
 */
public abstract class IdentityProviderContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RequestContext TENANT = RequestContext.of("acme", "https://example.com/scim/v2");
    private static final AttributeSelection ALL = AttributeSelection.DEFAULT;
    private static final AttributeSelection NO_MEMBERS = new AttributeSelection(null, "members");
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    /** A new, empty store. */
    protected abstract ResourceStore newStore();

    private ScimEngine engine;

    @BeforeEach
    void setUpEngine() {
        engine = ScimEngine.builder(newStore()).passwordHashIterations(1_000).build();
    }

    /** JSON written with single quotes; a double quote inside (a filter's string) stays a quote in the value. */
    private static ObjectNode json(String text) {
        try {
            return (ObjectNode) JSON.readTree(text.replace("\"", "\\\"").replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private JsonNode search(String type, String filter, AttributeSelection selection) {
        return engine.search(TENANT, type, SearchRequest.all().withFilter(filter).withPage(1, 100)
                .withSelection(selection));
    }

    private ObjectNode user(String id) {
        return engine.get(TENANT, "User", id, ALL).resource();
    }

    private ObjectNode group(String id) {
        return engine.get(TENANT, "Group", id, ALL).resource();
    }

    private static Set<String> memberIds(JsonNode group) {
        Set<String> ids = new HashSet<>();
        group.path("members").forEach(m -> ids.add(m.get("value").asText()));
        return ids;
    }

    @Test
    void oktaProvisionsUpdatesAndDeactivatesAUser() {
        assertThat(search("User", "userName eq \"dade.murphy@example.com\"", ALL).get("totalResults").asInt()).isZero();
        ResourceResult created = engine.create(TENANT, "User", json("""
                {'schemas': ['urn:ietf:params:scim:schemas:core:2.0:User'], 'userName': 'dade.murphy@example.com',
                 'name': {'givenName': 'Dade', 'familyName': 'Murphy'},
                 'emails': [{'primary': true, 'value': 'dade.murphy@example.com', 'type': 'work'}],
                 'displayName': 'Dade Murphy', 'locale': 'en-US', 'externalId': '00ujl29u0le5T6Aj10h7',
                 'groups': [], 'password': '1mz050nq', 'active': true}
                """), ALL);
        assertThat(created.resource().get("userName").asText()).isEqualTo("dade.murphy@example.com");
        assertThat(created.resource().has("password")).isFalse();
        assertThat(search("User", "userName eq \"DADE.MURPHY@EXAMPLE.COM\"", ALL).get("totalResults").asInt())
                .isEqualTo(1);

        // OIN profile update: a GET, then a PUT of the whole user with id, meta and groups sent back.
        ObjectNode body = user(created.id()).deepCopy();
        body.putArray("groups");
        body.withObject("name").put("familyName", "Murphy-Smith");
        engine.replace(TENANT, "User", created.id(), body, null, ALL);
        assertThat(user(created.id()).at("/name/familyName").asText()).isEqualTo("Murphy-Smith");

        engine.patch(TENANT, "User", created.id(), json("""
                {'schemas': ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
                 'Operations': [{'op': 'replace', 'value': {'active': false}}]}
                """), null, ALL);
        assertThat(user(created.id()).get("active").booleanValue()).isFalse();
        assertThat(search("User", "userName eq \"dade.murphy@example.com\"", ALL).get("totalResults").asInt())
                .isEqualTo(1);
        engine.patch(TENANT, "User", created.id(), json("""
                {'schemas': ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
                 'Operations': [{'op': 'replace', 'value': {'active': true}}]}
                """), null, ALL);
        assertThat(user(created.id()).get("active").booleanValue()).isTrue();
    }

    @Test
    void oktaPushesAGroupRenamesItAndChangesMembersInOnePatch() {
        String a = engine.create(TENANT, "User", json("{'schemas': ['urn:ietf:params:scim:schemas:core:2.0:User'], 'userName': 'a'}"), ALL).id();
        String b = engine.create(TENANT, "User", json("{'schemas': ['urn:ietf:params:scim:schemas:core:2.0:User'], 'userName': 'b'}"), ALL).id();
        ResourceResult created = engine.create(TENANT, "Group", json("""
                {'schemas': ['urn:ietf:params:scim:schemas:core:2.0:Group'], 'displayName': 'Test SCIMv2',
                 'members': []}
                """), ALL);
        String id = created.id();

        engine.patch(TENANT, "Group", id, json("""
                {'schemas': ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], 'Operations': [
                  {'op': 'replace', 'value': {'id': '%s', 'displayName': 'Renamed'}},
                  {'op': 'add', 'path': 'members', 'value': [{'value': '%s', 'display': 'a'},
                                                              {'value': '%s', 'display': 'b'}]}]}
                """.formatted(id, a, b)), null, ALL);
        ObjectNode afterAdd = group(id);
        assertThat(afterAdd.get("displayName").asText()).isEqualTo("Renamed");
        assertThat(memberIds(afterAdd)).containsExactlyInAnyOrder(a, b);

        engine.patch(TENANT, "Group", id, json("""
                {'schemas': ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], 'Operations': [
                  {'op': 'replace', 'value': {'id': '%s', 'displayName': 'Renamed'}},
                  {'op': 'remove', 'path': 'members[value eq "%s"]'}]}
                """.formatted(id, a)), null, ALL);
        assertThat(memberIds(group(id))).containsExactly(b);

        engine.patch(TENANT, "Group", id, json("""
                {'schemas': ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], 'Operations': [
                  {'op': 'replace', 'path': 'members', 'value': [{'value': '%s'}]}]}
                """.formatted(a)), null, ALL);
        assertThat(memberIds(group(id))).containsExactly(a);
        assertThat(user(a).get("groups").get(0).get("value").asText()).isEqualTo(id);

        engine.delete(TENANT, "Group", id, null);
        assertThat(user(a).has("groups")).isFalse();
    }

    @Test
    void entraProvisionsAUserAndPatchesItAttributeByAttribute() {
        assertThat(search("User", "externalId eq \"0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef\"", ALL)
                .get("totalResults").asInt()).isZero();
        String manager = engine.create(TENANT, "User", json("{'schemas': ['urn:ietf:params:scim:schemas:core:2.0:User'], 'userName': 'boss@contoso.com'}"), ALL).id();
        ResourceResult created = engine.create(TENANT, "User", json("""
                {'schemas': ['urn:ietf:params:scim:schemas:core:2.0:User', '%s'],
                 'externalId': '0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef', 'userName': 'Test_User_ab6490ee@contoso.com',
                 'active': true, 'emails': [{'primary': true, 'type': 'work', 'value': 'Test_User@contoso.com'}],
                 'meta': {'resourceType': 'User'}, 'name': {'formatted': 'givenName familyName',
                 'familyName': 'familyName', 'givenName': 'givenName'}, 'roles': [], 'nickName': null,
                 '%s': {'department': null}}
                """.formatted(ENTERPRISE, ENTERPRISE)), ALL);
        String id = created.id();

        engine.patch(TENANT, "User", id, json("""
                {'schemas': ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], 'Operations': [
                  {'op': 'Replace', 'path': 'active', 'value': 'False'},
                  {'op': 'Add', 'path': 'nickName', 'value': 'Babs'},
                  {'op': 'Replace', 'path': 'emails[type eq "work"].value', 'value': 'updated@contoso.com'},
                  {'op': 'Add', 'path': 'emails[type eq "home"].value', 'value': 'home@contoso.com'},
                  {'op': 'Add', 'path': '%s:employeeNumber', 'value': '701984'},
                  {'op': 'Add', 'path': '%s:manager', 'value': '%s'}]}
                """.formatted(ENTERPRISE, ENTERPRISE, manager)), null, ALL);
        ObjectNode patched = user(id);
        assertThat(patched.get("active").booleanValue()).isFalse();
        assertThat(patched.get("nickName").asText()).isEqualTo("Babs");
        assertThat(search("User", "emails[type eq \"work\"].value eq \"updated@contoso.com\"", ALL)
                .get("totalResults").asInt()).isEqualTo(1);
        assertThat(search("User", "emails[type eq \"home\" and value eq \"home@contoso.com\"]", ALL)
                .get("totalResults").asInt()).isEqualTo(1);
        assertThat(patched.get(ENTERPRISE).get("employeeNumber").asText()).isEqualTo("701984");
        assertThat(patched.get(ENTERPRISE).at("/manager/value").asText()).isEqualTo(manager);
        assertThat(search("User", "id eq \"" + id + "\" and " + ENTERPRISE + ":manager eq \"" + manager + "\"", ALL)
                .get("totalResults").asInt()).isEqualTo(1);

        // With the aadOptscim062020 flag: one path-less replace with dotted and URN-qualified keys.
        engine.patch(TENANT, "User", id, json("""
                {'schemas': ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], 'Operations': [
                  {'op': 'replace', 'value': {'active': true, 'name.givenName': 'Ann',
                   '%s:department': 'Tour Operations'}}]}
                """.formatted(ENTERPRISE)), null, ALL);
        ObjectNode flagged = user(id);
        assertThat(flagged.get("active").booleanValue()).isTrue();
        assertThat(flagged.at("/name/givenName").asText()).isEqualTo("Ann");
        assertThat(flagged.at("/name/familyName").asText()).isEqualTo("familyName");
        assertThat(flagged.get(ENTERPRISE).get("department").asText()).isEqualTo("Tour Operations");

        // Entra removes a manager with a Replace to an empty value.
        engine.patch(TENANT, "User", id, json("""
                {'schemas': ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], 'Operations': [
                  {'op': 'Replace', 'path': '%s:manager', 'value': ''}]}
                """.formatted(ENTERPRISE)), null, ALL);
        assertThat(user(id).get(ENTERPRISE).has("manager")).isFalse();
        engine.delete(TENANT, "User", id, null);
        assertThat(search("User", "externalId eq \"0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef\"", ALL)
                .get("totalResults").asInt()).isZero();
    }

    @Test
    void entraManagesGroupMembersWithItsOwnShapes() {
        String a = engine.create(TENANT, "User", json("{'schemas': ['urn:ietf:params:scim:schemas:core:2.0:User'], 'userName': 'a'}"), ALL).id();
        String b = engine.create(TENANT, "User", json("{'schemas': ['urn:ietf:params:scim:schemas:core:2.0:User'], 'userName': 'b'}"), ALL).id();
        ResourceResult created = engine.create(TENANT, "Group", json("""
                {'schemas': ['urn:ietf:params:scim:schemas:core:2.0:Group',
                             'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group'],
                 'externalId': '8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159', 'displayName': 'Group1DisplayName',
                 'meta': {'resourceType': 'Group'}}
                """), ALL);
        String id = created.id();
        JsonNode byName = search("Group", "displayName eq \"Group1DisplayName\"", NO_MEMBERS);
        assertThat(byName.get("totalResults").asInt()).isEqualTo(1);

        engine.patch(TENANT, "Group", id, json("""
                {'schemas': ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], 'Operations': [
                  {'op': 'Add', 'path': 'members', 'value': [{'$ref': null, 'value': '%s'}]},
                  {'op': 'Add', 'path': 'members', 'value': [{'$ref': null, 'value': '%s'}]}]}
                """.formatted(a, b)), null, ALL);
        assertThat(memberIds(group(id))).containsExactlyInAnyOrder(a, b);
        assertThat(engine.get(TENANT, "Group", id, NO_MEMBERS).resource().has("members")).isFalse();
        assertThat(search("Group", "members.value eq \"" + a + "\"", NO_MEMBERS).get("Resources").get(0)
                .has("members")).isFalse();

        engine.patch(TENANT, "Group", id, json("""
                {'schemas': ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], 'Operations': [
                  {'op': 'Remove', 'path': 'members', 'value': [{'value': '%s'}]},
                  {'op': 'Replace', 'path': 'displayName', 'value': 'Renamed'}]}
                """.formatted(a)), null, ALL);
        ObjectNode after = group(id);
        assertThat(memberIds(after)).containsExactly(b);
        assertThat(after.get("displayName").asText()).isEqualTo("Renamed");
    }

    @Test
    void concurrentPatchesOnOneGroupLoseNoMember() throws Exception {
        String group = engine.create(TENANT, "Group", json("{'schemas': ['urn:ietf:params:scim:schemas:core:2.0:Group'], 'displayName': 'Everyone'}"), ALL).id();
        int threads = 16;
        int perThread = 10;
        List<String> users = new ArrayList<>();
        for (int i = 0; i < threads * perThread; i++) {
            users.add(engine.create(TENANT, "User", json("{'schemas': ['urn:ietf:params:scim:schemas:core:2.0:User'], 'userName': 'u" + i + "'}"), ALL).id());
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CyclicBarrier start = new CyclicBarrier(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                List<String> mine = users.subList(t * perThread, (t + 1) * perThread);
                done.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    for (String user : mine) {
                        engine.patch(TENANT, "Group", group, json("{'schemas': ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],"
                                + " 'Operations': [{'op': 'add', 'path': 'members', 'value': [{'value': '" + user
                                + "'}]}]}"), null, NO_MEMBERS);
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(memberIds(group(group))).containsExactlyInAnyOrderElementsOf(users);
    }
}
