package org.scimengine.demo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.scimengine.demo.DatabaseLocation;
import org.scimengine.demo.DemoServer;
import org.scimengine.demo.HttpServer;
import org.scimengine.demo.account.AccountStore;
import org.scimengine.demo.account.Scopes;
import org.scimengine.demo.auth.Authenticator;
import org.scimengine.demo.auth.Caller;
import org.scimengine.demo.auth.TokenService;
import org.scimengine.demo.testing.MutableClock;
import org.scimengine.demo.testing.Storages;

class CliTest {

    @TempDir
    Path data;

    @RegisterExtension
    final Storages storages = new Storages();

    private final MutableClock clock = MutableClock.atNewYear();
    private Map<String, String> environment = Map.of();
    private HttpServer.Launcher launcher = demo -> {
        throw new IOException("cannot listen on 127.0.0.1:8080 (Address already in use); is the port in use?");
    };

    /** What a command printed and answered. */
    record Result(int status, String out, String err) {
    }

    private Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), environment, clock, launcher);
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A command on the test's data directory. */
    private Result inData(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--data");
        all.add(data.toString());
        return run(all.toArray(String[]::new));
    }

    private static String field(String output, String label) {
        Matcher matcher = Pattern.compile("^\\s*" + Pattern.quote(label) + ":\\s+(\\S.*)$", Pattern.MULTILINE)
                .matcher(output);
        assertThat(matcher.find()).as("'%s' in:%n%s", label, output).isTrue();
        return matcher.group(1).strip();
    }

    private Authenticator authenticator() {
        AccountStore accounts = storages.accounts(data, clock);
        return new Authenticator(accounts, new TokenService(accounts, clock, TokenService.DEFAULT_LIFETIME));
    }

    /** The database's bytes, with its write-ahead log, where commits land first. */
    private String stored() throws IOException {
        Path file = data.resolve(DatabaseLocation.DEFAULT_FILE);
        Path log = data.resolve(DatabaseLocation.DEFAULT_FILE + "-wal");
        return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)
                + (Files.exists(log) ? new String(Files.readAllBytes(log), StandardCharsets.ISO_8859_1) : "");
    }

    @Test
    void helpListsTheCommands() {
        Result help = run("--help");
        assertThat(help.status()).isEqualTo(Cli.OK);
        assertThat(help.out()).contains("serve", "integrations", "clients", "SCIM_BOOTSTRAP_TOKEN");

        Result integrations = run("integrations", "--help");
        assertThat(integrations.out()).contains("create", "list", "delete");
        assertThat(run("integrations", "create", "--help").out()).contains("--account", "--name", "--auth",
                "--scopes", "--data");
        assertThat(run("serve", "--help").out()).contains("--port", "--host", "--db", "--data", "--rate", "--burst",
                "default: 8080", "default: 127.0.0.1");
    }

    @Test
    void aBasicIntegrationIsCreatedWithCredentialsShownOnceThatWork() throws IOException {
        Result created = inData("integrations", "create", "--account", "acme", "--name", "Production", "--auth",
                "basic");

        assertThat(created.status()).isEqualTo(Cli.OK);
        assertThat(created.err()).isEmpty();
        assertThat(created.out()).startsWith("Created SCIM integration 'Production' in account acme, with Basic"
                + " authentication.").contains("shown only this once");
        String userName = field(created.out(), "Username");
        String password = field(created.out(), "Password");
        assertThat(field(created.out(), "Authorization header")).startsWith("Basic ");
        Caller caller = authenticator().basic(userName, password).orElseThrow();
        assertThat(caller.tenant()).isEqualTo("acme");
        assertThat(caller.scopes()).containsExactlyInAnyOrderElementsOf(Scopes.ALL);
        assertThat(stored()).contains(userName).doesNotContain(password);

        Result list = inData("integrations", "list");
        assertThat(list.status()).isEqualTo(Cli.OK);
        assertThat(list.out()).contains("acme", "Production", "basic", userName, "2026-01-01T00:00:00Z")
                .doesNotContain(password);
    }

    @Test
    void aBearerIntegrationsTokenIsNeverListed() {
        Result created = inData("integrations", "create", "--account", "acme", "--name", "Staging", "--auth",
                "BEARER", "--scopes", "users:read,groups:read");
        assertThat(created.status()).isEqualTo(Cli.OK);
        String token = field(created.out(), "Bearer token");
        assertThat(authenticator().bearer(token).orElseThrow().scopes())
                .containsExactlyInAnyOrder("users:read", "groups:read");

        Result list = inData("integrations", "list", "--account", "acme");
        assertThat(list.out()).contains("Staging", "bearer", "users:read,groups:read");
        for (String part : token.split("\\.")) {
            assertThat(list.out()).doesNotContain(part);
        }
    }

    @Test
    void listingFiltersByAccountAndSaysWhenThereIsNothing() {
        assertThat(inData("integrations", "list").out()).isEqualTo("No integrations." + System.lineSeparator());
        inData("integrations", "create", "--account", "acme", "--name", "Production", "--auth", "basic");
        inData("integrations", "create", "--account", "globex", "--name", "Okta", "--auth", "basic");

        String acme = inData("integrations", "list", "--account", "acme").out();
        assertThat(acme).contains("Production").doesNotContain("globex", "Okta");
        assertThat(inData("integrations", "list", "--account", "initech").out())
                .isEqualTo("No integrations in account initech." + System.lineSeparator());
        assertThat(inData("integrations", "list").out().lines()).hasSize(3);
    }

    @Test
    void deleteRemovesTheIntegrationAndItsCredentials() {
        Result created = inData("integrations", "create", "--account", "acme", "--name", "Production", "--auth",
                "basic");
        String userName = field(created.out(), "Username");
        String password = field(created.out(), "Password");

        Result deleted = inData("integrations", "delete", "--account", "acme", "--name", "Production");

        assertThat(deleted.status()).isEqualTo(Cli.OK);
        assertThat(deleted.out()).contains("Deleted integration 'Production' of account acme");
        assertThat(authenticator().basic(userName, password)).isEmpty();
        assertThat(inData("integrations", "list").out()).startsWith("No integrations.");

        Result again = inData("integrations", "delete", "--account", "acme", "--name", "Production");
        assertThat(again.status()).isEqualTo(Cli.FAILED);
        assertThat(again.err()).contains("account acme has no integration named 'Production'");
    }

    @Test
    void aTakenNameFailsWithTheReasonAndPrintsNoSecret() {
        inData("integrations", "create", "--account", "acme", "--name", "Production", "--auth", "basic");
        Result duplicate = inData("integrations", "create", "--account", "acme", "--name", "production", "--auth",
                "bearer");
        assertThat(duplicate.status()).isEqualTo(Cli.FAILED);
        assertThat(duplicate.out()).isEmpty();
        assertThat(duplicate.err()).isEqualTo("error: account acme already has an integration named 'Production';"
                + " delete it first or choose another name" + System.lineSeparator());
    }

    @Test
    void badValuesFailAndMissingOptionsAreUsageErrors() {
        Result auth = inData("integrations", "create", "--account", "acme", "--name", "P", "--auth", "digest");
        assertThat(auth.status()).isEqualTo(Cli.FAILED);
        assertThat(auth.err()).contains("unknown authentication type 'digest'; use basic or bearer");

        Result scope = inData("clients", "create", "--account", "acme", "--name", "r", "--scopes", "users:admin");
        assertThat(scope.status()).isEqualTo(Cli.FAILED);
        assertThat(scope.err()).contains("unknown scope 'users:admin'");

        Result account = inData("integrations", "create", "--account", "ACME", "--name", "P", "--auth", "basic");
        assertThat(account.status()).isEqualTo(Cli.FAILED);
        assertThat(account.err()).contains("is not a valid account name");

        Result missing = inData("integrations", "create", "--account", "acme", "--auth", "basic");
        assertThat(missing.status()).isEqualTo(Cli.USAGE);
        assertThat(missing.err()).contains("Missing required option: '--name=NAME'");

        assertThat(run("integrations").status()).isEqualTo(Cli.USAGE);
        assertThat(run("frobnicate").status()).isEqualTo(Cli.USAGE);
        assertThat(inData("integrations", "list").out()).startsWith("No integrations.");
    }

    @Test
    void anApiClientIsCreatedListedAndDeletedAndItsSecretBuysATokenOnce() throws IOException {
        Result created = inData("clients", "create", "--account", "acme", "--name", "reporting", "--scopes",
                "users:read,users:write");
        assertThat(created.status()).isEqualTo(Cli.OK);
        String clientId = field(created.out(), "Client ID");
        String secret = field(created.out(), "Client secret");
        assertThat(field(created.out(), "Scopes")).isEqualTo("users:read users:write");
        AccountStore accounts = storages.accounts(data, clock);
        TokenService tokens = new TokenService(accounts, clock, TokenService.DEFAULT_LIFETIME);
        String token = tokens.issue(clientId, secret).orElseThrow().value();

        Result list = inData("clients", "list");
        assertThat(list.out()).contains("reporting", clientId, "users:read,users:write").doesNotContain(secret);
        assertThat(stored()).contains(clientId).doesNotContain(secret, token.substring(token.indexOf('.') + 1));

        Result deleted = inData("clients", "delete", "--account", "acme", "--name", "reporting");
        assertThat(deleted.status()).isEqualTo(Cli.OK);
        assertThat(tokens.authenticate(token)).isEmpty();
        assertThat(inData("clients", "list").out()).startsWith("No API clients.");
        assertThat(inData("clients", "delete", "--account", "acme", "--name", "reporting").status())
                .isEqualTo(Cli.FAILED);
        assertThat(inData("clients", "create", "--account", "acme", "--name", "r").status()).isEqualTo(Cli.USAGE);
    }

    @Test
    void serveSaysWhyTheServerCouldNotStart() {
        Result serve = inData("serve");
        assertThat(serve.status()).isEqualTo(Cli.FAILED);
        assertThat(serve.err()).contains("serve: cannot listen on 127.0.0.1:8080 (Address already in use)");
        assertThat(serve.out()).doesNotContain("Serving");
    }

    @Test
    void serveAssemblesTheDemoFromItsOptionsAndHandsItToTheLauncher() {
        AtomicReference<DemoServer> launched = new AtomicReference<>();
        AtomicReference<String> bootstrapTenant = new AtomicReference<>();
        AtomicBoolean closed = new AtomicBoolean();
        launcher = demo -> {
            launched.set(demo);
            bootstrapTenant.set(demo.authenticator().bearer("a-scripted-setup-token-of-enough-length")
                    .orElseThrow().tenant());
            return new HttpServer() {
                @Override
                public URI baseUri() {
                    return URI.create("http://" + demo.options().host() + ":" + demo.options().port()
                            + DemoServer.BASE_PATH);
                }

                @Override
                public void awaitTermination() {
                    // stops at once
                }

                @Override
                public void close() {
                    closed.set(true);
                }
            };
        };
        environment = Map.of("SCIM_BOOTSTRAP_TOKEN", "a-scripted-setup-token-of-enough-length");

        Result serve = inData("serve", "--port", "9090", "--host", "0.0.0.0", "--rate", "30", "--burst", "60");

        assertThat(serve.status()).isEqualTo(Cli.OK);
        DemoServer demo = launched.get();
        assertThat(demo.options().port()).isEqualTo(9090);
        assertThat(demo.options().host()).isEqualTo("0.0.0.0");
        assertThat(demo.options().db()).isEqualTo(DatabaseLocation.parse(null, data));
        assertThat(demo.rateLimiter().rate()).isEqualTo(30);
        assertThat(demo.rateLimiter().burst()).isEqualTo(60);
        assertThat(demo.engine().serviceProviderConfig().pagination().maxPageSize()).isEqualTo(1000);
        assertThat(bootstrapTenant).hasValue("default");
        assertThat(demo.bootstrap()).contains(AccountStore.Ensured.CREATED);
        assertThat(serve.out()).contains("Users, groups, integrations, API clients and tokens: SQLite file "
                        + data.resolve("scim.db") + " (1 integration, 0 API clients)",
                "SCIM_BOOTSTRAP_TOKEN: integration default/bootstrap created",
                "Rate limit: 30 requests per second per credential, bursts of 60",
                "Serving SCIM at http://0.0.0.0:9090/scim/v2", "Stopped.")
                .doesNotContain("a-scripted-setup-token-of-enough-length");
        assertThat(closed).isTrue();

        // A second start changes nothing.
        assertThat(inData("serve").out()).contains("integration default/bootstrap already in place");
    }

    @Test
    void serveRefusesOptionsItCannotHonour() {

        Result port = inData("serve", "--port", "70000");
        assertThat(port.status()).isEqualTo(Cli.FAILED);
        assertThat(port.err()).contains("--port must be between 0 (any free port) and 65535, was 70000");

        Result rate = inData("serve", "--rate", "0");
        assertThat(rate.status()).isEqualTo(Cli.FAILED);
        assertThat(rate.err()).contains("the rate and burst must be between 1 and 1000000");

        environment = Map.of("SCIM_BOOTSTRAP_TOKEN", "not a token");
        Result token = inData("serve");
        assertThat(token.status()).isEqualTo(Cli.FAILED);
        assertThat(token.err()).contains("SCIM_BOOTSTRAP_TOKEN must be a token a client can send");
    }

    @Test
    void aDbTheDemoCannotUseIsOneLineSayingWhy() throws IOException {
        Result mysql = inData("serve", "--db", "jdbc:mysql://db.example.com/scim?user=scim&password=hunter2");
        assertThat(mysql.status()).isEqualTo(Cli.FAILED);
        assertThat(mysql.err()).isEqualTo("error: --db 'jdbc:mysql://db.example.com/scim?user=scim&password=***' is"
                + " a database the demo does not support: use a SQLite file, a jdbc:sqlite: URL, a jdbc:postgresql:"
                + " URL or memory" + System.lineSeparator());
        assertThat(mysql.out()).isEmpty();

        Path notAFolder = Files.writeString(data.resolve("a-file"), "");
        Result underAFile = inData("integrations", "list", "--db", notAFolder.resolve("scim.db").toString());
        assertThat(underAFile.status()).isEqualTo(Cli.FAILED);
        assertThat(underAFile.err()).startsWith("error: cannot open the database, SQLite file " + notAFolder
                .resolve("scim.db") + ": ").endsWith("; check --db and --data" + System.lineSeparator()).hasLineCount(1);

        Result unwritable = inData("serve", "--db", "/proc/scim-demo/scim.db");
        assertThat(unwritable.status()).isEqualTo(Cli.FAILED);
        assertThat(unwritable.err()).startsWith("error: cannot open the database, SQLite file /proc/scim-demo/scim.db:")
                .hasLineCount(1);

        Result refused = inData("clients", "list", "--db",
                "jdbc:postgresql://127.0.0.1:1/scim?user=scim&password=hunter2");
        assertThat(refused.status()).isEqualTo(Cli.FAILED);
        assertThat(refused.err()).startsWith("error: cannot open the database, PostgreSQL"
                + " jdbc:postgresql://127.0.0.1:1/scim?user=scim&password=***: ").hasLineCount(1)
                .doesNotContain("hunter2");

        Result blank = inData("serve", "--db", " ");
        assertThat(blank.status()).isEqualTo(Cli.FAILED);
        assertThat(blank.err()).contains("--db must name a SQLite file, a jdbc:postgresql: URL or memory");
    }

    @Test
    void withDbMemoryTheCommandLineManagesTheIntegrationsOfTheDataDirectory() {
        String token = field(inData("integrations", "create", "--db", "memory", "--account", "acme", "--name",
                "Production", "--auth", "bearer").out(), "Bearer token");
        AtomicReference<DemoServer> launched = new AtomicReference<>();
        launcher = demo -> {
            launched.set(demo);
            assertThat(demo.authenticator().bearer(token)).isPresent();
            throw new IOException("cannot listen on 127.0.0.1:8080 (Address already in use); is the port in use?");
        };

        Result serve = inData("serve", "--db", "MEMORY");

        assertThat(launched.get().options().db().inMemory()).isTrue();
        assertThat(serve.out()).contains("Users and groups: in memory (lost when the server stops)",
                "Integrations, API clients and tokens: SQLite file " + data.resolve("scim.db")
                        + " (1 integration, 0 API clients)");
        // The default database is that file: what was created there is served from there.
        assertThat(inData("integrations", "list").out()).contains("Production");
    }
}
