package org.scimengine.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scimengine.jaxrs.Fixture.BULK;
import static org.scimengine.jaxrs.Fixture.DEVICE;
import static org.scimengine.jaxrs.Fixture.LIST;
import static org.scimengine.jaxrs.Fixture.SEARCH;
import static org.scimengine.jaxrs.Fixture.group;
import static org.scimengine.jaxrs.Fixture.patch;
import static org.scimengine.jaxrs.Fixture.user;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.scimengine.jaxrs.testing.Http;
import org.scimengine.jaxrs.testing.Http.Reply;

/** Every resource endpoint over HTTP: status codes, headers, bodies. */
class ResourceEndpointsTest {

    private final Fixture fixture = new Fixture();
    private final JerseyServer server = new JerseyServer(Fixture.application(fixture.feature()
            .noContentOnPatch("group")
            .meResolver(principal -> principal.name().equals("acme-admin")
                    ? Optional.of(new MeResolver.Target("User", meId())) : Optional.empty())
            .build()), "");
    private final Http http = Http.at(server.baseUri()).bearer(fixture.acme);
    private volatile String me = "";

    @AfterAll
    void stop() {
        server.close();
    }

    private String meId() {
        return me;
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID() + "@example.com";
    }

    private JsonNode created(String endpoint, String body) {
        Reply reply = http.post(endpoint, body);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json();
    }

