package org.scimengine.demo.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import jakarta.ws.rs.ProcessingException;
import org.glassfish.jersey.jdkhttp.JdkHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.scimengine.demo.DemoServer;
import org.scimengine.demo.HttpServer;
import org.scimengine.jaxrs.ScimFeature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo on Jersey and the JDK's HTTP server ({@code com.sun.net.httpserver}): SCIM at
 * {@value DemoServer#BASE_PATH}, tokens at {@value DemoServer#TOKEN_PATH}.
 *
 * <p>Why the JDK's server: it ships with every JDK, so the jar carries no server library, Jersey supports it,
 * and the SCIM endpoint reaches the throughput target on it (BENCHMARKS.md). Three settings it needs: Nagle's
 * algorithm off ({@code sun.net.httpserver.nodelay}, or each small response waits ~40 ms for the client's
 * delayed ACK), a request timeout ({@code sun.net.httpserver.maxReqTime}), and a pool of handler threads. On an
 * untrusted network, put it behind a reverse proxy that buffers requests: slow clients can still tie up its
 * threads for the length of the timeout.
 */
public final class JerseyHttpServer implements HttpServer {

    /** Handler threads: requests are short and CPU-bound, a few dozen keep slow clients from starving the rest. */
    static final int THREADS = 32;
    /** How long {@link #close()} lets requests in progress finish. */
    static final int GRACE_SECONDS = 5;

    private static final Logger LOG = LoggerFactory.getLogger(JerseyHttpServer.class);

    static {
        // Read once, when the JDK's server first loads its configuration: set before any server is created.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        // The JDK's server has no request timeout by default: a client that opens a connection and sends half a
        // request holds a handler thread for ever, and THREADS such clients stop the server. With this, a request
        // not read within 15 seconds is closed and its thread freed.
        if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
            System.setProperty("sun.net.httpserver.maxReqTime", "15");
        }
    }

    private final com.sun.net.httpserver.HttpServer server;
    private final ThreadPoolExecutor pool;
    private final URI baseUri;
    private final int graceSeconds;
    private final AtomicBoolean closing = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);

    private JerseyHttpServer(com.sun.net.httpserver.HttpServer server, ThreadPoolExecutor pool, URI baseUri,
            int graceSeconds) {
        this.server = server;
        this.pool = pool;
        this.baseUri = baseUri;
        this.graceSeconds = graceSeconds;
    }

    /** What {@code serve} starts. */
    public static HttpServer.Launcher launcher() {
        return demo -> start(demo, application(demo), GRACE_SECONDS);
    }

    /**
     * The demo's JAX-RS application: the SCIM feature, its authentication and rate limit, the token endpoint and
     * the request log. A caller may register more before {@linkplain #start starting} it (the benchmark adds a
     * bare endpoint).
     */
    public static ResourceConfig application(DemoServer demo) {
        Objects.requireNonNull(demo, "demo");
        ResourceConfig config = new ResourceConfig();
        // No WADL: it needs JAXB, which the jar leaves out, and SCIM clients read /Schemas instead.
        config.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        config.register(ScimFeature.builder(demo.engine())
                .authenticator(new DemoAuthenticator(demo.authenticator()))
                .basePath(DemoServer.BASE_PATH)
                // Entra ID prefers 204 for group PATCH and Okta accepts it (IDP-BEHAVIOUR.md): no member lists
                // sent back for every membership change.
                .noContentOnPatch("Group")
                .build());
        config.register(new RateLimitFilter(demo.rateLimiter()), RateLimitFilter.PRIORITY);
        config.register(new TokenEndpoint(demo.tokens()));
        config.register(new RequestLog(), RequestLog.PRIORITY);
        return config;
    }

    /**
     * Starts an application on the demo's host and port.
     *
     * @param graceSeconds how long {@link #close()} lets requests in progress finish
     * @throws IOException if the address cannot be bound, such as a port in use
     */
    public static JerseyHttpServer start(DemoServer demo, ResourceConfig application, int graceSeconds)
            throws IOException {
        URI root;
        try {
            root = new URI("http", null, demo.options().host(), demo.options().port(), "/", null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--host '" + demo.options().host() + "' is not a host name or an"
                    + " address", e);
        }
        com.sun.net.httpserver.HttpServer server;
        try {
            server = JdkHttpServerFactory.createHttpServer(root, application, false);
        } catch (ProcessingException e) {
            if (e.getCause() instanceof IOException) {
                throw new IOException("cannot listen on " + demo.options().host() + ":" + demo.options().port()
                        + " (" + e.getCause().getMessage() + "); is the port in use? Choose another with --port.",
                        e.getCause());
            }
            throw e;
        }
        ThreadPoolExecutor pool = new ThreadPoolExecutor(THREADS, THREADS, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), threads());
        server.setExecutor(pool);
        server.start();
        InetSocketAddress bound = server.getAddress();
        URI baseUri;
        try {
            baseUri = new URI("http", null, demo.options().host(), bound.getPort(), DemoServer.BASE_PATH, null,
                    null);
        } catch (URISyntaxException e) {
            throw new UncheckedIOException(new IOException("unreachable: the host was accepted above", e));
        }
        LOG.info("listening on {}:{}", demo.options().host(), bound.getPort());
        return new JerseyHttpServer(server, pool, baseUri, graceSeconds);
    }

    private static ThreadFactory threads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "scim-http-" + count.incrementAndGet());
            thread.setDaemon(true); // the server's own dispatcher thread keeps the JVM alive, not the pool
            return thread;
        };
    }

    @Override
    public URI baseUri() {
        return baseUri;
    }

    @Override
    public void awaitTermination() throws InterruptedException {
        stopped.await();
    }

    /**
     * Stops taking new requests, lets those in progress finish for up to the grace period, then closes the
     * socket. The pool, not {@code HttpServer.stop(delay)}, does the waiting: on Java 17 that method waits its
     * whole delay even when nothing is in progress.
     */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        try {
            pool.shutdown(); // from here the server's dispatcher cannot hand out new exchanges
            try {
                if (!pool.awaitTermination(graceSeconds, TimeUnit.SECONDS) && pool.getActiveCount() > 0) {
                    LOG.warn("requests still in progress after {} s are cut off", graceSeconds);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            server.stop(0);
            pool.shutdownNow();
        } finally {
            stopped.countDown();
        }
    }
}
