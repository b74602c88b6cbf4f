package org.scimengine.jaxrs;

import io.undertow.Undertow;
import jakarta.ws.rs.core.Application;
import java.net.InetSocketAddress;
import java.net.URI;
import org.jboss.resteasy.plugins.server.undertow.UndertowJaxrsServer;

/**
 * The portability contract on RESTEasy, on its embedded Undertow server. Surefire runs it in a JVM of its own
 * without Jersey (see the module's pom): both runtimes register a {@code RuntimeDelegate}, and one JVM can use
 * only one.
 */
class ResteasyPortabilityTest extends PortabilityContract {

    @Override
    protected Deployment deploy(Application application, String contextPath) {
        Server server = new Server();
        server.start(Undertow.builder().addHttpListener(0, "localhost"));
        server.deploy(application, "/" + contextPath);
        URI base = URI.create("http://localhost:" + server.port() + "/" + contextPath + "/");
        return new Deployment() {
            @Override
            public URI baseUri() {
                return base;
            }

            @Override
            public void close() {
                server.stop();
            }
        };
    }

    /** Undertow's server, to read the port it bound. */
    private static final class Server extends UndertowJaxrsServer {
        int port() {
            return ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
        }
    }
}
