package org.scimengine.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scimengine.jaxrs.Fixture.ENTERPRISE;
import static org.scimengine.jaxrs.Fixture.ERROR;
import static org.scimengine.jaxrs.Fixture.LIST;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.scimengine.jaxrs.testing.Http;
import org.scimengine.jaxrs.testing.Http.Reply;

/**
 * The request sequences of IDP-BEHAVIOUR.md, replayed over HTTP in the order Okta and Microsoft Entra ID send
 * them, with their headers and body shapes: each step answers what the identity provider expects.
 */
class IdentityProviderSequencesTest {

    private final Fixture fixture = new Fixture();
    /** Okta: Basic credentials, PATCH answering 200 with the resource. */
    private final JerseyServer okta = new JerseyServer(Fixture.application(fixture.feature().build()), "scim/v2");
    /** Entra: a bearer token, group PATCH answering 204. */
    private final JerseyServer entra = new JerseyServer(Fixture.application(fixture.feature()
            .noContentOnPatch("Group").build()), "scim/v2");

    @AfterAll
    void stop() {
        okta.close();
        entra.close();
    }

    private Http okta() {
        return Http.at(okta.baseUri()).basic(fixture.basicUser, fixture.basicPassword)
                .with("User-Agent", "Okta SCIM Client 1.0.0")
                .with("Accept", "application/scim+json; charset=utf-8");
    }

    private Http entra() {
        // Entra's tenant is another one than Okta's: the two sequences cannot see each other's resources.
        return Http.at(entra.baseUri()).bearer(fixture.globex).with("Accept", "application/scim+json");
    }

    private static String filter(String expression) {
        return Http.encode(expression);
    }

