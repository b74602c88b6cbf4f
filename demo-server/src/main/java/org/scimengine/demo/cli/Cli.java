package org.scimengine.demo.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import org.scimengine.demo.HttpServer;
import org.scimengine.demo.StorageException;
import org.scimengine.demo.account.AccountException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The jar's command line:
 *
 * <pre>
 * serve [--port 8080] [--host 127.0.0.1] [--db DB] [--data DIR] [--rate 100] [--burst 200]
 * integrations create --account ACCOUNT --name NAME --auth basic|bearer [--scopes ...] [--db DB] [--data DIR]
 * integrations list [--account ACCOUNT] [--db DB] [--data DIR]
 * integrations delete --account ACCOUNT --name NAME [--db DB] [--data DIR]
 * clients create --account ACCOUNT --name NAME --scopes users:read,... [--db DB] [--data DIR]
 * clients list [--account ACCOUNT] [--db DB] [--data DIR]
 * clients delete --account ACCOUNT --name NAME [--db DB] [--data DIR]
 * </pre>
 *
 * Every command writes to the streams it is given, so tests read what an operator would see.
 */
public final class Cli {

    /** Success. */
    public static final int OK = 0;
    /** The command could not do what was asked: a name taken or unknown, a database it cannot open. */
    public static final int FAILED = 1;
    /** The command line itself was wrong (picocli's usage error code). */
    public static final int USAGE = 2;

    private Cli() {
    }

    /** What every command works with. */
    record Context(PrintStream out, PrintStream err, Map<String, String> environment, Clock clock,
            HttpServer.Launcher launcher) {
        Context {
            Objects.requireNonNull(out, "out");
            Objects.requireNonNull(err, "err");
            environment = Map.copyOf(environment);
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(launcher, "launcher");
        }
    }

    @Command(name = "scim-demo-server", mixinStandardHelpOptions = true, version = "scim-demo-server 0.1",
            description = "A SCIM 2.0 server configured like the vendor of the seeds, and its integrations.")
    static final class Root {
    }

    @Command(name = "integrations", mixinStandardHelpOptions = true,
            description = "Manage an account's SCIM integrations: named Basic or Bearer credentials for an"
                    + " identity provider such as Okta or Entra ID.")
    static final class Integrations {
    }

    @Command(name = "clients", mixinStandardHelpOptions = true,
            description = "Manage an account's API clients: a client id and secret that the OAuth 2.0"
                    + " client-credentials grant trades for a 24-hour bearer token.")
    static final class Clients {
    }

    /**
     * Runs a command line.
     *
     * @param launcher starts the HTTP server for {@code serve}
     * @return the exit status: {@link #OK}, {@link #FAILED} or {@link #USAGE}
     */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> environment,
            Clock clock, HttpServer.Launcher launcher) {
        Context context = new Context(out, err, environment, clock, launcher);
        CommandLine line = commandLine(context);
        return line.execute(args);
    }

    static CommandLine commandLine(Context context) {
        CommandLine integrations = new CommandLine(new Integrations())
                .addSubcommand("create", new IntegrationCommands.Create(context))
                .addSubcommand("list", new IntegrationCommands.ListAll(context))
                .addSubcommand("delete", new IntegrationCommands.Delete(context));
        CommandLine clients = new CommandLine(new Clients())
                .addSubcommand("create", new ClientCommands.Create(context))
                .addSubcommand("list", new ClientCommands.ListAll(context))
                .addSubcommand("delete", new ClientCommands.Delete(context));
        CommandLine root = new CommandLine(new Root())
                .addSubcommand("serve", new ServeCommand(context))
                .addSubcommand("integrations", integrations)
                .addSubcommand("clients", clients);
        root.setOut(new PrintWriter(context.out(), true));
        root.setErr(new PrintWriter(context.err(), true));
        root.setExecutionExceptionHandler((exception, command, parsed) -> {
            // Failures an operator can act on are shown as their sentence; anything else is a bug, with a trace.
            if (exception instanceof AccountException || exception instanceof StorageException
                    || exception instanceof IllegalArgumentException || exception instanceof UncheckedIOException) {
                context.err().println("error: " + exception.getMessage());
                return FAILED;
            }
            throw exception;
        });
        return root;
    }
}
