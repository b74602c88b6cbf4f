package org.scimengine.demo.http;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;
import org.scimengine.demo.DatabaseLocation;
import org.scimengine.demo.DemoServer;
import org.scimengine.demo.ServeOptions;

/** Closing the server lets a request in progress finish while no new connection is taken. */
class GracefulShutdownTest {

    static final CountDownLatch ENTERED = new CountDownLatch(1);
    static final CountDownLatch RELEASE = new CountDownLatch(1);

    /** A request that stays in progress until the test lets it go. */
    @Path("slow")
    public static final class Slow {
        @GET
        public String get() throws InterruptedException {
            ENTERED.countDown();
            RELEASE.await(30, TimeUnit.SECONDS);
            return "done";
        }
    }

    @Test
    void aRequestInProgressFinishesWhileTheServerCloses() throws Exception {
        DemoServer demo = DemoServer.assemble(new ServeOptions("127.0.0.1", 0, DatabaseLocation.parse(
                DatabaseLocation.MEMORY, Files.createTempDirectory("scim-demo-shutdown")), 1_000, 1_000), Map.of(),
                Clock.systemUTC());
        ResourceConfig application = JerseyHttpServer.application(demo).register(Slow.class);
        JerseyHttpServer server = JerseyHttpServer.start(demo, application, 30);
        URI slow = server.baseUri().resolve("/slow");

        CompletableFuture<HttpResponse<String>> inProgress = HttpClient.newHttpClient()
                .sendAsync(HttpRequest.newBuilder(slow).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ENTERED.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);

        // Closing stops the connector first: wait until a new connection is refused, then let the request end.
        boolean refused = false;
        for (int attempt = 0; attempt < 10_000 && !refused; attempt++) {
            refused = !connects(slow);
        }
        assertThat(refused).as("new connections refused while closing").isTrue();
        assertThat(closing).isNotDone();
        RELEASE.countDown();

        HttpResponse<String> response = inProgress.get(30, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("done");
        closing.get(30, TimeUnit.SECONDS);
        demo.close();
    }

    private static boolean connects(URI uri) {
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            return socket.isConnected();
        } catch (IOException e) {
            return false;
        }
    }
}
