package org.scimengine.demo.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import org.scimengine.demo.DemoServer;
import org.scimengine.demo.HttpServer;
import org.scimengine.demo.ServeOptions;
import org.scimengine.demo.account.AccountStore;
import org.scimengine.demo.account.Bootstrap;
import org.scimengine.demo.auth.RateLimiter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code serve}: assembles the demo and runs its HTTP server until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve SCIM 2.0 at /scim/v2 and OAuth tokens at /oauth/token. When the environment variable "
                + Bootstrap.ENVIRONMENT_VARIABLE + " is set, a Bearer integration '" + Bootstrap.INTEGRATION
                + "' of account '" + Bootstrap.ACCOUNT + "' accepts that token with every scope.")
final class ServeCommand implements Callable<Integer> {

    private final Cli.Context context;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "" + ServeOptions.DEFAULT_PORT,
            description = "The port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port = ServeOptions.DEFAULT_PORT;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = ServeOptions.DEFAULT_HOST,
            description = "The address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
    String host = ServeOptions.DEFAULT_HOST;

    @Option(names = "--rate", paramLabel = "N", defaultValue = "" + RateLimiter.DEFAULT_RATE,
            description = "Requests per second each credential may send, sustained (default: ${DEFAULT-VALUE}).")
    int rate = RateLimiter.DEFAULT_RATE;

    @Option(names = "--burst", paramLabel = "N", defaultValue = "" + RateLimiter.DEFAULT_BURST,
            description = "Requests each credential may send at once (default: ${DEFAULT-VALUE}).")
    int burst = RateLimiter.DEFAULT_BURST;

    @Mixin
    DataOption data = new DataOption();

    ServeCommand(Cli.Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        ServeOptions options = new ServeOptions(host, port, data.location(), rate, burst);
        try (DemoServer demo = DemoServer.assemble(options, context.environment(), context.clock())) {
            return serve(demo);
        }
    }

    private int serve(DemoServer demo) throws InterruptedException {
        ServeOptions options = demo.options();
        PrintStream out = context.out();
        AccountStore accounts = demo.accounts();
        int integrations = accounts.integrations(null).size();
        String where = options.db().describe() + " (" + count(integrations, "integration") + ", "
                + count(accounts.clients(null).size(), "API client") + ")";
        if (options.db().inMemory()) {
            out.println("Users and groups: in memory (lost when the server stops)");
            out.println("Integrations, API clients and tokens: " + where);
        } else {
            out.println("Users, groups, integrations, API clients and tokens: " + where);
        }
        demo.bootstrap().ifPresent(outcome -> out.println(Bootstrap.ENVIRONMENT_VARIABLE + ": integration "
                + Bootstrap.ACCOUNT + "/" + Bootstrap.INTEGRATION + " " + switch (outcome) {
                    case CREATED -> "created";
                    case UNCHANGED -> "already in place";
                    case REPLACED -> "replaced; the previous token no longer works";
                }));
        if (integrations == 0) {
            out.println("No integration can call the server yet: create one with 'integrations create --account"
                    + " acme --name Production --auth bearer', or set " + Bootstrap.ENVIRONMENT_VARIABLE + ".");
        }
        out.println("Rate limit: " + options.rate() + " requests per second per credential, bursts of "
                + options.burst());
        HttpServer server;
        try {
            server = context.launcher().start(demo);
        } catch (IOException e) {
            context.err().println("serve: " + e.getMessage());
            return Cli.FAILED;
        }
        out.println("Serving SCIM at " + server.baseUri() + " and OAuth tokens at "
                + server.baseUri().resolve(DemoServer.TOKEN_PATH));
        Thread stopper = new Thread(() -> {
            server.close();
            demo.close();
        }, "scim-demo-shutdown");
        // Ctrl-C or SIGTERM stops the server gracefully: requests in progress finish, then the database closes.
        Runtime.getRuntime().addShutdownHook(stopper);
        try {
            server.awaitTermination();
        } finally {
            server.close();
            try {
                Runtime.getRuntime().removeShutdownHook(stopper);
            } catch (IllegalStateException shuttingDown) {
                // The hook is what stopped the server: the JVM is exiting.
            }
        }
        out.println("Stopped.");
        return Cli.OK;
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
