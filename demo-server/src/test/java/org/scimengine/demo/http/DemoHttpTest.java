package org.scimengine.demo.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scimengine.demo.http.RunningDemo.ERROR;
import static org.scimengine.demo.http.RunningDemo.LIST;
import static org.scimengine.demo.http.RunningDemo.SAP;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.scimengine.demo.account.AuthType;
import org.scimengine.demo.account.IssuedClient;
import org.scimengine.demo.account.IssuedIntegration;
import org.scimengine.jaxrs.testing.Http;
import org.scimengine.jaxrs.testing.Http.Reply;

/** Every endpoint of the demo over HTTP, with each kind of credential, and every way a request is refused. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoHttpTest {

    private final RunningDemo running = new RunningDemo();
    private final IssuedIntegration basic = running.integration("acme", "Production", AuthType.BASIC);
    private final IssuedIntegration bearer = running.integration("acme", "Staging", AuthType.BEARER);
    private final IssuedIntegration globex = running.integration("globex", "Production", AuthType.BEARER);
    private final IssuedClient reporting = running.client("acme", "reporting",
            List.of("users:read", "users:write", "users:delete", "groups:read", "groups:write", "groups:delete"));

    @AfterAll
    void stop() {
        running.close();
    }

    static String user(String userName) {
        return """
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "%s",
                 "name": {"givenName": "Barbara", "familyName": "Jensen"},
                 "emails": [{"value": "%s", "type": "work", "primary": true}]}
                """.formatted(userName, userName);
    }

    static String newUserName() {
        return "user-" + UUID.randomUUID() + "@example.com";
    }

    private static JsonNode ok(Reply reply, int status) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).as(reply.toString()).startsWith("application/scim+json");
        return reply.json();
    }

    private static void isError(Reply reply, int status) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.json().get("schemas").get(0).asText()).isEqualTo(ERROR);
        assertThat(reply.json().get("status").asText()).isEqualTo(String.valueOf(status));
        assertThat(reply.json().get("detail").asText()).isNotBlank();
    }

    /** Every endpoint, as one caller: each answers as it should. */
    private void everyEndpoint(Http scim) {
        String userName = newUserName();
        JsonNode created = ok(scim.post("Users", user(userName)), 201);
        String id = created.get("id").asText();
        assertThat(created.at("/meta/location").asText()).isEqualTo(running.scim() + "Users/" + id);

        assertThat(ok(scim.get("Users/" + id), 200).get("userName").asText()).isEqualTo(userName);
        JsonNode found = ok(scim.get("Users?filter=" + Http.encode("userName eq \"" + userName + "\"")), 200);
        assertThat(found.get("schemas").get(0).asText()).isEqualTo(LIST);
        assertThat(found.get("totalResults").asInt()).isEqualTo(1);
        assertThat(ok(scim.post("Users/.search", """
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],
                 "filter": "userName eq \\"%s\\""}
                """.formatted(userName)), 200).get("totalResults").asInt()).isEqualTo(1);
        assertThat(ok(scim.post(".search", """
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],
                 "filter": "userName eq \\"%s\\""}
                """.formatted(userName)), 200).get("totalResults").asInt()).isEqualTo(1);

        JsonNode replaced = ok(scim.put("Users/" + id, user(userName).replace("Jensen", "Jensen-Smith")), 200);
        assertThat(replaced.at("/name/familyName").asText()).isEqualTo("Jensen-Smith");
        JsonNode patched = ok(scim.patch("Users/" + id, """
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [{"op": "replace", "path": "active", "value": false}]}
                """), 200);
        assertThat(patched.get("active").asBoolean()).isFalse();

        JsonNode group = ok(scim.post("Groups", """
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "displayName": "Team %s",
                 "members": [{"value": "%s"}]}
                """.formatted(UUID.randomUUID(), id)), 201);
        String groupId = group.get("id").asText();
        assertThat(ok(scim.get("Groups/" + groupId), 200).at("/members/0/value").asText()).isEqualTo(id);
        assertThat(ok(scim.get("Groups?excludedAttributes=members"), 200).get("totalResults").asInt()).isPositive();
        // Group PATCH answers 204, as Entra ID prefers, unless the request asks for attributes back.
        assertThat(scim.patch("Groups/" + groupId, """
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [{"op": "replace", "path": "displayName", "value": "Renamed"}]}
                """).status()).isEqualTo(204);
        assertThat(ok(scim.patch("Groups/" + groupId + "?attributes=displayName", """
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [{"op": "replace", "path": "displayName", "value": "Renamed again"}]}
                """), 200).get("displayName").asText()).isEqualTo("Renamed again");

        JsonNode bulk = ok(scim.post("Bulk", """
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:BulkRequest"], "Operations": [
                  {"method": "POST", "path": "/Users", "bulkId": "u1", "data": %s},
                  {"method": "DELETE", "path": "/Groups/%s"}]}
                """.formatted(user(newUserName()), groupId)), 200);
        assertThat(bulk.findValuesAsText("status")).containsExactly("201", "204");

        assertThat(ok(scim.get("ServiceProviderConfig"), 200).at("/patch/supported").asBoolean()).isTrue();
        assertThat(ok(scim.get("ResourceTypes"), 200).findValuesAsText("endpoint")).contains("/Users", "/Groups");
        assertThat(ok(scim.get("ResourceTypes/User"), 200).get("schemaExtensions").size()).isEqualTo(3);
        assertThat(ok(scim.get("Schemas"), 200).findValuesAsText("id")).contains(SAP);
        assertThat(ok(scim.get("Schemas/" + SAP), 200).get("id").asText()).isEqualTo(SAP);
        isError(scim.get("Me"), 501);

        assertThat(scim.delete("Users/" + id).status()).isEqualTo(204);
        isError(scim.get("Users/" + id), 404);
    }

    @Test
    void everyEndpointAnswersBasicCredentials() {
        everyEndpoint(running.basic(basic));
    }

    @Test
    void everyEndpointAnswersABearerIntegrationToken() {
        everyEndpoint(running.bearer(bearer));
    }

    @Test
    void everyEndpointAnswersAnOAuthToken() {
        everyEndpoint(running.anonymous().bearer(running.token(reporting)));
    }

    @Test
    void aBareTokenWithoutSchemeIsABearerTokenAsOktasHeaderAuthAppSendsIt() {
        Http scim = running.anonymous().with("Authorization", bearer.bearerToken());
        assertThat(ok(scim.get("Users"), 200).get("totalResults").isInt()).isTrue();
        isError(running.anonymous().with("Authorization", bearer.bearerToken() + "x").get("Users"), 401);
    }

    @Test
    void anOversizedTokenRequestIsRefusedWithoutBeingReadWhole() {
        // Twice the limit of 8 KiB. With 64 KiB the client was still sending when the server, having answered
        // without reading the rest, closed the connection, and the reset now and then cut the answer short.
        Reply reply = Http.at(running.root()).post("oauth/token", "grant_type=client_credentials&x="
                + "a".repeat(16 * 1024), "Content-Type", "application/x-www-form-urlencoded");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.json().get("error").asText()).isEqualTo("invalid_request");
    }

    @Test
    void aRequestTheServerCannotParseGetsAScimErrorNotAnHtmlPage() throws Exception {
        for (String request : List.of("GET /scim/v2/Users/%zz HTTP/1.1\r\nHost: x\r\n\r\n",
                "POST /scim/v2/Users HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n")) {
            try (java.net.Socket socket = new java.net.Socket(running.root().getHost(), running.root().getPort())) {
                socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                socket.shutdownOutput();
                String response = new String(socket.getInputStream().readAllBytes(),
                        java.nio.charset.StandardCharsets.UTF_8);
                assertThat(response).startsWith("HTTP/1.1 400").containsIgnoringCase("application/scim+json")
                        .contains("urn:ietf:params:scim:api:messages:2.0:Error").doesNotContain("Exception")
                        .doesNotContain("<h1>");
            }
        }
    }

    @Test
    void aTokenCarriesItsClientsScopes() {
        IssuedClient reader = running.client("acme", "reader", List.of("users:read"));
        Http scim = running.anonymous().bearer(running.token(reader));

        assertThat(ok(scim.get("Users"), 200).get("totalResults").isInt()).isTrue();
        isError(scim.post("Users", user(newUserName())), 403);
        isError(scim.get("Groups"), 403);
    }

    @Test
    void missingOrWrongCredentialsAnswer401WithBothChallenges() {
        String bogusBasic = java.util.Base64.getEncoder().encodeToString(
                (basic.userName() + ":wrong").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        for (Http scim : List.of(running.anonymous(), running.anonymous().bearer("bogus"),
                running.anonymous().bearer(bearer.bearerToken() + "x"),
                running.anonymous().with("Authorization", "Basic " + bogusBasic),
                running.anonymous().with("Authorization", "Basic !!!"),
                running.anonymous().with("Authorization", "Digest username=\"x\""))) {
            for (String path : List.of("Users", "Groups/x", "ServiceProviderConfig", "Schemas", "Bulk")) {
                Reply reply = scim.get(path);
                isError(reply, 401);
                assertThat(reply.headerValues("WWW-Authenticate"))
                        .containsExactly("Basic realm=\"SCIM\", charset=\"UTF-8\"", "Bearer realm=\"SCIM\"");
            }
        }
    }

    @Test
    void anExpiredOrRevokedTokenAnswers401() {
        IssuedClient client = running.client("acme", "expiring", List.of("users:read"));
        String token = running.token(client);
        Http scim = running.anonymous().bearer(token);
        ok(scim.get("Users?count=1"), 200);

        running.clock.advance(Duration.ofHours(24));
        isError(scim.get("Users?count=1"), 401);

        String fresh = running.token(client);
        ok(running.anonymous().bearer(fresh).get("Users?count=1"), 200);
        running.accounts().deleteClient("acme", "expiring");
        isError(running.anonymous().bearer(fresh).get("Users?count=1"), 401);
    }

    @Test
    void aDeletedIntegrationStopsAtOnce() {
        IssuedIntegration doomed = running.integration("acme", "Doomed", AuthType.BEARER);
        ok(running.bearer(doomed).get("Users?count=1"), 200);
        running.accounts().deleteIntegration("acme", "Doomed");
        isError(running.bearer(doomed).get("Users?count=1"), 401);
    }

    @Test
    void anotherTenantsIdsAnswer404AsMissingOnesDo() {
        Http acme = running.bearer(bearer);
        Http other = running.bearer(globex);
        String userName = newUserName();
        String id = ok(acme.post("Users", user(userName)), 201).get("id").asText();

        isError(other.get("Users/" + id), 404);
        isError(other.put("Users/" + id, user(userName)), 404);
        isError(other.delete("Users/" + id), 404);
        assertThat(ok(other.get("Users?filter=" + Http.encode("userName eq \"" + userName + "\"")), 200)
                .get("totalResults").asInt()).isZero();
        // The same userName is free in the other account: uniqueness is per tenant.
        ok(other.post("Users", user(userName)), 201);
        ok(acme.get("Users/" + id), 200);
    }

    @Test
    void theVendorsRulesHoldOverHttp() {
        Http scim = running.bearer(bearer);
        Reply notAnEmail = scim.post("Users", user("not-an-email"));
        isError(notAnEmail, 400);
        assertThat(notAnEmail.json().get("scimType").asText()).isEqualTo("invalidValue");

        JsonNode created = ok(scim.post("Users", user(newUserName())), 201);
        assertThat(created.at("/" + SAP + "/userUuid").asText()).isNotBlank();
        assertThat(created.at("/urn:ietf:params:scim:schemas:extension:walkme:2.0:User/accessRole").asText())
                .isEqualTo("Content Curator");
    }

    @Test
    void theTokenEndpointFollowsRfc6749() {
        Http oauth = Http.at(running.root());
        String form = "application/x-www-form-urlencoded";
        String id = reporting.client().clientId();
        String secret = reporting.clientSecret();

        Reply byForm = oauth.post("oauth/token", "grant_type=client_credentials&client_id=" + Http.encode(id)
                + "&client_secret=" + Http.encode(secret), "Content-Type", form);
        assertThat(byForm.status()).as(byForm.toString()).isEqualTo(200);
        assertThat(byForm.header("Content-Type")).startsWith("application/json");
        assertThat(byForm.header("Cache-Control")).isEqualTo("no-store");
        JsonNode token = byForm.json();
        assertThat(token.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(token.get("expires_in").asLong()).isEqualTo(86_400);
        assertThat(token.get("scope").asText()).isEqualTo(
                "users:read users:write users:delete groups:read groups:write groups:delete");
        assertThat(token.get("access_token").asText()).isNotBlank();

        Reply byBasic = oauth.basic(id, secret).post("oauth/token", "grant_type=client_credentials",
                "Content-Type", form + "; charset=UTF-8");
        assertThat(byBasic.status()).as(byBasic.toString()).isEqualTo(200);
        assertThat(byBasic.json().get("access_token").asText()).isNotEqualTo(token.get("access_token").asText());

        Map<Reply, String> refusals = Map.of(
                oauth.basic(id, "wrong").post("oauth/token", "grant_type=client_credentials", "Content-Type", form),
                "401 invalid_client",
                oauth.post("oauth/token", "grant_type=client_credentials&client_id=" + Http.encode(id)
                        + "&client_secret=wrong", "Content-Type", form), "401 invalid_client",
                oauth.basic(id, secret).post("oauth/token", "grant_type=password", "Content-Type", form),
                "400 unsupported_grant_type",
                oauth.basic(id, secret).post("oauth/token", "scope=users:read", "Content-Type", form),
                "400 invalid_request",
                oauth.basic(id, secret).post("oauth/token", "{\"grant_type\": \"client_credentials\"}",
                        "Content-Type", "application/json"), "400 invalid_request",
                oauth.post("oauth/token", "grant_type=client_credentials", "Content-Type", form),
                "400 invalid_request",
                oauth.basic(id, secret).post("oauth/token", "grant_type=client_credentials&client_secret="
                        + Http.encode(secret), "Content-Type", form), "400 invalid_request",
                oauth.basic(id, secret).post("oauth/token", "grant_type=client_credentials&grant_type="
                        + "client_credentials", "Content-Type", form), "400 invalid_request");
        refusals.forEach((reply, expected) -> {
            assertThat(reply.status() + " " + reply.json().get("error").asText()).as(reply.toString())
                    .isEqualTo(expected);
            assertThat(reply.json().get("error_description").asText()).isNotBlank();
            assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
            if (reply.status() == 401) {
                assertThat(reply.header("WWW-Authenticate")).startsWith("Basic realm=");
            }
        });
    }

    @Test
    void pathsOutsideTheServiceAreNotFound() {
        assertThat(Http.at(running.root()).get("elsewhere").status()).isEqualTo(404);
        assertThat(Http.at(running.root()).get("oauth/token").status()).isEqualTo(405);
    }
}
