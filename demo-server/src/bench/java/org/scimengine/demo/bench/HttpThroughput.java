package org.scimengine.demo.bench;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.glassfish.jersey.server.ResourceConfig;
import org.scimengine.demo.DatabaseLocation;
import org.scimengine.demo.DemoServer;
import org.scimengine.demo.ServeOptions;
import org.scimengine.demo.account.AuthType;
import org.scimengine.demo.account.Scopes;
import org.scimengine.demo.http.JerseyHttpServer;

/**
 * Requests per second of {@code GET /scim/v2/Users?filter=userName eq "…"} and of a bare JAX-RS endpoint on the
 * same server, in the same run: N workers on the JDK HttpClient over loopback, each sending one request after
 * another. Not a test: run by {@code demo-server/src/bench/run.sh}; see BENCHMARKS.md.
 *
 * <p>Arguments: workers (default 16), seconds per measurement (default 10), users in the store (default 1000),
 * and what {@code --db} takes (default {@code memory}; {@code sqlite} for a SQLite file in a new temporary data
 * directory). The users are created first by the same workers, and how fast that went is printed too.
 */
public final class HttpThroughput {

    /** The bare endpoint: what Jersey on this server costs with no SCIM work at all. */
    @Path("bare")
    public static final class Bare {
        @GET
        @Produces(MediaType.APPLICATION_JSON)
        public String get() {
            return "{\"ok\":true}";
        }
    }

    private HttpThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int workers = args.length > 0 ? Integer.parseInt(args[0]) : 16;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int users = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        String db = args.length > 3 ? args[3] : DatabaseLocation.MEMORY;

