package org.scimengine.jaxrs;

import jakarta.ws.rs.core.Application;
import java.net.URI;

/** The portability contract on Jersey, the JDK HTTP server container. */
class JerseyPortabilityTest extends PortabilityContract {

    @Override
    protected Deployment deploy(Application application, String contextPath) {
        JerseyServer server = new JerseyServer(application, contextPath);
        return new Deployment() {
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
}
