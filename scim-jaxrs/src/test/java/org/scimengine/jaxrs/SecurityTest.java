package org.scimengine.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scimengine.jaxrs.Fixture.BULK;
import static org.scimengine.jaxrs.Fixture.ERROR;
import static org.scimengine.jaxrs.Fixture.SEARCH;
import static org.scimengine.jaxrs.Fixture.group;
import static org.scimengine.jaxrs.Fixture.patch;
import static org.scimengine.jaxrs.Fixture.user;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.scimengine.core.error.ScimException;
import org.scimengine.jaxrs.testing.Http;
import org.scimengine.jaxrs.testing.Http.Reply;

/**
 * No credentials, wrong credentials, revoked or expired ones, a missing scope and another tenant, on every
 * endpoint: each answers as RFC 7644 and the identity providers expect, and changes nothing.
 */
class SecurityTest {

    private final Fixture fixture = new Fixture();
    private final String expired = "expired-token";
    /** Seen by a host filter that runs between authentication and dispatch. */
    private final List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** A host filter between the adapter's two: sees the principal before any work, as a rate limit would. */
    @PreMatching
    @Priority(ScimFeature.AUTHENTICATION_PRIORITY + 500)
    public final class Limiter implements ContainerRequestFilter {
        @Override
        public void filter(ContainerRequestContext request) {
            if (request.getSecurityContext().getUserPrincipal() instanceof ScimPrincipal) {
                ScimPrincipal principal = (ScimPrincipal) request.getSecurityContext().getUserPrincipal();
                seen.add(principal.name() + "@" + principal.tenant());
                if (principal.name().equals("limited")) {
                    request.abortWith(Response.status(429).header("Retry-After", "1").build());
                }
            }
        }
    }

    private final String limited = fixture.credentials.issueBearerToken(new ScimPrincipal("limited", "acme",
            Fixture.scopes("read")));

    private final JerseyServer server = new JerseyServer(Fixture.application(ScimFeature.builder(fixture.engine)
            .authenticator(ScimAuthenticator.firstOf(ScimAuthenticator.basic(fixture.credentials),
                    request -> {
                        if (("Bearer " + expired).equals(request.getHeaderString("Authorization"))) {
                            throw new ScimException(401, null, "The bearer token has expired; request a new one.");
                        }
                        return Optional.empty();
                    },
                    ScimAuthenticator.bearer(fixture.credentials)))
            .meResolver(principal -> Optional.of(new MeResolver.Target("User", acmeUser())))
            .build(), new Limiter()), "");
    private final Http anonymous = Http.at(server.baseUri());
    private final Http acme = anonymous.bearer(fixture.acme);
    private final String userId;
    private final String groupId;
    private final String deviceId;
    private final String userVersion;

    SecurityTest() {
        userId = acme.post("Users", user("secure-" + UUID.randomUUID() + "@example.com")).json().get("id").asText();
        groupId = acme.post("Groups", group("Secure")).json().get("id").asText();
        deviceId = acme.post("Devices", "{\"schemas\": [\"" + Fixture.DEVICE + "\"], \"serialNumber\": \"S-"
                + UUID.randomUUID() + "\"}").json().get("id").asText();
        userVersion = acme.get("Users/" + userId).header("ETag");
    }

    private String acmeUser() {
        return userId;
    }

    @AfterAll
    void stop() {
        // Nothing any refused request did changed acme's resources.
        assertThat(acme.get("Users/" + userId).header("ETag")).isEqualTo(userVersion);
        assertThat(acme.get("Groups/" + groupId).status()).isEqualTo(200);
        assertThat(acme.get("Devices/" + deviceId).status()).isEqualTo(200);
        server.close();
    }

