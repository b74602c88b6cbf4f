package org.scimengine.demo.cli;

import java.io.PrintStream;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.scimengine.demo.DemoServer;
import org.scimengine.demo.Storage;
import org.scimengine.demo.account.ApiClient;
import org.scimengine.demo.account.IssuedClient;
import org.scimengine.demo.account.Scopes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code clients create|list|delete}: API clients of the OAuth 2.0 client-credentials grant. */
final class ClientCommands {

    private ClientCommands() {
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create an API client with a generated client id and secret, the secret shown once.")
    static final class Create implements Callable<Integer> {
        private final Cli.Context context;

        @Mixin
        DataOption data = new DataOption();

        @Option(names = "--account", required = true, paramLabel = "ACCOUNT",
                description = "The account (tenant) its tokens work on, such as acme.")
        String account = "";

        @Option(names = "--name", required = true, paramLabel = "NAME",
                description = "Its name in the account, such as reporting.")
        String name = "";

        @Option(names = "--scopes", required = true, paramLabel = "SCOPES",
                description = "Comma-separated scopes its tokens carry, from users:read, users:write, users:delete,"
                        + " groups:read, groups:write, groups:delete.")
        String scopes = "";

        Create(Cli.Context context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            List<String> granted = Scopes.parse(scopes);
            IssuedClient issued;
            try (Storage storage = data.open(context.clock())) {
                issued = storage.accounts().createClient(account, name, granted);
            }
            ApiClient client = issued.client();
            PrintStream out = context.out();
            out.println("Created API client '" + client.name() + "' in account " + client.account() + ".");
            out.println();
            out.println("  Client ID:     " + client.clientId());
            out.println("  Client secret: " + issued.clientSecret());
            out.println("  Scopes:        " + String.join(" ", client.scopes()));
            out.println();
            out.println("The secret is shown only this once and cannot be retrieved: copy it now. If it is lost,"
                    + " delete the client and create a new one.");
            out.println("Trade both for a 24-hour bearer token: POST " + DemoServer.TOKEN_PATH
                    + " with grant_type=client_credentials, client_id and client_secret.");
            return Cli.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List API clients, never their secrets.")
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
            List<ApiClient> clients;
            try (Storage storage = data.open(context.clock())) {
                clients = storage.accounts().clients(account);
            }
            if (clients.isEmpty()) {
                context.out().println(account == null ? "No API clients." : "No API clients in account "
                        + account + ".");
                return Cli.OK;
            }
            Table table = new Table("ACCOUNT", "NAME", "CLIENT ID", "SCOPES", "CREATED");
            for (ApiClient client : clients) {
                table.row(client.account(), client.name(), client.clientId(), String.join(",", client.scopes()),
                        client.created().truncatedTo(ChronoUnit.SECONDS).toString());
            }
            table.print(context.out());
            return Cli.OK;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Delete an API client: its tokens stop working at once, also in a running server.")
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
                deleted = storage.accounts().deleteClient(account, name);
            }
            if (!deleted) {
                context.err().println("error: account " + account + " has no API client named '" + name.strip()
                        + "'; see clients list");
                return Cli.FAILED;
            }
            context.out().println("Deleted API client '" + name.strip() + "' of account " + account
                    + ": its tokens no longer work.");
            return Cli.OK;
        }
    }
}
