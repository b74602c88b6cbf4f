package org.scimengine.demo;

import java.io.IOException;
import java.net.URI;

/**
 * The HTTP side of {@code serve}: the seam where the JAX-RS adapter plugs in.
 *
 * <p>TODO(issue 4, HTTP wiring): implement {@link Launcher} with Jersey on an embedded server: mount the adapter's
 * {@code ScimFeature} for {@link DemoServer#engine()} under {@link DemoServer#BASE_PATH}; authenticate with
 * {@link DemoServer#authenticator()} (Basic and Bearer), map its {@code Caller} to the adapter's
 * {@code ScimPrincipal(name, tenant, scopes)}; answer 429 with {@code Retry-After} and a SCIM error body when
 * {@link DemoServer#rateLimiter()} refuses the caller's {@code rateKey}; serve {@code POST}
 * {@link DemoServer#TOKEN_PATH} over {@link DemoServer#tokens()}; log one line per request; then replace
 * {@link #notYetAvailable()} in {@link Main}.
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

    /** What {@code serve} uses until the adapter is wired: it says so, rather than pretend to serve. */
    static Launcher notYetAvailable() {
        return demo -> {
            throw new UnsupportedOperationException("serve: the HTTP server is not part of this build yet; it"
                    + " arrives with the JAX-RS adapter (issue 4). The engine, integrations, tokens and rate limits"
                    + " are assembled and ready for it.");
        };
    }
}
