package org.scimengine.jaxrs;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.List;
import java.util.Optional;
import org.scimengine.jaxrs.internal.BasicAuthenticator;
import org.scimengine.jaxrs.internal.BearerAuthenticator;
import org.scimengine.jaxrs.internal.FirstOfAuthenticator;

/**
 * Establishes who sends a request. Every SCIM request is authenticated before anything else happens; a request
 * no authenticator accepts answers 401 with a {@code WWW-Authenticate} header per {@link #challenges()} and a
 * SCIM error body, whatever endpoint it was for.
 *
 * <p>Implementations must be thread-safe.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface ScimAuthenticator {

    /**
     * @param request the request, before it is routed; an authenticator reads headers and must not read the body
     * @return the principal, or empty if the request carries no credentials this authenticator accepts
     * @throws org.scimengine.core.error.ScimException to answer with that error instead, for example a 401 that
     *     says a token has expired
     */
    Optional<ScimPrincipal> authenticate(ContainerRequestContext request);

    /**
     * The {@code WWW-Authenticate} challenges of a 401 (RFC 9110 §11.6.1), one header each; by default
     * {@code Bearer realm="SCIM"}.
     */
    default List<String> challenges() {
        return List.of("Bearer realm=\"SCIM\"");
    }

    /**
     * HTTP Basic (RFC 7617) against a store's {@link CredentialStore#findBasic(String) Basic credentials}. The
     * user name and password are decoded as UTF-8.
     */
    static ScimAuthenticator basic(CredentialStore store) {
        return new BasicAuthenticator(store);
    }

    /**
     * Bearer tokens (RFC 6750 §2.1) of the form {@code <id>.<secret>} against a store's
     * {@link CredentialStore#findBearer(String) bearer credentials}.
     */
    static ScimAuthenticator bearer(CredentialStore store) {
        return new BearerAuthenticator(store);
    }

    /**
     * Tries authenticators in order; the first principal wins. Its challenges are all of theirs.
     *
     * @throws IllegalArgumentException if none is given
     */
    static ScimAuthenticator firstOf(ScimAuthenticator... authenticators) {
        return new FirstOfAuthenticator(List.of(authenticators));
    }
}
