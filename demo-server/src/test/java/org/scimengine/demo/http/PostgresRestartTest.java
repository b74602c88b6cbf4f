package org.scimengine.demo.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scimengine.demo.account.AuthType;
import org.scimengine.demo.account.IssuedClient;
import org.scimengine.demo.account.IssuedIntegration;
import org.scimengine.demo.account.Scopes;
import org.scimengine.demo.cli.Cli;
import org.scimengine.demo.testing.PostgresDatabase;
import org.scimengine.jaxrs.testing.Http;

/**
 * The demo on PostgreSQL, in a database created for each test. The URL carries a password parameter (the test
 * server trusts local connections and ignores it), which the start-up lines must not show.
 */
class PostgresRestartTest extends RestartContract {

    private static final String PASSWORD = "not-a-real-password-but-never-printed";

    private PostgresDatabase postgres;

    @BeforeEach
    void createDatabase() {
        postgres = PostgresDatabase.create();
    }

    @AfterEach
    void dropDatabase() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Override
    String db() {
        return postgres.url() + "&password=" + PASSWORD;
    }

    @Override
    String described() {
        return "PostgreSQL " + postgres.url() + "&password=***";
    }

    @Test
    void serversOnOneDatabaseShareUsersGroupsCredentialsAndTokens() throws Exception {
        Serving a = serve();
        Serving b = serve();
        try {
            assertThat(a.out() + b.out()).doesNotContain(PASSWORD);
            // Created through a's database handle, as the command line would: b sees it at once.
            IssuedIntegration integration;
            IssuedClient client;
            try (RunningDemo admin = new RunningDemo(1_000, 1_000, Map.of(), db())) {
                integration = admin.integration("acme", "Entra", AuthType.BEARER);
                client = admin.client("acme", "reporting", Scopes.ALL);
            }
            String userId = ok(a.bearer(integration.bearerToken()).post("Users", DemoHttpTest.user(
                    "shared@example.com")), 201).get("id").asText();
            assertThat(ok(b.bearer(integration.bearerToken()).get("Users/" + userId), 200).get("userName").asText())
                    .isEqualTo("shared@example.com");
            // Unique values hold across the servers.
            assertThat(b.bearer(integration.bearerToken()).post("Users", DemoHttpTest.user("SHARED@example.com"))
                    .status()).isEqualTo(409);

            String token = token(a, client.client().clientId(), client.clientSecret());
            Http onB = b.bearer(token);
            ok(onB.post("Groups", """
                    {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "displayName": "Shared",
                     "members": [{"value": "%s"}]}
                    """.formatted(userId)), 201);
            assertThat(ok(a.bearer(token).get("Users/" + userId), 200).at("/groups/0/display").asText())
                    .isEqualTo("Shared");
        } finally {
            assertThat(a.stop()).isEqualTo(Cli.OK);
            assertThat(b.stop()).isEqualTo(Cli.OK);
        }
        assertThat(a.out()).contains("Users, groups, integrations, API clients and tokens: " + described());
    }
}
