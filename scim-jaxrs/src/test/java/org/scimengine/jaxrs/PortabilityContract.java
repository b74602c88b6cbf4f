package org.scimengine.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scimengine.jaxrs.Fixture.ERROR;
import static org.scimengine.jaxrs.Fixture.patch;
import static org.scimengine.jaxrs.Fixture.user;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.scimengine.jaxrs.testing.Http;
import org.scimengine.jaxrs.testing.Http.Reply;

/**
 * The same plain {@link Application} (the feature beside a host's own resources) deployed under a custom path in
 * a JAX-RS runtime: the SCIM behaviour is the runtime's no matter which, and the host's resources keep working.
 * Each runtime's test supplies {@link #deploy(Application, String)}.
 */
abstract class PortabilityContract {

    /** A host resource beside the feature. */
    @Path("health")
    public static final class Health {
        @GET
        @Produces("text/plain")
        public String get() {
            return "ok";
        }
    }

    /** A host resource that answers through an exception carrying its own response. */
    @Path("teapot")
    public static final class Teapot {
        @GET
        public String get() {
            throw new WebApplicationException(Response.status(418).entity("short and stout").type("text/plain")
                    .build());
        }
    }

    /** A running deployment. */
    interface Deployment extends AutoCloseable {
        /** The application's base URI, ending in {@code /}. */
        URI baseUri();

        @Override
        void close();
    }

    /**
     * Deploys an application at a context path (such as {@code tenant-app/api}) on a free port.
     */
    protected abstract Deployment deploy(Application application, String contextPath);

    private final Fixture fixture = new Fixture();
    /** At the application's root. */
    private final Deployment atRoot;
    /** Under a base path of its own, beside resources outside it. */
    private final Deployment underBasePath;

    protected PortabilityContract() {
        atRoot = deploy(Fixture.application(fixture.feature().noContentOnPatch("Group").build(), new Health(),
                new Teapot()), "tenant-app/api");
        underBasePath = deploy(Fixture.application(fixture.feature().basePath("/scim/v2/").build(), new Health()),
                "app");
    }

    @AfterAll
    void stop() {
        atRoot.close();
        underBasePath.close();
    }

    private Http scim() {
        return Http.at(atRoot.baseUri()).bearer(fixture.acme);
    }

