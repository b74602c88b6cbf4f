package org.scimengine.demo.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.scimengine.demo.DatabaseLocation;
import org.scimengine.demo.DemoServer;
import org.scimengine.demo.ServeOptions;
import org.scimengine.demo.account.AccountStore;
import org.scimengine.demo.account.AuthType;
import org.scimengine.demo.account.IssuedClient;
import org.scimengine.demo.account.IssuedIntegration;
import org.scimengine.demo.account.Scopes;
import org.scimengine.demo.testing.MutableClock;
import org.scimengine.jaxrs.testing.Http;

/**
 * A demo served over HTTP on a free loopback port, on a clock the test moves, with a fresh data directory (users
 * and groups in memory unless a database is given): started as {@code serve} starts it, except that it stops at
 * once.
 */
final class RunningDemo implements AutoCloseable {

    static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";
    static final String LIST = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
    static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    static final String SAP = "urn:ietf:params:scim:schemas:extension:sap:2.0:User";

    final MutableClock clock = MutableClock.atNewYear();
    final Path data;
    final DemoServer demo;
    final JerseyHttpServer server;

    RunningDemo() {
        this(1_000_000, 1_000_000, Map.of());
    }

    RunningDemo(int rate, int burst, Map<String, String> environment) {
        this(rate, burst, environment, DatabaseLocation.MEMORY);
    }

    /** @param db what {@code --db} takes, with a fresh data directory; null for its default, a SQLite file */
    RunningDemo(int rate, int burst, Map<String, String> environment, @Nullable String db) {
        try {
            data = Files.createTempDirectory("scim-demo-http");
            demo = DemoServer.assemble(new ServeOptions("127.0.0.1", 0, DatabaseLocation.parse(db, data), rate,
                    burst), environment, clock);
            server = JerseyHttpServer.start(demo, JerseyHttpServer.application(demo), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    AccountStore accounts() {
        return demo.accounts();
    }

    /** The SCIM base URI, ending in {@code /}. */
    URI scim() {
        return URI.create(server.baseUri() + "/");
    }

    /** The server's root, ending in {@code /}. */
    URI root() {
        return server.baseUri().resolve("/");
    }

    /** A client with no credentials. */
    Http anonymous() {
        return Http.at(scim());
    }

    IssuedIntegration integration(String account, String name, AuthType auth) {
        return accounts().createIntegration(account, name, auth, Scopes.ALL);
    }

    Http basic(IssuedIntegration integration) {
        return anonymous().basic(integration.userName(), integration.password());
    }

    Http bearer(IssuedIntegration integration) {
        return anonymous().bearer(integration.bearerToken());
    }

    IssuedClient client(String account, String name, List<String> scopes) {
        return accounts().createClient(account, name, scopes);
    }

    /** A token of a client, bought at /oauth/token with the client's id and secret in the form. */
    String token(IssuedClient client) {
        Http.Reply reply = Http.at(root()).post("oauth/token", "grant_type=client_credentials&client_id="
                + Http.encode(client.client().clientId()) + "&client_secret=" + Http.encode(client.clientSecret()),
                "Content-Type", "application/x-www-form-urlencoded");
        if (reply.status() != 200) {
            throw new IllegalStateException("no token: " + reply);
        }
        return reply.json().get("access_token").asText();
    }

    @Override
    public void close() {
        server.close();
        demo.close();
    }
}
