package org.scimengine.demo.cli;

import java.io.PrintStream;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.scimengine.demo.DemoServer;
import org.scimengine.demo.Storage;
import org.scimengine.demo.account.AuthType;
import org.scimengine.demo.account.Integration;
import org.scimengine.demo.account.IssuedIntegration;
import org.scimengine.demo.account.Scopes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code integrations create|list|delete}. */
final class IntegrationCommands {

    private IntegrationCommands() {
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a SCIM integration with generated credentials, shown once.")
    static final class Create implements Callable<Integer> {
        private final Cli.Context context;

        @Mixin
        DataOption data = new DataOption();

        @Option(names = "--account", required = true, paramLabel = "ACCOUNT",
                description = "The account (tenant) it provisions, such as acme.")
        String account = "";

        @Option(names = "--name", required = true, paramLabel = "NAME",
                description = "Its name in the account, such as Production or Staging.")
        String name = "";

        @Option(names = "--auth", required = true, paramLabel = "basic|bearer",
                description = "basic: a generated user name and password (Okta's app); bearer: a generated token"
                        + " (Entra ID, Okta's SCIM 2.0 Test App).")
        String auth = "";

        @Option(names = "--scopes", paramLabel = "SCOPES",
                description = "Comma-separated scopes; all by default: users:read,users:write,users:delete,"
                        + "groups:read,groups:write,groups:delete.")
        @Nullable String scopes;

        Create(Cli.Context context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            AuthType type = AuthType.fromWire(auth);
            List<String> granted = scopes == null ? Scopes.ALL : Scopes.parse(scopes);
            IssuedIntegration issued;
            try (Storage storage = data.open(context.clock())) {
                issued = storage.accounts().createIntegration(account, name, type, granted);
            }
            Integration integration = issued.integration();
            PrintStream out = context.out();
            out.println("Created SCIM integration '" + integration.name() + "' in account " + integration.account()
                    + (type == AuthType.BASIC ? ", with Basic authentication." : ", with a bearer token."));
            out.println();
            if (type == AuthType.BASIC) {
                out.println("  Username:             " + issued.userName());
                out.println("  Password:             " + issued.password());
                out.println("  Authorization header: " + issued.basicAuthorization());
                out.println();
                out.println("The password is shown only this once and cannot be retrieved: copy it now. If it is"
                        + " lost, delete the integration and create a new one. Okta's app takes the"
                        + " Authorization header value as its API token.");
            } else {
                out.println("  Bearer token: " + issued.bearerToken());
                out.println();
                out.println("The token is shown only this once and cannot be retrieved: copy it now. If it is lost,"
                        + " delete the integration and create a new one.");
            }
            out.println("SCIM base URL: http://<host>:<port>" + DemoServer.BASE_PATH + " of the running server.");
            out.println("Scopes: " + String.join(", ", integration.scopes()));
            return Cli.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List integrations, never their secrets.")
    static final class ListAll implements Callable<Integer> {
        private final Cli.Context context;

        @Mixin
        DataOption data = new DataOption();

        @Option(names = "--account", paramLabel = "ACCOUNT", description = "Only this account's.")
        @Nullable String account;

        ListAll(Cli.Context context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            List<Integration> integrations;
            try (Storage storage = data.open(context.clock())) {
                integrations = storage.accounts().integrations(account);
            }
            if (integrations.isEmpty()) {
                context.out().println(account == null ? "No integrations." : "No integrations in account "
                        + account + ".");
                return Cli.OK;
            }
            Table table = new Table("ACCOUNT", "NAME", "AUTH", "USERNAME", "SCOPES", "CREATED");
            for (Integration integration : integrations) {
                // A Basic user name is no secret (it only finds the credential), and the identity provider's
                // administrator needs it; a token is all secret, so nothing of it is shown.
                table.row(integration.account(), integration.name(), integration.auth().wire(),
                        integration.auth() == AuthType.BASIC ? integration.credentialId() : "-",
                        String.join(",", integration.scopes()),
                        integration.created().truncatedTo(ChronoUnit.SECONDS).toString());
            }
            table.print(context.out());
            return Cli.OK;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Delete an integration: its credentials stop working at once, also in a running server.")
    static final class Delete implements Callable<Integer> {
        private final Cli.Context context;

        @Mixin
        DataOption data = new DataOption();

        @Option(names = "--account", required = true, paramLabel = "ACCOUNT", description = "Its account.")
        String account = "";

        @Option(names = "--name", required = true, paramLabel = "NAME", description = "Its name.")
        String name = "";

        Delete(Cli.Context context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            boolean deleted;
            try (Storage storage = data.open(context.clock())) {
                deleted = storage.accounts().deleteIntegration(account, name);
            }
            if (!deleted) {
                context.err().println("error: account " + account + " has no integration named '" + name.strip()
                        + "'; see integrations list");
                return Cli.FAILED;
            }
            context.out().println("Deleted integration '" + name.strip() + "' of account " + account
                    + ": its credentials no longer work.");
            return Cli.OK;
        }
    }
}