    private static JsonNode assertError(Reply reply, int status) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/scim+json");
        assertThat(reply.json().get("schemas").get(0).asText()).isEqualTo(ERROR);
        assertThat(reply.json().get("status").asText()).isEqualTo(Integer.toString(status));
        return reply.json();
    }

    @Test
    void theFeatureServesUnderTheApplicationsPath() {
        assertThat(atRoot.baseUri().getPath()).isEqualTo("/tenant-app/api/");
        Reply created = scim().post("Users", user("portable-" + UUID.randomUUID() + "@example.com"));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Content-Type")).isEqualTo("application/scim+json");
        String id = created.json().get("id").asText();
        assertThat(created.header("Location")).isEqualTo(atRoot.baseUri() + "Users/" + id);
        assertThat(created.json().at("/meta/location").asText()).isEqualTo(atRoot.baseUri() + "Users/" + id);

        Reply fetched = scim().get("Users/" + id);
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.header("ETag")).isEqualTo(created.header("ETag"));
        assertThat(scim().get("Users/" + id, "If-None-Match", created.header("ETag")).status()).isEqualTo(304);

        Reply patched = scim().patch("Users/" + id, patch("{\"op\": \"replace\", \"path\": \"active\", \"value\": false}"),
                "Content-Type", "application/json; charset=utf-8");
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().get("active").asBoolean()).isFalse();
        assertThat(scim().put("Users/" + id, user("x@example.com"), "If-Match", created.header("ETag")).status())
                .isEqualTo(412);

        String group = scim().post("Groups", Fixture.group("Portable")).json().get("id").asText();
        Reply noContent = scim().patch("Groups/" + group, patch("""
                {"op": "add", "path": "members", "value": [{"value": "%s"}]}""".formatted(id)));
        assertThat(noContent.status()).isEqualTo(204);
        assertThat(noContent.header("ETag")).isNotBlank();

        JsonNode list = scim().get("Users?filter=" + Http.encode("id eq \"" + id + "\"") + "&count=5").json();
        assertThat(list.get("totalResults").isInt()).isTrue();
        assertThat(list.get("totalResults").asInt()).isEqualTo(1);
        assertThat(scim().delete("Users/" + id).status()).isEqualTo(204);
        assertError(scim().get("Users/" + id), 404);
    }

    @Test
    void discoveryAndNegotiationBehaveTheSame() {
        Reply configReply = scim().get("ServiceProviderConfig");
        JsonNode config = configReply.json();
        assertThat(config.at("/meta/location").asText()).isEqualTo(atRoot.baseUri() + "ServiceProviderConfig");
        // Single discovery documents carry an ETag like every single-resource response; it is stable.
        assertThat(configReply.header("ETag")).startsWith("W/\"")
                .isEqualTo(scim().get("ServiceProviderConfig").header("ETag"));
        assertThat(scim().get("ResourceTypes/User").header("ETag")).startsWith("W/\"");
        assertThat(scim().get("Schemas").json().get("totalResults").asInt()).isEqualTo(4);
        assertThat(scim().get("Schemas", "Accept", "application/json").header("Content-Type"))
                .isEqualTo("application/json");
        assertError(scim().get("Schemas", "Accept", "text/html"), 406);
        assertError(scim().get("Schemas?filter=" + Http.encode("id pr")), 403);
    }

    @Test
    void errorsAreScimBodiesInEveryRuntime() {
        Reply unauthenticated = Http.at(atRoot.baseUri()).get("Users");
        assertError(unauthenticated, 401);
        assertThat(unauthenticated.headerValues("WWW-Authenticate")).hasSize(2);

        assertThat(assertError(scim().post("Users", "{\"userName\": "), 400).get("scimType").asText())
                .isEqualTo("invalidSyntax");
        assertThat(assertError(scim().get("Users?count=abc"), 400).get("scimType").asText())
                .isEqualTo("invalidValue");
        assertError(scim().post("Users", user("x@example.com"), "Content-Type", "text/plain"), 415);
        assertError(scim().post("Users", user("x@example.com") + " ".repeat(1_100_000)), 413);
        Reply notAllowed = scim().send("PUT", "Users", "{}");
        assertError(notAllowed, 405);
        assertThat(notAllowed.header("Allow")).contains("POST");
        assertError(scim().get("Users/1/2"), 404);
        assertError(scim().get("Me"), 501);
        // A path the feature does not serve, through the runtime's own 404.
        assertError(Http.at(atRoot.baseUri()).get("no/such/path"), 404);
    }

    @Test
    void theHostsOwnResourcesKeepWorking() {
        Reply health = Http.at(atRoot.baseUri()).get("health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("ok");

        Reply teapot = Http.at(atRoot.baseUri()).get("teapot");
        assertThat(teapot.status()).isEqualTo(418);
        assertThat(teapot.body()).isEqualTo("short and stout");

        Reply wrongMethod = Http.at(atRoot.baseUri()).send("DELETE", "health", (String) null);
        assertThat(wrongMethod.status()).isEqualTo(405);
    }

    @Test
    void aBasePathMountsTheServiceBelowTheApplication() {
        Http scim = Http.at(underBasePath.baseUri().resolve("scim/v2/")).bearer(fixture.acme);

        Reply created = scim.post("Users", user("based-" + UUID.randomUUID() + "@example.com"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).startsWith(underBasePath.baseUri() + "scim/v2/Users/");
        assertThat(scim.get("ResourceTypes/User").json().at("/meta/location").asText())
                .isEqualTo(underBasePath.baseUri() + "scim/v2/ResourceTypes/User");

        // Everything below the base path is the service's: authenticated first, then 404.
        assertError(Http.at(scim.base()).get("Nope"), 401);
        assertError(scim.get("Nope"), 404);
        assertError(scim.get(""), 404);
        // Outside it, the application's own resources; the service's names mean nothing there.
        assertThat(Http.at(underBasePath.baseUri()).get("health").body()).isEqualTo("ok");
        assertThat(Http.at(underBasePath.baseUri()).bearer(fixture.acme).get("Users").status()).isEqualTo(404);
    }
}
