package org.scimengine.demo.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scimengine.demo.HttpServer;
import org.scimengine.demo.cli.Cli;
import org.scimengine.demo.testing.MutableClock;
import org.scimengine.jaxrs.testing.Http;

/** {@code serve} as the jar runs it, with the real launcher and SCIM_BOOTSTRAP_TOKEN, stopped as Ctrl-C does. */
class ServeTest {

    private static final String TOKEN = "scripted-setup-token-0123456789abcdefghijklmnop";

    @TempDir
    Path data;

    @Test
    void theBootstrapTokenWorksEndToEnd() throws Exception {
        CompletableFuture<HttpServer> started = new CompletableFuture<>();
        HttpServer.Launcher launcher = demo -> {
            HttpServer server = JerseyHttpServer.launcher().start(demo);
            started.complete(server);
            return server;
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CompletableFuture<Integer> serve = CompletableFuture.supplyAsync(() -> Cli.run(
                new String[] {"serve", "--port", "0", "--data", data.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()),
                Map.of("SCIM_BOOTSTRAP_TOKEN", TOKEN), MutableClock.atNewYear(), launcher));

        HttpServer server = started.get(30, TimeUnit.SECONDS);
        Http scim = Http.at(URI.create(server.baseUri() + "/"));
        Http.Reply created = scim.bearer(TOKEN).post("Users", DemoHttpTest.user("boot@example.com"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(scim.bearer(TOKEN).get("Users").json().get("totalResults").asInt()).isEqualTo(1);
        assertThat(scim.bearer(TOKEN + "x").get("Users").status()).isEqualTo(401);

        server.close();
        assertThat(serve.get(30, TimeUnit.SECONDS)).isEqualTo(Cli.OK);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("SCIM_BOOTSTRAP_TOKEN: integration default/bootstrap created",
                        "Serving SCIM at " + server.baseUri(), "Stopped.")
                .doesNotContain(TOKEN);
    }
}