    private static JsonNode ok(Reply reply, int status) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).isEqualTo("application/scim+json");
        return reply.json();
    }

    @Test
    void oktaProvisionsImportsDeactivatesAndPushesGroups() {
        Http okta = okta();
        String json = "application/json";

        // Okta's spec test: a bogus credential is refused with a SCIM error body.
        Reply bogus = Http.at(okta.base()).with("Authorization", "Bearer bogus").get("Users?count=1&startIndex=1");
        assertThat(bogus.status()).isEqualTo(401);
        assertThat(bogus.json().get("schemas").get(0).asText()).isEqualTo(ERROR);
        assertThat(bogus.json().get("status").asText()).isEqualTo("401");

        // Match before create: nothing yet.
        String userName = "dade.murphy-" + UUID.randomUUID() + "@example.com";
        JsonNode none = ok(okta.get("Users?filter=" + filter("userName eq \"" + userName + "\"")
                + "&startIndex=1&count=100"), 200);
        assertThat(none.get("schemas").get(0).asText()).isEqualTo(LIST);
        assertThat(none.get("totalResults").isInt()).isTrue();
        assertThat(none.get("totalResults").asInt()).isZero();

        // Create: Content-Type application/json, a password, an empty groups array.
        JsonNode created = ok(okta.post("Users", """
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "%s",
                 "name": {"givenName": "Dade", "familyName": "Murphy"},
                 "emails": [{"primary": true, "value": "%s", "type": "work"}],
                 "displayName": "Dade Murphy", "locale": "en-US", "externalId": "00ujl29u0le5T6Aj10h7",
                 "groups": [], "password": "1mz050nq", "active": true}
                """.formatted(userName, userName), "Content-Type", json), 201);
        String id = created.get("id").asText();
        assertThat(created.get("userName").asText()).isEqualTo(userName);
        assertThat(created.has("password")).isFalse();
        assertThat(created.get("active").asBoolean()).isTrue();

        // The same user again: 409 with an error body, which stops Okta's job.
        JsonNode conflict = okta.post("Users", """
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "%s"}
                """.formatted(userName), "Content-Type", json).json();
        assertThat(conflict.get("status").asText()).isEqualTo("409");
        assertThat(conflict.get("scimType").asText()).isEqualTo("uniqueness");

        // The spec test repeats the filter in upper case.
        assertThat(ok(okta.get("Users?filter=" + filter("userName eq \"" + userName.toUpperCase(java.util.Locale.ROOT)
                + "\"") + "&startIndex=1&count=100"), 200).get("totalResults").asInt()).isEqualTo(1);

        // The spec test's first call: one user with every attribute it checks.
        JsonNode first = ok(okta.get("Users?count=1&startIndex=1"), 200).at("/Resources/0");
        for (String pointer : List.of("/id", "/userName", "/name/givenName", "/name/familyName", "/active",
                "/emails/0/value")) {
            assertThat(first.at(pointer).isMissingNode()).as(pointer).isFalse();
        }

        // Profile push: GET, then PUT of the whole user with id, meta and groups sent back.
        ObjectNode fetched = (ObjectNode) ok(okta.get("Users/" + id), 200);
        fetched.withObject("name").put("familyName", "Murphy-Smith");
        fetched.putArray("groups");
        JsonNode replaced = ok(okta.put("Users/" + id, fetched.toString(), "Content-Type", json), 200);
        assertThat(replaced.at("/name/familyName").asText()).isEqualTo("Murphy-Smith");

        // Deactivate: a path-less replace with an object value; the user stays readable.
        String deactivate = """
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [{"op": "replace", "value": {"active": false}}]}
                """;
        assertThat(ok(okta.patch("Users/" + id, deactivate, "Content-Type", json), 200).get("active").asBoolean())
                .isFalse();
        assertThat(ok(okta.get("Users/" + id), 200).get("active").asBoolean()).isFalse();
        assertThat(ok(okta.get("Users?filter=" + filter("userName eq \"" + userName + "\"")), 200)
                .at("/Resources/0/active").asBoolean()).isFalse();
        assertThat(ok(okta.patch("Users/" + id, deactivate.replace("false", "true"), "Content-Type", json), 200)
                .get("active").asBoolean()).isTrue();

        // Import: pages of 2 walk the same order as one page of 100.
        for (int i = 0; i < 4; i++) {
            ok(okta.post("Users", """
                    {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "import-%d-%s@example.com"}
                    """.formatted(i, UUID.randomUUID()), "Content-Type", json), 201);
        }
        JsonNode all = ok(okta.get("Users?startIndex=1&count=100"), 200);
        int total = all.get("totalResults").asInt();
        List<String> paged = new ArrayList<>();
        for (int start = 1; start <= total; start += 2) {
            JsonNode page = ok(okta.get("Users?startIndex=" + start + "&count=2"), 200);
            assertThat(page.get("startIndex").asInt()).isEqualTo(start);
            page.get("Resources").forEach(resource -> paged.add(resource.get("id").asText()));
        }
        assertThat(paged).isEqualTo(all.findValuesAsText("id").subList(0, total));

        // Group push: create with an empty members array.
        String member = ok(okta.post("Users", """
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "member-%s@example.com"}
                """.formatted(UUID.randomUUID()), "Content-Type", json), 201).get("id").asText();
        JsonNode group = ok(okta.post("Groups", """
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "displayName": "Test SCIMv2",
                 "members": []}
                """, "Content-Type", json), 201);
        String groupId = group.get("id").asText();
        assertThat(ok(okta.get("Groups/" + groupId), 200).get("displayName").asText()).isEqualTo("Test SCIMv2");

        // Rename (path-less, with id) and add members in one PATCH; the rename comes with every membership change.
        JsonNode added = ok(okta.patch("Groups/" + groupId, """
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], "Operations": [
                  {"op": "replace", "value": {"id": "%s", "displayName": "Renamed"}},
                  {"op": "add", "path": "members", "value": [{"value": "%s", "display": "dade"},
                                                              {"value": "%s", "display": "member"}]}]}
                """.formatted(groupId, id, member), "Content-Type", json), 200);
        assertThat(added.get("displayName").asText()).isEqualTo("Renamed");
        assertThat(memberIds(added)).containsExactlyInAnyOrder(id, member);

        JsonNode removed = ok(okta.patch("Groups/" + groupId, """
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], "Operations": [
                  {"op": "replace", "value": {"id": "%s", "displayName": "Renamed"}},
                  {"op": "remove", "path": "members[value eq \\"%s\\"]"}]}
                """.formatted(groupId, id), "Content-Type", json), 200);
        assertThat(memberIds(removed)).containsExactly(member);

        JsonNode replacedMembers = ok(okta.patch("Groups/" + groupId, """
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], "Operations": [
                  {"op": "replace", "path": "members", "value": [{"value": "%s"}]}]}
                """.formatted(id), "Content-Type", json), 200);
        assertThat(memberIds(replacedMembers)).containsExactly(id);
        assertThat(ok(okta.get("Users/" + id), 200).at("/groups/0/value").asText()).isEqualTo(groupId);

        assertThat(ok(okta.get("Groups?startIndex=1&count=100"), 200).findValuesAsText("displayName"))
                .contains("Renamed");

        // Unlink and delete the pushed group.
        Reply deleted = okta.delete("Groups/" + groupId);
        assertThat(deleted.status()).isEqualTo(204);
        JsonNode gone = okta.get("Groups/" + groupId).json();
        assertThat(gone.get("status").asText()).isEqualTo("404");
        assertThat(gone.get("schemas").get(0).asText()).isEqualTo(ERROR);
        assertThat(gone.get("detail").asText()).isNotBlank();
        assertThat(ok(okta.get("Users/" + id), 200).has("groups")).isFalse();
    }

    @Test
    void entraTestsTheConnectionProvisionsPatchesAndDeprovisions() {
        Http entra = entra();

        // Test Connection: a random GUID matches nothing, as a 200 with an empty list.
        JsonNode empty = ok(entra.get("Users?filter=" + filter("userName eq \"" + UUID.randomUUID() + "\"")), 200);
        assertThat(empty.get("totalResults").asInt()).isZero();
        assertThat(ok(entra.get("Groups?excludedAttributes=members&filter="
                + filter("displayName eq \"" + UUID.randomUUID() + "\"")), 200).get("totalResults").asInt()).isZero();

        // Schema discovery: a ListResponse that has the core Group schema, and no nulls.
        Reply schemas = entra.get("Schemas");
        assertThat(ok(schemas, 200).get("schemas").get(0).asText()).isEqualTo(LIST);
        assertThat(schemas.json().findValuesAsText("id")).contains(Fixture.GROUP);
        assertThat(schemas.body()).doesNotContain("null");

        // Create, with both schemas, meta.resourceType, explicit nulls and an empty roles array.
        String externalId = UUID.randomUUID().toString();
        assertThat(ok(entra.get("Users?filter=" + filter("externalId eq \"" + externalId + "\"")), 200)
                .get("totalResults").asInt()).isZero();
        String manager = ok(entra.post("Users", """
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "boss-%s@contoso.com"}
                """.formatted(UUID.randomUUID())), 201).get("id").asText();
        JsonNode created = ok(entra.post("Users", """
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User", "%s"],
                 "externalId": "%s", "userName": "Test_User_%s@contoso.com", "active": true,
                 "emails": [{"primary": true, "type": "work", "value": "Test_User@contoso.com"}],
                 "meta": {"resourceType": "User"},
                 "name": {"formatted": "givenName familyName", "familyName": "familyName", "givenName": "givenName"},
                 "roles": [], "nickName": null, "%s": {"department": null}}
                """.formatted(ENTERPRISE, externalId, externalId, ENTERPRISE)), 201);
        String id = created.get("id").asText();
        assertThat(ok(entra.get("Users?filter=" + filter("externalId eq \"" + externalId + "\"")), 200)
                .at("/Resources/0/id").asText()).isEqualTo(id);

        // PATCH the default way: capitalised ops, a string boolean, filtered and URN paths, a plain manager id.
        JsonNode patched = ok(entra.patch("Users/" + id, """
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], "Operations": [
                  {"op": "Replace", "path": "active", "value": "False"},
                  {"op": "Add", "path": "nickName", "value": "Babs"},
                  {"op": "Replace", "path": "emails[type eq \\"work\\"].value", "value": "updated@contoso.com"},
                  {"op": "Add", "path": "%s:employeeNumber", "value": "701984"},
                  {"op": "Add", "path": "%s:manager", "value": "%s"}]}
                """.formatted(ENTERPRISE, ENTERPRISE, manager)), 200);
        assertThat(patched.get("active").asBoolean()).isFalse();
        assertThat(patched.get("nickName").asText()).isEqualTo("Babs");
        assertThat(patched.get(ENTERPRISE).get("employeeNumber").asText()).isEqualTo("701984");
        assertThat(patched.get(ENTERPRISE).at("/manager/value").asText()).isEqualTo(manager);
        assertThat(ok(entra.get("Users?filter=" + filter("id eq \"" + id + "\" and " + ENTERPRISE + ":manager eq \""
                + manager + "\"")), 200).get("totalResults").asInt()).isEqualTo(1);
        assertThat(ok(entra.get("Users?filter=" + filter("emails[type eq \"work\"].value eq \"updated@contoso.com\"")),
                200).get("totalResults").asInt()).isPositive();

        // With the aadOptscim062020 flag: one path-less replace with dotted and URN-qualified keys.
        JsonNode flagged = ok(entra.patch("Users/" + id, """
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], "Operations": [
                  {"op": "replace", "value": {"active": true, "name.givenName": "Ann",
                   "%s:department": "Tour Operations"}}]}
                """.formatted(ENTERPRISE)), 200);
        assertThat(flagged.get("active").asBoolean()).isTrue();
        assertThat(flagged.at("/name/givenName").asText()).isEqualTo("Ann");
        assertThat(flagged.get(ENTERPRISE).get("department").asText()).isEqualTo("Tour Operations");

        // The manager is removed with a Replace to an empty value.
        JsonNode noManager = ok(entra.patch("Users/" + id, """
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], "Operations": [
                  {"op": "Replace", "path": "%s:manager", "value": ""}]}
                """.formatted(ENTERPRISE)), 200);
        assertThat(noManager.get(ENTERPRISE).has("manager")).isFalse();

        // Groups: created without members, with Microsoft's schema URN; matched by displayName without members.
        String displayName = "Group1DisplayName-" + UUID.randomUUID();
        String groupId = ok(entra.post("Groups", """
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group",
                             "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group"],
                 "externalId": "%s", "displayName": "%s", "meta": {"resourceType": "Group"}}
                """.formatted(UUID.randomUUID(), displayName)), 201).get("id").asText();
        JsonNode matched = ok(entra.get("Groups?excludedAttributes=members&filter="
                + filter("displayName eq \"" + displayName + "\"")), 200);
        assertThat(matched.at("/Resources/0/id").asText()).isEqualTo(groupId);

        // Members added one operation each, with an explicit null $ref: 204, as Entra prefers for groups.
        Reply added = entra.patch("Groups/" + groupId, """
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], "Operations": [
                  {"op": "Add", "path": "members", "value": [{"$ref": null, "value": "%s"}]},
                  {"op": "Add", "path": "members", "value": [{"$ref": null, "value": "%s"}]}]}
                """.formatted(id, manager));
        assertThat(added.status()).isEqualTo(204);
        assertThat(added.bytes()).isEmpty();
        assertThat(ok(entra.get("Groups/" + groupId + "?excludedAttributes=members"), 200).has("members")).isFalse();
        assertThat(memberIds(ok(entra.get("Groups/" + groupId), 200))).containsExactlyInAnyOrder(id, manager);
        assertThat(ok(entra.get("Groups?excludedAttributes=members&filter=" + filter("members.value eq \"" + id
                + "\"")), 200).at("/Resources/0").has("members")).isFalse();

        // Member removal with the member in value, and a rename, in one PATCH.
        assertThat(entra.patch("Groups/" + groupId, """
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], "Operations": [
                  {"op": "Remove", "path": "members", "value": [{"value": "%s"}]},
                  {"op": "Replace", "path": "displayName", "value": "Renamed"}]}
                """.formatted(id)).status()).isEqualTo(204);
        JsonNode renamed = ok(entra.get("Groups/" + groupId), 200);
        assertThat(renamed.get("displayName").asText()).isEqualTo("Renamed");
        assertThat(memberIds(renamed)).containsExactly(manager);

        // The gallery validator pages with count=5 and checks the echoed startIndex.
        JsonNode page = ok(entra.get("Users?startIndex=2&count=5"), 200);
        assertThat(page.get("startIndex").asInt()).isEqualTo(2);
        assertThat(page.get("itemsPerPage").isInt()).isTrue();

        // Deprovision: hard deletes answer 204, and then 404.
        assertThat(entra.delete("Groups/" + groupId).status()).isEqualTo(204);
        assertThat(entra.delete("Users/" + id).status()).isEqualTo(204);
        Reply gone = entra.get("Users/" + id);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().get("status").asText()).isEqualTo("404");
        assertThat(ok(entra.get("Users?filter=" + filter("externalId eq \"" + externalId + "\"")), 200)
                .get("totalResults").asInt()).isZero();
    }

    @Test
    void theTwoIdentityProvidersTenantsDoNotSeeEachOther() {
        String userName = "shared-" + UUID.randomUUID() + "@example.com";
        String body = """
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "%s"}
                """.formatted(userName);
        String oktaId = ok(okta().post("Users", body), 201).get("id").asText();
        String entraId = ok(entra().post("Users", body), 201).get("id").asText();

        assertThat(oktaId).isNotEqualTo(entraId);
        assertThat(entra().get("Users/" + oktaId).status()).isEqualTo(404);
        assertThat(okta().get("Users/" + entraId).status()).isEqualTo(404);
    }

    private static Set<String> memberIds(JsonNode group) {
        Set<String> ids = new HashSet<>();
        group.path("members").forEach(member -> ids.add(member.get("value").asText()));
        return ids;
    }
}
