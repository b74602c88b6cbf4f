package org.scimengine.demo.http;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.scimengine.demo.HttpServer;
import org.scimengine.demo.cli.Cli;
import org.scimengine.jaxrs.testing.Http;

/** {@code serve} run by the command line as the jar runs it, with the real launcher, in this JVM, until stopped. */
final class Serving {

    private final HttpServer server;
    private final CompletableFuture<Integer> status;
    private final ByteArrayOutputStream out;
    private final ByteArrayOutputStream err;

    private Serving(HttpServer server, CompletableFuture<Integer> status, ByteArrayOutputStream out,
            ByteArrayOutputStream err) {
        this.server = server;
        this.status = status;
        this.out = out;
        this.err = err;
    }

    /** Runs {@code serve} with the arguments (and {@code --port 0}) and returns once it is listening. */
    static Serving start(Map<String, String> environment, Clock clock, String... arguments) throws Exception {
        CompletableFuture<HttpServer> started = new CompletableFuture<>();
        HttpServer.Launcher launcher = demo -> {
            HttpServer server = JerseyHttpServer.launcher().start(demo);
            started.complete(server);
            return server;
        };
        String[] args = new String[arguments.length + 3];
        args[0] = "serve";
        args[1] = "--port";
        args[2] = "0";
        System.arraycopy(arguments, 0, args, 3, arguments.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CompletableFuture<Integer> status = CompletableFuture.supplyAsync(() -> Cli.run(args,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                environment, clock, launcher));
        // Whichever comes first: listening, or the command ending (a bad option, a database it cannot open).
        CompletableFuture.anyOf(started, status).get(60, TimeUnit.SECONDS);
        if (!started.isDone()) {
            throw new IllegalStateException("serve ended with " + status.get() + ": " + err.toString(
                    StandardCharsets.UTF_8));
        }
        return new Serving(started.get(), status, out, err);
    }

    HttpServer server() {
        return server;
    }

    /** The SCIM base URI, ending in {@code /}. */
    URI scim() {
        return URI.create(server.baseUri() + "/");
    }

    /** The server's root, ending in {@code /}. */
    URI root() {
        return server.baseUri().resolve("/");
    }

    Http bearer(String token) {
        return Http.at(scim()).bearer(token);
    }

    /** What serve printed so far. */
    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Stops the server as Ctrl-C does and returns serve's exit status. */
    int stop() throws Exception {
        server.close();
        return status.get(60, TimeUnit.SECONDS);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
