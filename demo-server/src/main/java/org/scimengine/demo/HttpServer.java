package org.scimengine.demo;

import java.io.IOException;
import java.net.URI;

/**
 * The HTTP side of {@code serve}: {@link org.scimengine.demo.http.JerseyHttpServer} in the jar, a stand-in in
 * tests of the command line.
 */
public interface HttpServer extends AutoCloseable {

    /** Where SCIM is served, such as {@code http://127.0.0.1:8080/scim/v2}. */
    URI baseUri();

    /** Blocks until the server has stopped. */
    void awaitTermination() throws InterruptedException;

    /** Stops gracefully: no new requests, those in progress finish. Idempotent. */
    @Override
    void close();

    /** Starts a server for an assembled demo, listening as its options say. */
    @FunctionalInterface
    interface Launcher {
        HttpServer start(DemoServer demo) throws IOException;
    }
}