        DatabaseLocation location = DatabaseLocation.parse(db.equals("sqlite") ? null : db,
                Files.createTempDirectory("scim-bench"));
        DemoServer demo = DemoServer.assemble(new ServeOptions("127.0.0.1", 0, location, 1_000_000, 1_000_000),
                Map.of(), Clock.systemUTC());
        String token = demo.accounts().createIntegration("acme", "Bench", AuthType.BEARER, Scopes.ALL)
                .bearerToken();
        ResourceConfig application = JerseyHttpServer.application(demo);
        application.register(Bare.class);
        String kind = System.getProperty("bench.server", "jetty");
        try (Served server = kind.equals("jetty") ? demo(demo, application) : other(kind, application)) {
            URI scim = URI.create(server.baseUri() + "/");
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            double creates = seed(client, scim, token, users, workers);
            String filter = URLEncoder.encode("userName eq \"user" + (users / 2) + "@example.com\"",
                    StandardCharsets.UTF_8).replace("+", "%20");
            HttpRequest scimGet = HttpRequest.newBuilder(scim.resolve("Users?filter=" + filter))
                    .header("Authorization", "Bearer " + token).GET().build();
            HttpRequest bareGet = HttpRequest.newBuilder(server.baseUri().resolve("/bare")).GET().build();
            check(client, scimGet, "\"totalResults\":1");
            check(client, bareGet, "\"ok\":true");

            System.out.printf("server=%s workers=%d seconds=%d users=%d cores=%d java=%s db=%s%n", kind, workers,
                    seconds, users, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                    location.inMemory() ? DatabaseLocation.MEMORY : location.describe());
            System.out.printf("created %d users: %.0f creates/s%n", users, creates);
            // Warm both up, then measure each twice, alternating, so drift hits both alike.
            run(client, bareGet, workers, seconds);
            run(client, scimGet, workers, seconds);
            List<double[]> rounds = new ArrayList<>();
            for (int round = 1; round <= 2; round++) {
                double bare = run(client, bareGet, workers, seconds);
                double get = run(client, scimGet, workers, seconds);
                rounds.add(new double[] {bare, get});
                System.out.printf("round %d: bare %.0f req/s, SCIM filter GET %.0f req/s, ratio %.1f %%%n", round,
                        bare, get, 100 * get / bare);
            }
        }
    }

    /** A running server under test: where SCIM is served, and how to stop it. */
    private interface Served extends AutoCloseable {
        URI baseUri();
    }

    /** The demo's own server (Jetty), as {@code serve} starts it. */
    private static Served demo(DemoServer demo, ResourceConfig application) throws Exception {
        JerseyHttpServer server = JerseyHttpServer.start(demo, application, 0);
        return new Served() {
            @Override
            public URI baseUri() {
                return server.baseUri();
            }

            @Override
            public void close() {
                server.close();
            }
        };
    }

    /**
     * The same application on the JDK's HTTP server or on Grizzly, for comparison (servers.sh puts their Jersey
     * containers on the class path; reflection keeps this class compiling without them).
     */
    private static Served other(String kind, ResourceConfig application) throws Exception {
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        URI root = URI.create("http://127.0.0.1:" + port + "/");
        Object server;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(32);
        if (kind.equals("jdk")) {
            // Its default executor is one thread; the demo gave it 32 when it ran on this server.
            server = Class.forName("org.glassfish.jersey.jdkhttp.JdkHttpServerFactory")
                    .getMethod("createHttpServer", URI.class, ResourceConfig.class, boolean.class)
                    .invoke(null, root, application, false);
            ((com.sun.net.httpserver.HttpServer) server).setExecutor(pool);
            ((com.sun.net.httpserver.HttpServer) server).start();
        } else {
            server = Class.forName("org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory")
                    .getMethod("createHttpServer", URI.class, ResourceConfig.class).invoke(null, root, application);
        }
        return new Served() {
            @Override
            public URI baseUri() {
                return URI.create("http://127.0.0.1:" + port + "/scim/v2");
            }

            @Override
            public void close() throws Exception {
                if (kind.equals("jdk")) {
                    ((com.sun.net.httpserver.HttpServer) server).stop(0);
                } else {
                    server.getClass().getMethod("shutdownNow").invoke(server);
                }
                pool.shutdownNow();
            }
        };
    }

    /** Creates the users, user0@example.com and on, by N workers; returns creates per second. */
    private static double seed(HttpClient client, URI scim, String token, int users, int workers) throws Exception {
        AtomicInteger next = new AtomicInteger();
        LongAdder failed = new LongAdder();
        List<Thread> threads = new ArrayList<>();
        long began = System.nanoTime();
        for (int w = 0; w < workers; w++) {
            Thread thread = new Thread(() -> {
                for (int i = next.getAndIncrement(); i < users; i = next.getAndIncrement()) {
                    String userName = "user" + i + "@example.com";
                    try {
                        HttpResponse<String> created = client.send(HttpRequest.newBuilder(scim.resolve("Users"))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/scim+json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"schemas\":[\"urn:ietf:params:scim:"
                                        + "schemas:core:2.0:User\"],\"userName\":\"" + userName + "\",\"emails\":"
                                        + "[{\"value\":\"" + userName + "\",\"primary\":true}]}")).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (created.statusCode() != 201) {
                            failed.increment();
                        }
                    } catch (Exception e) {
                        failed.increment();
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (failed.sum() > 0) {
            throw new IllegalStateException("seeding failed for " + failed.sum() + " users");
        }
        return users / ((System.nanoTime() - began) / 1e9);
    }

    private static void check(HttpClient client, HttpRequest request, String expected) throws Exception {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 || !response.body().contains(expected)) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + " "
                    + response.body());
        }
    }

    /** Requests per second of one request, sent by N workers for some seconds. */
    private static double run(HttpClient client, HttpRequest request, int workers, int seconds) throws Exception {
        LongAdder done = new LongAdder();
        LongAdder failed = new LongAdder();
        AtomicBoolean stop = new AtomicBoolean();
        CyclicBarrier start = new CyclicBarrier(workers + 1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    while (!stop.get()) {
                        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (response.statusCode() == 200) {
                            done.increment();
                        } else {
                            failed.increment();
                        }
                    }
                } catch (Exception e) {
                    failed.increment();
                }
            });
            thread.start();
            threads.add(thread);
        }
        start.await();
        long began = System.nanoTime();
        Thread.sleep(seconds * 1000L); // the measurement window, not synchronisation
        stop.set(true);
        long elapsed = System.nanoTime() - began;
        for (Thread thread : threads) {
            thread.join();
        }
        if (failed.sum() > 0) {
            throw new IllegalStateException(failed.sum() + " requests to " + request.uri() + " failed");
        }
        return done.sum() / (elapsed / 1e9);
    }
}