    /** A request: method, path with {user}, {group} and {device} placeholders, body or null, action needed. */
    record Call(String method, String path, String body, String scope) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static List<Call> resourceCalls() {
        List<Call> calls = new ArrayList<>();
        for (String[] type : new String[][] {{"Users", "users", "{user}", user("x@example.com")},
                {"Groups", "groups", "{group}", group("x")},
                {"Devices", "devices", "{device}", "{\"schemas\": [\"" + Fixture.DEVICE + "\"], \"serialNumber\": \"x\"}"}}) {
            String endpoint = type[0];
            String scope = type[1];
            String id = type[2];
            calls.add(new Call("GET", endpoint, null, scope + ":read"));
            calls.add(new Call("GET", endpoint + "?filter=" + Http.encode("id pr"), null, scope + ":read"));
            calls.add(new Call("POST", endpoint + "/.search", "{\"schemas\": [\"" + SEARCH + "\"]}", scope + ":read"));
            calls.add(new Call("GET", endpoint + "/" + id, null, scope + ":read"));
            calls.add(new Call("POST", endpoint, type[3], scope + ":write"));
            calls.add(new Call("PUT", endpoint + "/" + id, type[3], scope + ":write"));
            calls.add(new Call("PATCH", endpoint + "/" + id,
                    patch("{\"op\": \"replace\", \"path\": \"externalId\", \"value\": \"x\"}"), scope + ":write"));
            calls.add(new Call("DELETE", endpoint + "/" + id, null, scope + ":delete"));
        }
        calls.add(new Call("POST", ".search", "{\"schemas\": [\"" + SEARCH + "\"]}", "groups:read"));
        calls.add(new Call("POST", "Bulk", "{\"schemas\": [\"" + BULK + "\"], \"Operations\": [{\"method\": \"DELETE\","
                + " \"path\": \"/Users/{user}\"}]}", "users:delete"));
        calls.add(new Call("GET", "Me", null, "users:read"));
        calls.add(new Call("PUT", "Me", user("x@example.com"), "users:write"));
        calls.add(new Call("PATCH", "Me", patch("{\"op\": \"replace\", \"path\": \"externalId\", \"value\": \"x\"}"),
                "users:write"));
        calls.add(new Call("DELETE", "Me", null, "users:delete"));
        return calls;
    }

    static List<Call> discoveryCalls() {
        return List.of(new Call("GET", "ServiceProviderConfig", null, ""), new Call("GET", "ResourceTypes", null, ""),
                new Call("GET", "ResourceTypes/User", null, ""), new Call("GET", "Schemas", null, ""),
                new Call("GET", "Schemas/" + Fixture.USER, null, ""));
    }

    static Stream<Call> everyCall() {
        return Stream.concat(resourceCalls().stream(), discoveryCalls().stream());
    }

    private Reply send(Http client, Call call) {
        String path = call.path().replace("{user}", userId).replace("{group}", groupId).replace("{device}", deviceId);
        String body = call.body() == null ? null
                : call.body().replace("{user}", userId).replace("{group}", groupId).replace("{device}", deviceId);
        return client.send(call.method(), path, body);
    }

