package org.scimengine.demo.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scimengine.demo.HttpServer;
import org.scimengine.demo.account.AuthType;
import org.scimengine.demo.account.IssuedClient;
import org.scimengine.demo.cli.Cli;
import org.scimengine.jaxrs.testing.Http;

/**
 * The demo on a database, as an operator runs it: integrations and a client created with the command line, then
 * {@code serve}, stopped and served again on the same database. Each subclass names a database with what
 * {@code --db} takes.
 */
abstract class RestartContract {

    @TempDir
    Path data;

    private final Clock clock = Clock.systemUTC();

    /** What {@code --db} is given, empty at the start of each test; null for the default database. */
    abstract @Nullable String db();

    /** How the start-up lines name the database. */
    abstract String described();

    /** {@code --db} and {@code --data}, as every command takes them. */
    private String[] where() {
        String db = db();
        return db == null ? new String[] {"--data", data.toString()}
                : new String[] {"--db", db, "--data", data.toString()};
    }

    /** A command of the command line, on the test's database; its output, after checking it succeeded. */
    private String command(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(where()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        HttpServer.Launcher none = demo -> {
            throw new IOException("not for serve");
        };
        int status = Cli.run(all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), clock, none);
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(Cli.OK);
        return out.toString(StandardCharsets.UTF_8);
    }

    Serving serve() throws Exception {
        return Serving.start(Map.of(), clock, where());
    }

    static String field(String output, String label) {
        Matcher matcher = Pattern.compile("^\\s*" + Pattern.quote(label) + ":\\s+(\\S.*)$", Pattern.MULTILINE)
                .matcher(output);
        assertThat(matcher.find()).as("'%s' in:%n%s", label, output).isTrue();
        return matcher.group(1).strip();
    }

    static String token(Serving serving, String clientId, String secret) {
        Http.Reply reply = Http.at(serving.root()).basic(clientId, secret).post("oauth/token",
                "grant_type=client_credentials", "Content-Type", "application/x-www-form-urlencoded");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json().get("access_token").asText();
    }

    static JsonNode ok(Http.Reply reply, int status) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        return reply.json();
    }

    @Test
    void usersGroupsMembershipCredentialsAndTokensOutliveARestart() throws Exception {
        String bearer = field(command("integrations", "create", "--account", "acme", "--name", "Entra", "--auth",
                "bearer"), "Bearer token");
        String basic = command("integrations", "create", "--account", "acme", "--name", "Okta", "--auth", "basic");
        String client = command("clients", "create", "--account", "acme", "--name", "reporting", "--scopes",
                "users:read,groups:read");
        String clientId = field(client, "Client ID");
        String clientSecret = field(client, "Client secret");

        Serving first = serve();
        Http scim = first.bearer(bearer);
        String userId = ok(scim.post("Users", DemoHttpTest.user("ada@example.com")), 201).get("id").asText();
        String groupId = ok(scim.post("Groups", """
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "displayName": "Engineering",
                 "members": [{"value": "%s"}]}
                """.formatted(userId)), 201).get("id").asText();
        String oauth = token(first, clientId, clientSecret);
        assertThat(first.bearer(oauth).get("Users/" + userId).status()).isEqualTo(200);
        assertThat(first.stop()).isEqualTo(Cli.OK);
        assertThat(first.out()).contains("Users, groups, integrations, API clients and tokens: " + described()
                + " (2 integrations, 1 API client)");

        Serving second = serve();
        try {
            Http again = second.bearer(bearer);
            JsonNode user = ok(again.get("Users/" + userId), 200);
            assertThat(user.get("userName").asText()).isEqualTo("ada@example.com");
            assertThat(user.at("/groups/0/value").asText()).isEqualTo(groupId);
            assertThat(ok(again.get("Groups/" + groupId), 200).at("/members/0/value").asText()).isEqualTo(userId);
            assertThat(ok(again.get("Users?filter=" + Http.encode("userName eq \"ADA@example.com\"")), 200)
                    .get("totalResults").asInt()).isEqualTo(1);
            Http okta = Http.at(second.scim()).basic(field(basic, "Username"), field(basic, "Password"));
            assertThat(ok(okta.get("Groups/" + groupId), 200).get("displayName").asText()).isEqualTo("Engineering");
            // The OAuth token issued before the restart still works, with its client's scopes only.
            assertThat(second.bearer(oauth).get("Users/" + userId).status()).isEqualTo(200);
            assertThat(second.bearer(oauth).post("Users", DemoHttpTest.user("bob@example.com")).status())
                    .isEqualTo(403);
            assertThat(second.bearer(oauth + "x").get("Users/" + userId).status()).isEqualTo(401);
        } finally {
            assertThat(second.stop()).isEqualTo(Cli.OK);
        }
    }

    @Test
    void tokensAndUsersWrittenAtOnceFromManyThreadsAllSucceed() throws Exception {
        try (RunningDemo running = new RunningDemo(1_000_000, 1_000_000, Map.of(), db())) {
            Http scim = running.bearer(running.integration("acme", "Load", AuthType.BEARER));
            IssuedClient client = running.client("acme", "reporting", List.of("users:read"));
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<List<String>>> work = new ArrayList<>();
                for (int thread = 0; thread < 8; thread++) {
                    boolean issuing = thread % 2 == 0;
                    int number = thread;
                    work.add(pool.submit(() -> {
                        List<String> done = new ArrayList<>();
                        for (int i = 0; i < 25; i++) {
                            if (issuing) {
                                done.add(running.token(client));
                            } else {
                                Http.Reply created = scim.post("Users", DemoHttpTest.user("load-" + number + "-" + i
                                        + "@example.com"));
                                assertThat(created.status()).as(created.toString()).isEqualTo(201);
                                done.add(created.json().get("id").asText());
                            }
                        }
                        return done;
                    }));
                }
                for (int thread = 0; thread < work.size(); thread++) {
                    List<String> done = work.get(thread).get(120, TimeUnit.SECONDS);
                    assertThat(done).hasSize(25);
                    if (thread % 2 == 0) {
                        for (String token : done) {
                            assertThat(running.anonymous().bearer(token).get("Users?count=0").status()).isEqualTo(200);
                        }
                    }
                }
                assertThat(ok(scim.get("Users?count=0"), 200).get("totalResults").asInt()).isEqualTo(100);
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
