package org.scimengine.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scimengine.jaxrs.Fixture.BULK;
import static org.scimengine.jaxrs.Fixture.ERROR;
import static org.scimengine.jaxrs.Fixture.user;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.scimengine.jaxrs.testing.Http;
import org.scimengine.jaxrs.testing.Http.Reply;

/**
 * What a client gets wrong, and what fails inside, answered as RFC 7644 error bodies: media types, malformed JSON,
 * sizes, query parameters, unknown paths and methods, discovery filters, unexpected failures.
 */
class ProtocolErrorsTest {

    private static final String SECRET = "do-not-leak-this-internal-detail";

    /** A host resource that fails with an exception the runtime knows nothing about. */
    @Path("host/broken")
    public static final class Broken {
        @GET
        public String get() {
            throw new IllegalStateException(SECRET);
        }
    }

    /** A host resource that calls the engine itself and lets its ScimException escape. */
    @Path("host/engine")
    public static final class EngineCaller {
        private final org.scimengine.core.ScimEngine engine;

        EngineCaller(org.scimengine.core.ScimEngine engine) {
            this.engine = engine;
        }

        @GET
        public String get() {
            return engine.get(org.scimengine.core.RequestContext.of("acme", "http://localhost"), "User", "missing",
                    org.scimengine.core.AttributeSelection.DEFAULT).id();
        }
    }

    private final Fixture fixture = new Fixture();
    private final JerseyServer server = new JerseyServer(Fixture.application(fixture.feature()
            .maxRequestBodySize(16 * 1024)
            .meResolver(principal -> {
                throw new IllegalStateException(SECRET);
            })
            .build(), new Broken(), new EngineCaller(fixture.engine)), "");
    private final Http http = Http.at(server.baseUri()).bearer(fixture.acme);

    @AfterAll
    void stop() {
        server.close();
    }