    @Test
    void createAnswers201WithLocationETagAndTheResource() {
        String userName = unique("create");
        Reply reply = http.post("Users", user(userName));

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.header("Content-Type")).isEqualTo("application/scim+json");
        JsonNode body = reply.json();
        String id = body.get("id").asText();
        assertThat(body.get("userName").asText()).isEqualTo(userName);
        assertThat(reply.header("Location")).isEqualTo(server.baseUri() + "Users/" + id)
                .isEqualTo(body.at("/meta/location").asText());
        assertThat(reply.header("ETag")).isNotBlank().isEqualTo(body.at("/meta/version").asText());
    }

    @Test
    void getAnswersTheResourceWithItsETagAnd304WhenIfNoneMatchMatches() {
        JsonNode user = created("Users", user(unique("get")));
        String id = user.get("id").asText();
        String etag = user.at("/meta/version").asText();

        Reply reply = http.get("Users/" + id);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("ETag")).isEqualTo(etag);
        assertThat(reply.json().get("id").asText()).isEqualTo(id);

        Reply notModified = http.get("Users/" + id, "If-None-Match", etag);
        assertThat(notModified.status()).isEqualTo(304);
        assertThat(notModified.header("ETag")).isEqualTo(etag);
        assertThat(notModified.bytes()).isEmpty();

        assertThat(http.get("Users/" + id, "If-None-Match", "W/\"other\"").status()).isEqualTo(200);
        assertThat(http.get("Users/" + id, "If-None-Match", "*").status()).isEqualTo(304);
    }

    @Test
    void getHonoursAttributesAndExcludedAttributes() {
        String id = created("Users", user(unique("select"))).get("id").asText();

        JsonNode only = http.get("Users/" + id + "?attributes=userName").json();
        assertThat(only.has("userName")).isTrue();
        assertThat(only.has("id")).isTrue();
        assertThat(only.has("name")).isFalse();

        JsonNode without = http.get("Users/" + id + "?excludedAttributes=emails,name").json();
        assertThat(without.has("emails")).isFalse();
        assertThat(without.has("name")).isFalse();
        assertThat(without.has("userName")).isTrue();
    }

    @Test
    void putReplacesWithIfMatchAndAnswers412WhenStale() {
        JsonNode user = created("Users", user(unique("put")));
        String id = user.get("id").asText();
        String etag = user.at("/meta/version").asText();
        String replacement = user(user.get("userName").asText()).replace("Ann", "Bea");

        Reply replaced = http.put("Users/" + id, replacement, "If-Match", etag);
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.json().at("/name/givenName").asText()).isEqualTo("Bea");
        assertThat(replaced.header("ETag")).isNotEqualTo(etag).isEqualTo(replaced.json().at("/meta/version").asText());

        Reply stale = http.put("Users/" + id, replacement, "If-Match", etag);
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.json().get("status").asText()).isEqualTo("412");
        assertThat(http.get("Users/" + id).json().at("/name/givenName").asText()).isEqualTo("Bea");
    }

    @Test
    void patchAnswers200WithTheResourceRespectingAttributes() {
        String id = created("Users", user(unique("patch"))).get("id").asText();

        Reply reply = http.patch("Users/" + id + "?attributes=displayName",
                patch("{\"op\": \"replace\", \"path\": \"displayName\", \"value\": \"Ann Lee\"}"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("displayName").asText()).isEqualTo("Ann Lee");
        assertThat(reply.json().get("id").asText()).isEqualTo(id);
        assertThat(reply.json().has("userName")).isFalse();
        assertThat(reply.header("ETag")).isEqualTo(http.get("Users/" + id).header("ETag"));
    }

    @Test
    void patchAnswers412WhenIfMatchIsStale() {
        JsonNode user = created("Users", user(unique("patch412")));
        String id = user.get("id").asText();
        http.patch("Users/" + id, patch("{\"op\": \"replace\", \"path\": \"active\", \"value\": false}"));

        Reply stale = http.patch("Users/" + id, patch("{\"op\": \"replace\", \"path\": \"active\", \"value\": true}"),
                "If-Match", user.at("/meta/version").asText());

        assertThat(stale.status()).isEqualTo(412);
        assertThat(http.get("Users/" + id).json().get("active").asBoolean()).isFalse();
    }

    @Test
    void patchAnswers204ForAConfiguredTypeUnlessTheRequestSelectsAttributes() {
        String member = created("Users", user(unique("member"))).get("id").asText();
        String id = created("Groups", group("Patched " + UUID.randomUUID())).get("id").asText();

        Reply reply = http.patch("Groups/" + id, patch("""
                {"op": "Add", "path": "members", "value": [{"$ref": null, "value": "%s"}]}
                """.formatted(member)));
        assertThat(reply.status()).isEqualTo(204);
        assertThat(reply.bytes()).isEmpty();
        assertThat(reply.header("ETag")).isEqualTo(http.get("Groups/" + id).header("ETag"));

        Reply selected = http.patch("Groups/" + id + "?excludedAttributes=members",
                patch("{\"op\": \"Replace\", \"path\": \"displayName\", \"value\": \"Renamed\"}"));
        assertThat(selected.status()).isEqualTo(200);
        assertThat(selected.json().get("displayName").asText()).isEqualTo("Renamed");
        assertThat(selected.json().has("members")).isFalse();
    }

    @Test
    void deleteAnswers204AndTheResourceIsGone() {
        JsonNode user = created("Users", user(unique("delete")));
        String id = user.get("id").asText();

        assertThat(http.delete("Users/" + id, "If-Match", "W/\"stale\"").status()).isEqualTo(412);
        Reply deleted = http.delete("Users/" + id, "If-Match", user.at("/meta/version").asText());
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.bytes()).isEmpty();

        Reply gone = http.get("Users/" + id);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().get("schemas").get(0).asText()).isEqualTo(Fixture.ERROR);
        assertThat(gone.json().get("detail").asText()).contains(id);
        assertThat(http.delete("Users/" + id).status()).isEqualTo(404);
    }

    @Test
    void listPagesWithJsonIntegersAndAnEmptyMatchIs200() {
        String prefix = "list-" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            created("Users", user(prefix + "-" + i + "@example.com"));
        }
        String filter = Http.encode("userName sw \"" + prefix + "\"");

        JsonNode page = http.get("Users?filter=" + filter + "&startIndex=2&count=1&sortBy=userName").json();
        assertThat(page.get("schemas").get(0).asText()).isEqualTo(LIST);
        assertThat(page.get("totalResults").isInt()).isTrue();
        assertThat(page.get("totalResults").asInt()).isEqualTo(3);
        assertThat(page.get("startIndex").isInt()).isTrue();
        assertThat(page.get("startIndex").asInt()).isEqualTo(2);
        assertThat(page.get("itemsPerPage").asInt()).isEqualTo(1);
        assertThat(page.at("/Resources/0/userName").asText()).isEqualTo(prefix + "-1@example.com");

        JsonNode none = http.get("Users?filter=" + Http.encode("userName eq \"" + UUID.randomUUID() + "\"")).json();
        assertThat(none.get("totalResults").asInt()).isZero();
        assertThat(none.get("Resources")).isEmpty();

        JsonNode descending = http.get("Users?filter=" + filter + "&sortBy=userName&sortOrder=descending"
                + "&attributes=userName").json();
        assertThat(descending.at("/Resources/0/userName").asText()).isEqualTo(prefix + "-2@example.com");
        assertThat(descending.at("/Resources/0/name").isMissingNode()).isTrue();
    }

    @Test
    void postDotSearchQueriesOneTypeAndTheRoot() {
        String userName = unique("search");
        String externalId = UUID.randomUUID().toString();
        created("Users", user(userName).replace("\"active\"", "\"externalId\": \"" + externalId + "\", \"active\""));
        created("Groups", group("Searched").replace("\"displayName\"",
                "\"externalId\": \"" + externalId + "\", \"displayName\""));

        Reply users = http.post("Users/.search", """
                {"schemas": ["%s"], "filter": "userName eq \\"%s\\"", "attributes": ["userName"], "count": 10}
                """.formatted(SEARCH, userName));
        assertThat(users.status()).isEqualTo(200);
        assertThat(users.json().get("totalResults").asInt()).isEqualTo(1);
        assertThat(users.json().at("/Resources/0/userName").asText()).isEqualTo(userName);
        assertThat(users.json().at("/Resources/0/emails").isMissingNode()).isTrue();

        Reply root = http.post(".search", """
                {"schemas": ["%s"], "filter": "externalId eq \\"%s\\""}
                """.formatted(SEARCH, externalId));
        assertThat(root.status()).as(root.toString()).isEqualTo(200);
        assertThat(root.json().get("totalResults").asInt()).isEqualTo(2);
        assertThat(root.json().findValuesAsText("externalId")).containsExactly(externalId, externalId);

        Reply malformed = http.post("Users/.search", "{\"schemas\": [\"" + SEARCH + "\"], \"count\": \"ten\"}");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("scimType").asText()).isEqualTo("invalidValue");
    }

    @Test
    void aCustomResourceTypeIsServedAtItsEndpointIgnoringCase() {
        Reply created = http.post("Devices", """
                {"schemas": ["%s"], "serialNumber": "%s", "label": "Laptop"}
                """.formatted(DEVICE, UUID.randomUUID()));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asText();
        assertThat(created.header("Location")).isEqualTo(server.baseUri() + "Devices/" + id);

        assertThat(http.get("devices/" + id).json().get("label").asText()).isEqualTo("Laptop");
        assertThat(http.get("Devices?filter=" + Http.encode("label eq \"laptop\"")).json().get("totalResults")
                .asInt()).isPositive();
        assertThat(http.delete("Devices/" + id).status()).isEqualTo(204);
    }

    @Test
    void bulkRunsOperationsWithBulkIdReferences() {
        String userName = unique("bulk");
        Reply reply = http.post("Bulk", """
                {"schemas": ["%s"], "Operations": [
                  {"method": "POST", "path": "/Groups", "bulkId": "g", "data":
                    {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "displayName": "Bulk group",
                     "members": [{"value": "bulkId:u"}]}},
                  {"method": "POST", "path": "/Users", "bulkId": "u", "data": %s}]}
                """.formatted(BULK, user(userName)));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonNode operations = reply.json().get("Operations");
        assertThat(operations).hasSize(2);
        for (JsonNode operation : operations) {
            assertThat(operation.get("status").asText()).isEqualTo("201");
            assertThat(operation.get("location").asText()).startsWith(server.baseUri().toString());
        }
        JsonNode user = http.get("Users?filter=" + Http.encode("userName eq \"" + userName + "\"")).json()
                .at("/Resources/0");
        assertThat(user.at("/groups/0/display").asText()).isEqualTo("Bulk group");
    }

    @Test
    void meIsTheResourceTheResolverNames() {
        String id = created("Users", user(unique("me"))).get("id").asText();
        me = id;

        Reply reply = http.get("Me");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("id").asText()).isEqualTo(id);
        assertThat(reply.header("ETag")).isNotBlank();

        Reply patched = http.patch("Me", patch("{\"op\": \"replace\", \"path\": \"nickName\", \"value\": \"Me\"}"));
        assertThat(patched.status()).isEqualTo(200);
        assertThat(http.get("Users/" + id).json().get("nickName").asText()).isEqualTo("Me");

        Reply create = http.post("Me", user(unique("me-post")));
        assertThat(create.status()).isEqualTo(501);
        assertThat(create.json().get("status").asText()).isEqualTo("501");

        Reply nobody = Http.at(server.baseUri()).bearer(fixture.acmeWriter).get("Me");
        assertThat(nobody.status()).isEqualTo(404);
    }

    @Test
    void headAnswersLikeGetWithoutABodyAndOptionsListsTheMethods() {
        String id = created("Users", user(unique("head"))).get("id").asText();

        Reply head = http.send("HEAD", "Users/" + id, (String) null);
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("ETag")).isEqualTo(http.get("Users/" + id).header("ETag"));
        assertThat(head.bytes()).isEmpty();

        Reply options = http.send("OPTIONS", "Users/" + id, (String) null);
        assertThat(options.status()).isEqualTo(204);
        assertThat(options.header("Allow")).isEqualTo("GET, PUT, PATCH, DELETE, HEAD, OPTIONS");
    }

    @Test
    void basicCredentialsWorkLikeABearerToken() {
        Reply reply = Http.at(server.baseUri()).basic(fixture.basicUser, fixture.basicPassword)
                .post("Users", user(unique("basic")));

        assertThat(reply.status()).isEqualTo(201);
        assertThat(Http.at(server.baseUri()).basic(fixture.basicUser, fixture.basicPassword)
                .get("Users/" + reply.json().get("id").asText()).status()).isEqualTo(200);
    }
}
