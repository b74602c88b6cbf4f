package org.scimengine.jaxrs;

import com.sun.net.httpserver.HttpServer;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import org.glassfish.jersey.client.ClientConfig;
import org.glassfish.jersey.jdkhttp.JdkHttpServerFactory;
import org.glassfish.jersey.test.DeploymentContext;
import org.glassfish.jersey.test.JerseyTest;
import org.glassfish.jersey.test.spi.TestContainer;
import org.glassfish.jersey.test.spi.TestContainerFactory;

/**
 * An application on Jersey's test framework, on the JDK's HTTP server at a free port: a real socket, started
 * once per test class.
 */
final class JerseyServer implements AutoCloseable {

    private final JerseyTest test;
    private final URI baseUri;

    /**
     * @param contextPath the path the application is mounted at, such as {@code custom/base}, or ""
     */
    JerseyServer(Application application, String contextPath) {
        this.test = new JerseyTest() {
            @Override
            protected Application configure() {
                return application;
            }

            @Override
            protected TestContainerFactory getTestContainerFactory() {
                return (uri, context) -> new Container(
                        UriBuilder.fromUri("http://localhost:0/").path(contextPath).path("/").build(), context);
            }
        };
        try {
            test.setUp();
        } catch (Exception e) {
            throw new IllegalStateException("the Jersey test container did not start", e);
        }
        this.baseUri = test.target().getUri();
    }

    /** The application's base URI, ending in {@code /}. */
    URI baseUri() {
        return baseUri;
    }

    @Override
    public void close() {
        try {
            test.tearDown();
        } catch (Exception e) {
            throw new IllegalStateException("the Jersey test container did not stop", e);
        }
    }

    /**
     * The JDK HTTP server container. Jersey's own provider for it stops with a fixed three-second grace period;
     * nothing is in flight when a test class ends, so this one stops at once.
     */
    private static final class Container implements TestContainer {
        private final URI requested;
        private final DeploymentContext context;
        private HttpServer server;

        Container(URI requested, DeploymentContext context) {
            this.requested = requested;
            this.context = context;
        }

        @Override
        public ClientConfig getClientConfig() {
            return new ClientConfig();
        }

        @Override
        public URI getBaseUri() {
            return server == null ? requested
                    : UriBuilder.fromUri(requested).port(server.getAddress().getPort()).build();
        }

        @Override
        public void start() {
            server = JdkHttpServerFactory.createHttpServer(requested, context.getResourceConfig());
        }

        @Override
        public void stop() {
            server.stop(0);
        }
    }
}