    /** An RFC 7644 §3.12 error body with this status, and nothing internal in it. */
    private static JsonNode assertError(Reply reply, int status) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/scim+json");
        JsonNode error = reply.json();
        assertThat(error.get("schemas").get(0).asText()).isEqualTo(ERROR);
        assertThat(error.get("status").asText()).isEqualTo(Integer.toString(status));
        assertThat(error.get("detail").asText()).isNotBlank();
        assertThat(reply.body()).doesNotContain(SECRET, "Exception", "org.scimengine", "jakarta.", "\tat ");
        return error;
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/scim+json", "application/json", "application/scim+json; charset=utf-8",
            "application/json;charset=UTF-8", "APPLICATION/SCIM+JSON"})
    void bothJsonMediaTypesAreAcceptedWithAnyCharsetSpelling(String contentType) {
        Reply reply = http.post("Users", user("type-" + UUID.randomUUID() + "@example.com"), "Content-Type",
                contentType);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    }

    @Test
    void aBodyInAnotherCharsetIsDecodedWithIt() {
        String userName = "latin-" + UUID.randomUUID() + "@example.com";
        byte[] body = user(userName).replace("Ann", "Zoë").getBytes(StandardCharsets.ISO_8859_1);

        Reply reply = http.send("POST", "Users", body, "Content-Type", "application/scim+json; charset=ISO-8859-1");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(reply.json().at("/name/givenName").asText()).isEqualTo("Zoë");
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/xml", "application/x-www-form-urlencoded",
            "application/scim+json; charset=no-such-charset", "not a media type"})
    void otherMediaTypesAnswer415(String contentType) {
        assertError(http.post("Users", user("x@example.com"), "Content-Type", contentType), 415);
    }

    @Test
    void responsesAreScimJsonUnlessTheClientOnlyAcceptsJson() {
        assertThat(http.get("ServiceProviderConfig").header("Content-Type")).isEqualTo("application/scim+json");
        assertThat(http.get("ServiceProviderConfig", "Accept", "*/*").header("Content-Type"))
                .isEqualTo("application/scim+json");
        assertThat(http.get("ServiceProviderConfig", "Accept", "application/scim+json, application/json;q=0.5")
                .header("Content-Type")).isEqualTo("application/scim+json");
        Reply json = http.get("ServiceProviderConfig", "Accept", "application/json");
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.header("Content-Type")).isEqualTo("application/json");
        assertThat(http.get("Users/missing", "Accept", "application/json").header("Content-Type"))
                .isEqualTo("application/json");

        assertError(http.get("ServiceProviderConfig", "Accept", "text/html"), 406);
        assertError(http.get("Users/missing", "Accept", "text/html"), 406);
        // An Accept header that does not parse: answered in the default type rather than refused.
        assertThat(http.get("ServiceProviderConfig", "Accept", "a/b/c;;=").header("Content-Type"))
                .isEqualTo("application/scim+json");
        assertError(http.get("ServiceProviderConfig", "Accept", "application/scim+json;q=0"), 406);
    }

    static Stream<Arguments> malformedBodies() {
        return Stream.of(
                Arguments.of("{\"schemas\": [", "line 1"),
                Arguments.of("{\"userName\": \"a\"} trailing", "line 1"),
                Arguments.of("{\"userName\": \"a\", \"userName\": \"b\"}", "userName"),
                Arguments.of("", "empty"),
                Arguments.of("nonsense", "line 1"),
                Arguments.of("[".repeat(1_500) + "]".repeat(1_500), "nesting depth"));
    }

    @ParameterizedTest
    @MethodSource("malformedBodies")
    void malformedJsonAnswers400InvalidSyntax(String body, String detailMentions) {
        JsonNode error = assertError(http.post("Users", body), 400);

        assertThat(error.get("scimType").asText()).isEqualTo("invalidSyntax");
        assertThat(error.get("detail").asText()).contains(detailMentions).doesNotContain("`")
                .doesNotContain("StreamReadConstraints");
    }

    @Test
    void malformedJsonInEveryBodyAnswers400() {
        String id = http.post("Users", user("body-" + UUID.randomUUID() + "@example.com")).json().get("id").asText();
        for (String[] request : new String[][] {{"PUT", "Users/" + id}, {"PATCH", "Users/" + id},
                {"POST", "Users/.search"}, {"POST", ".search"}, {"POST", "Bulk"}}) {
            JsonNode error = assertError(http.send(request[0], request[1], "{,}"), 400);
            assertThat(error.get("scimType").asText()).isEqualTo("invalidSyntax");
        }
    }

    @Test
    void aBodyAboveTheLimitAnswers413() {
        String big = user("big@example.com").replace("\"active\": true",
                "\"active\": true, \"nickName\": \"" + "x".repeat(17 * 1024) + "\"");

        assertError(http.post("Users", big), 413);
        assertError(http.postChunked("Users", big.getBytes(StandardCharsets.UTF_8)), 413);
    }

    @Test
    void bulkIsLimitedByTheEnginesMaxPayloadSizeNotTheFeatures() {
        // Above the feature's 16 KiB, below the engine's 64 KiB Bulk maximum: accepted.
        String operations = "{\"method\": \"POST\", \"path\": \"/Users\", \"bulkId\": \"1\", \"data\": "
                + user("bulk-" + UUID.randomUUID() + "@example.com").replace("\"active\": true",
                        "\"active\": true, \"nickName\": \"" + "x".repeat(20 * 1024) + "\"") + "}";
        Reply accepted = http.post("Bulk", "{\"schemas\": [\"" + BULK + "\"], \"Operations\": [" + operations + "]}");
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);

        String tooBig = "{\"schemas\": [\"" + BULK + "\"], \"Operations\": [" + operations + ", " + operations + ", "
                + operations + ", " + operations + "]}";
        assertError(http.post("Bulk", tooBig), 413);
    }

    @ParameterizedTest
    @ValueSource(strings = {"count=abc", "startIndex=one", "count=1.5", "startIndex=", "count=1&count=2",
            "count=1&COUNT=2"})
    void malformedQueryParametersAnswer400InvalidValue(String query) {
        Reply reply = http.get("Users?" + query);
        if (query.equals("startIndex=")) {
            // An empty parameter is an absent one.
            assertThat(reply.status()).isEqualTo(200);
            return;
        }
        assertThat(assertError(reply, 400).get("scimType").asText()).isEqualTo("invalidValue");
    }

    @Test
    void queryParameterNamesIgnoreCaseAndHugeCountsAreClamped() {
        JsonNode list = http.get("Users?COUNT=99999999999999&startindex=1").json();

        assertThat(list.get("startIndex").asInt()).isEqualTo(1);
        assertThat(list.get("itemsPerPage").asInt()).isLessThanOrEqualTo(1_000);
    }

    @Test
    void badFiltersAndSortsAnswerTheEnginesErrors() {
        assertThat(assertError(http.get("Users?filter=" + Http.encode("userName eq")), 400).get("scimType").asText())
                .isEqualTo("invalidFilter");
        assertThat(assertError(http.get("Users?filter=" + Http.encode("nope eq 1")), 400).get("scimType").asText())
                .isEqualTo("invalidFilter");
        assertError(http.get("Users?cursor=garbage"), 400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Nope", "Nope/1", "Users/1/extra", "Schemas/a/b", "ResourceTypes/User/x",
            "Bulk/1", "Me/1", ".search/x", "ServiceProviderConfig/x"})
    void unknownPathsAnswer404(String path) {
        assertError(http.get(path), 404);
    }

    @Test
    void unknownResourcesAnswer404() {
        assertError(http.get("Users/" + UUID.randomUUID()), 404);
        assertError(http.get("Schemas/urn:nope"), 404);
        assertError(http.get("ResourceTypes/Nope"), 404);
    }

    static Stream<Arguments> wrongMethods() {
        return Stream.of(
                Arguments.of("PUT", "Users", "GET, POST, OPTIONS"),
                Arguments.of("DELETE", "Users", "GET, POST, OPTIONS"),
                Arguments.of("POST", "Users/1", "GET, PUT, PATCH, DELETE, HEAD, OPTIONS"),
                Arguments.of("GET", "Users/.search", "POST, OPTIONS"),
                Arguments.of("GET", ".search", "POST, OPTIONS"),
                Arguments.of("GET", "Bulk", "POST, OPTIONS"),
                Arguments.of("DELETE", "ServiceProviderConfig", "GET, HEAD, OPTIONS"),
                Arguments.of("POST", "Schemas", "GET, HEAD, OPTIONS"),
                Arguments.of("PATCH", "ResourceTypes/User", "GET, HEAD, OPTIONS"));
    }

    @ParameterizedTest
    @MethodSource("wrongMethods")
    void wrongMethodsAnswer405WithAllow(String method, String path, String allow) {
        Reply reply = http.send(method, path, method.equals("GET") || method.equals("DELETE") ? null : "{}");

        assertError(reply, 405);
        assertThat(reply.header("Allow")).contains(allow.split(", ")[0]);
    }

    @Test
    void allowListsTheMethodsOfTheCollection() {
        assertThat(http.send("PUT", "Users", "{}").header("Allow")).isEqualTo("GET, POST, HEAD, OPTIONS");
    }

    @Test
    void discoveryEndpointsAnswerTheirDocumentsWithLocationsFromTheBaseUri() {
        JsonNode config = http.get("ServiceProviderConfig").json();
        assertThat(config.at("/patch/supported").asBoolean()).isTrue();
        assertThat(config.at("/bulk/maxPayloadSize").asInt()).isEqualTo(Fixture.BULK_MAX_PAYLOAD);
        assertThat(config.at("/meta/location").asText()).isEqualTo(server.baseUri() + "ServiceProviderConfig");

        JsonNode types = http.get("ResourceTypes").json();
        assertThat(types.get("totalResults").asInt()).isEqualTo(3);
        assertThat(types.findValuesAsText("endpoint")).containsExactly("/Users", "/Groups", "/Devices");
        assertThat(http.get("ResourceTypes/Device").json().at("/meta/location").asText())
                .isEqualTo(server.baseUri() + "ResourceTypes/Device");

        JsonNode schemas = http.get("Schemas").json();
        assertThat(schemas.findValuesAsText("id")).contains(Fixture.USER, Fixture.GROUP, Fixture.DEVICE);
        JsonNode user = http.get("Schemas/" + Fixture.USER).json();
        assertThat(user.get("id").asText()).isEqualTo(Fixture.USER);
        assertThat(user.at("/meta/location").asText()).isEqualTo(server.baseUri() + "Schemas/" + Fixture.USER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ServiceProviderConfig", "ResourceTypes", "Schemas", "ResourceTypes/User",
            "Schemas/" + Fixture.USER})
    void aFilterOnADiscoveryEndpointAnswers403(String path) {
        assertError(http.get(path + "?filter=" + Http.encode("name eq \"User\"")), 403);
    }

    @Test
    void meWithoutAResolverAnswers501() {
        try (JerseyServer plain = new JerseyServer(Fixture.application(fixture.feature().build()), "")) {
            Http client = Http.at(plain.baseUri()).bearer(fixture.acme);
            for (String method : new String[] {"GET", "PUT", "PATCH", "DELETE", "POST"}) {
                assertError(client.send(method, "Me", method.equals("GET") || method.equals("DELETE") ? null : "{}"),
                        501);
            }
        }
    }

    @Test
    void anUnexpectedFailureAnswersAGeneric500AndLeaksNothing() {
        JsonNode error = assertError(http.get("Me"), 500);
        assertThat(error.has("scimType")).isFalse();

        assertError(http.get("host/broken"), 500);
    }

    @Test
    void aScimExceptionFromAHostResourceBecomesItsErrorBody() {
        JsonNode error = assertError(Http.at(server.baseUri()).get("host/engine"), 404);
        assertThat(error.get("detail").asText()).contains("missing");

        Reply json = Http.at(server.baseUri()).get("host/engine", "Accept", "application/json");
        assertThat(json.status()).isEqualTo(404);
        assertThat(json.header("Content-Type")).isEqualTo("application/json");
        assertThat(json.json().get("schemas").get(0).asText()).isEqualTo(ERROR);
    }

    @Test
    void aFailingAuthenticatorAnswersAGeneric500() {
        ScimAuthenticator broken = request -> {
            throw new IllegalStateException(SECRET);
        };
        try (JerseyServer failing = new JerseyServer(Fixture.application(
                ScimFeature.builder(fixture.engine).authenticator(broken).build()), "")) {
            assertError(Http.at(failing.baseUri()).get("Users"), 500);
        }
    }

    @Test
    void anAuthenticatorMayAnswerItsOwnError() {
        ScimAuthenticator limited = request -> {
            throw new org.scimengine.core.error.ScimException(429, null, "Too many requests; retry in a second.");
        };
        try (JerseyServer server429 = new JerseyServer(Fixture.application(
                ScimFeature.builder(fixture.engine).authenticator(limited).build()), "")) {
            Reply reply = Http.at(server429.baseUri()).get("Users");
            assertThat(assertError(reply, 429).get("detail").asText()).contains("retry");
            assertThat(reply.header("WWW-Authenticate")).isNull();
        }
    }

    @Test
    void theEnginesPreconditionAndUniquenessErrorsKeepTheirStatus() {
        String userName = "unique-" + UUID.randomUUID() + "@example.com";
        assertThat(http.post("Users", user(userName)).status()).isEqualTo(201);

        JsonNode conflict = assertError(http.post("Users", user(userName.toUpperCase(java.util.Locale.ROOT))), 409);
        assertThat(conflict.get("scimType").asText()).isEqualTo("uniqueness");
        assertThat(Optional.ofNullable(conflict.get("detail")).map(JsonNode::asText).orElse("")).isNotBlank();
    }
}