    private static JsonNode assertError(Reply reply, int status) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        JsonNode error = reply.json();
        assertThat(error.get("schemas").get(0).asText()).isEqualTo(ERROR);
        assertThat(error.get("status").asText()).isEqualTo(Integer.toString(status));
        assertThat(error.get("detail").asText()).isNotBlank();
        return error;
    }

    @ParameterizedTest
    @MethodSource("everyCall")
    void noCredentialsAnswer401WithChallengesAndAnErrorBody(Call call) {
        Reply reply = send(anonymous, call);

        assertError(reply, 401);
        assertThat(reply.headerValues("WWW-Authenticate"))
                .containsExactly("Basic realm=\"SCIM\", charset=\"UTF-8\"", "Bearer realm=\"SCIM\"");
        assertThat(reply.header("Content-Type")).isEqualTo("application/scim+json");
    }

    static Stream<Arguments> wrongCredentials() {
        List<String> authorizations = List.of(
                "Bearer bogus",
                "Bearer not.the-secret",
                "Basic " + base64("okta-acme:wrong-password"),
                "Basic " + base64("nobody:" + UUID.randomUUID()),
                "Basic !!not-base64!!",
                "Digest username=\"okta-acme\"",
                "Bearer",
                "");
        return everyCall().flatMap(call -> authorizations.stream().map(auth -> Arguments.of(call, auth)));
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @MethodSource("wrongCredentials")
    void wrongCredentialsAnswer401(Call call, String authorization) {
        Reply reply = send(anonymous.with("Authorization", authorization), call);

        assertError(reply, 401);
        assertThat(reply.headerValues("WWW-Authenticate")).hasSize(2);
    }

    @Test
    void aWrongSecretForAKnownIdAnswersLikeAnUnknownId() {
        String tokenId = fixture.acme.substring(0, fixture.acme.indexOf('.'));
        Reply wrongSecret = anonymous.bearer(tokenId + ".wrong").get("Users");
        Reply unknownId = anonymous.bearer("unknown.wrong").get("Users");

        assertThat(wrongSecret.status()).isEqualTo(401);
        assertThat(wrongSecret.body()).isEqualTo(unknownId.body());
    }

    @Test
    void aRevokedTokenAnswers401() {
        String token = fixture.credentials.issueBearerToken(new ScimPrincipal("revoked", "acme", Fixture.scopes("read")));
        assertThat(anonymous.bearer(token).get("Users").status()).isEqualTo(200);

        assertThat(fixture.credentials.removeBearer(token.substring(0, token.indexOf('.')))).isTrue();

        assertError(anonymous.bearer(token).get("Users"), 401);
    }

    @ParameterizedTest
    @MethodSource("everyCall")
    void anExpiredTokenAnswers401WithTheAuthenticatorsDetail(Call call) {
        Reply reply = send(anonymous.bearer(expired), call);

        assertThat(assertError(reply, 401).get("detail").asText()).contains("expired");
        assertThat(reply.headerValues("WWW-Authenticate")).hasSize(2);
    }

    @Test
    void theAuthenticationSchemeIgnoresCase() {
        assertThat(anonymous.with("Authorization", "bearer " + fixture.acme).get("Users").status()).isEqualTo(200);
        assertThat(anonymous.with("Authorization", "BASIC " + base64(fixture.basicUser + ":" + fixture.basicPassword))
                .get("Users").status()).isEqualTo(200);
    }

    @ParameterizedTest
    @MethodSource("resourceCalls")
    void aPrincipalWithoutScopesAnswers403OnEveryResourceEndpoint(Call call) {
        Reply reply = send(anonymous.bearer(fixture.acmeNobody), call);

        assertThat(assertError(reply, 403).get("detail").asText()).contains(":");
    }

    @ParameterizedTest
    @MethodSource("resourceCalls")
    void exactlyTheNamedScopeIsMissing(Call call) {
        String token = fixture.credentials.issueBearerToken(new ScimPrincipal("all-but-one", "acme",
                Fixture.scopesWithout(call.scope())));

        Reply reply = send(anonymous.bearer(token), call);

        assertThat(assertError(reply, 403).get("detail").asText()).contains(call.scope());
    }

    @ParameterizedTest
    @MethodSource("discoveryCalls")
    void discoveryNeedsAuthenticationButNoScope(Call call) {
        assertThat(send(anonymous.bearer(fixture.acmeNobody), call).status()).isEqualTo(200);
    }

    @Test
    void readersReadAndWritersWriteButNeitherDeletes() {
        Http reader = anonymous.bearer(fixture.acmeReader);
        Http writer = anonymous.bearer(fixture.acmeWriter);

        assertThat(reader.get("Users/" + userId).status()).isEqualTo(200);
        assertError(reader.post("Users", user("r@example.com")), 403);
        String created = writer.post("Users", user("w-" + UUID.randomUUID() + "@example.com")).json().get("id").asText();
        assertError(writer.delete("Users/" + created), 403);
        assertThat(acme.delete("Users/" + created).status()).isEqualTo(204);
    }

    @Test
    void aBulkRequestIsRefusedWholeIfAnyOperationIsNotPermitted() {
        String userName = "bulk-refused-" + UUID.randomUUID() + "@example.com";
        Reply reply = anonymous.bearer(fixture.acmeWriter).post("Bulk", """
                {"schemas": ["%s"], "Operations": [
                  {"method": "POST", "path": "/Users", "bulkId": "u", "data": %s},
                  {"method": "DELETE", "path": "/Groups/%s"}]}
                """.formatted(BULK, user(userName), groupId));

        assertThat(assertError(reply, 403).get("detail").asText()).contains("groups:delete");
        assertThat(acme.get("Users?filter=" + Http.encode("userName eq \"" + userName + "\"")).json()
                .get("totalResults").asInt()).isZero();
    }

    @Test
    void bulkMemberNamesInAnyCaseAreAuthorizedAsTheEngineReadsThem() {
        Reply reply = anonymous.bearer(fixture.acmeWriter).post("Bulk", """
                {"SCHEMAS": ["%s"], "operations": [{"METHOD": "delete", "Path": "/groups/%s"}]}
                """.formatted(BULK, groupId));

        assertThat(assertError(reply, 403).get("detail").asText()).contains("groups:delete");
        assertThat(acme.get("Groups/" + groupId).status()).isEqualTo(200);
    }

    @Test
    void aRootSearchNeedsReadOnEveryResourceType() {
        String usersOnly = fixture.credentials.issueBearerToken(new ScimPrincipal("users-only", "acme",
                Set.of("users:read")));
        Http client = anonymous.bearer(usersOnly);

        assertThat(client.get("Users").status()).isEqualTo(200);
        assertThat(assertError(client.post(".search", "{\"schemas\": [\"" + SEARCH + "\"]}"), 403)
                .get("detail").asText()).contains("groups:read");
    }

    static Stream<Call> idCalls() {
        return resourceCalls().stream().filter(call -> call.path().contains("{") && !call.method().equals("POST"));
    }

    @ParameterizedTest
    @MethodSource("idCalls")
    void anotherTenantsIdsAnswer404LikeMissingOnes(Call call) {
        Http globex = anonymous.bearer(fixture.globex);
        Reply other = send(globex, call);
        String missing = UUID.randomUUID().toString();
        Reply absent = globex.send(call.method(), call.path().replaceAll("\\{[a-z]+}", missing),
                call.body() == null ? null : call.body());

        JsonNode error = assertError(other, 404);
        assertError(absent, 404);
        assertThat(error.get("detail").asText().replace(userId, "ID").replace(groupId, "ID").replace(deviceId, "ID"))
                .isEqualTo(absent.json().get("detail").asText().replace(missing, "ID"));
    }

    @Test
    void anotherTenantNeitherListsNorFindsNorReachesAcmesResources() {
        Http globex = anonymous.bearer(fixture.globex);
        String userName = acme.get("Users/" + userId).json().get("userName").asText();

        assertThat(globex.get("Users?filter=" + Http.encode("userName eq \"" + userName + "\"")).json()
                .get("totalResults").asInt()).isZero();
        assertThat(globex.get("Users").json().findValuesAsText("id")).doesNotContain(userId);
        assertThat(globex.post(".search", "{\"schemas\": [\"" + SEARCH + "\"]}").json().findValuesAsText("id"))
                .doesNotContain(userId, groupId, deviceId);
        assertError(globex.get("Me"), 404);

        Reply bulk = globex.post("Bulk", """
                {"schemas": ["%s"], "Operations": [{"method": "DELETE", "path": "/Users/%s"}]}
                """.formatted(BULK, userId));
        assertThat(bulk.status()).isEqualTo(200);
        assertThat(bulk.json().at("/Operations/0/status").asText()).isEqualTo("404");
    }

    @Test
    void aHostFilterBetweenTheAdaptersFiltersSeesThePrincipal() {
        seen.clear();
        assertThat(acme.get("Users").status()).isEqualTo(200);
        assertThat(seen).containsExactly("acme-admin@acme");

        Reply limitedReply = anonymous.bearer(limited).get("Users/" + userId);
        assertThat(limitedReply.status()).isEqualTo(429);
        assertThat(limitedReply.header("Retry-After")).isEqualTo("1");

        seen.clear();
        assertThat(anonymous.get("Users").status()).isEqualTo(401);
        assertThat(seen).isEmpty();
    }
}
