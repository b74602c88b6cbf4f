package org.scimengine.demo.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.glassfish.jersey.jetty.JettyHttpContainerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.scimengine.demo.DemoServer;
import org.scimengine.demo.HttpServer;
import org.scimengine.jaxrs.ScimFeature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo on Jersey and Jetty 12: SCIM at
 * {@value DemoServer#BASE_PATH}, tokens at {@value DemoServer#TOKEN_PATH}.
 *
 * <p>Why Jetty: measured against the JDK's HTTP server and Grizzly with the same application and load
 * (BENCHMARKS.md, "HTTP"), it is as fast as the JDK's server, and unlike it has an idle timeout, so clients that
 * send half a request cannot hold every thread, and an error handler, so that a request line it cannot parse
 * still gets a SCIM error body rather than an HTML page naming a Java exception.
 */
public final class JerseyHttpServer implements HttpServer {

    /** How long {@link #close()} lets requests in progress finish. */
    static final int GRACE_SECONDS = 5;
    /** A connection idle this long, or a request not sent within it, is closed. */
    static final long IDLE_TIMEOUT_MILLIS = 15_000;

    private static final Logger LOG = LoggerFactory.getLogger(JerseyHttpServer.class);

    private final Server server;
    private final URI baseUri;
    private final AtomicBoolean closing = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);

    private JerseyHttpServer(Server server, URI baseUri) {
        this.server = server;
        this.baseUri = baseUri;
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
        Server server = JettyHttpContainerFactory.createServer(root, application, false);
        for (Connector connector : server.getConnectors()) {
            if (connector instanceof ServerConnector) {
                ServerConnector http = (ServerConnector) connector;
                // Jersey's factory leaves the host unset, which listens on every interface; --host decides.
                http.setHost(demo.options().host());
                http.setIdleTimeout(IDLE_TIMEOUT_MILLIS);
            }
            HttpConnectionFactory factory = connector.getConnectionFactory(HttpConnectionFactory.class);
            if (factory != null) {
                factory.getHttpConfiguration().setSendServerVersion(false);
            }
        }
        // Requests in progress finish on close, for up to the grace period; new ones are refused meanwhile.
        GracefulHandler graceful = new GracefulHandler(server.getHandler());
        server.setHandler(graceful);
        server.setStopTimeout(TimeUnit.SECONDS.toMillis(graceSeconds));
        server.setErrorHandler(new ScimErrorHandler());
        try {
            server.start();
        } catch (Exception e) {
            stopQuietly(server);
            throw new IOException("cannot listen on " + demo.options().host() + ":" + demo.options().port()
                    + " (" + e.getMessage() + "); is the port in use? Choose another with --port.", e);
        }
        int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
        URI baseUri;
        try {
            baseUri = new URI("http", null, demo.options().host(), port, DemoServer.BASE_PATH, null, null);
        } catch (URISyntaxException e) {
            throw new UncheckedIOException(new IOException("unreachable: the host was accepted above", e));
        }
        LOG.info("listening on {}:{}", demo.options().host(), port);
        return new JerseyHttpServer(server, baseUri);
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.debug("stopping a server that did not start", e);
        }
    }

    @Override
    public URI baseUri() {
        return baseUri;
    }

    @Override
    public void awaitTermination() throws InterruptedException {
        stopped.await();
    }

    /** Stops taking new requests, lets those in progress finish for up to the grace period, then stops. */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("the server did not stop cleanly", e);
        } finally {
            stopped.countDown();
        }
    }
}
