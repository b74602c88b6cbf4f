package org.scimengine.demo.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.scimengine.demo.auth.Authenticator;
import org.scimengine.demo.auth.Caller;
import org.scimengine.jaxrs.ScimAuthenticator;
import org.scimengine.jaxrs.ScimPrincipal;

/**
 * The adapter's authenticator over the demo's: Basic integrations, and Bearer tokens of integrations (generated
 * or {@code SCIM_BOOTSTRAP_TOKEN}) and of OAuth clients. Leaves the {@link Caller} on the request for the rate
 * limit, which keys by credential rather than by principal name.
 */
final class DemoAuthenticator implements ScimAuthenticator {

    /** The request property holding the {@link Caller}. */
    static final String CALLER = "org.scimengine.demo.caller";

    private final Authenticator authenticator;

    DemoAuthenticator(Authenticator authenticator) {
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
    }

    @Override
    public Optional<ScimPrincipal> authenticate(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        Optional<Caller> caller = AuthorizationHeader.basic(header)
                .flatMap(basic -> authenticator.basic(basic.user(), basic.password()))
                .or(() -> AuthorizationHeader.bearer(header).flatMap(authenticator::bearer))
                .or(() -> schemeless(header).flatMap(authenticator::bearer));
        if (caller.isEmpty()) {
            return Optional.empty();
        }
        request.setProperty(CALLER, caller.get());
        return Optional.of(new ScimPrincipal(caller.get().name(), caller.get().tenant(), caller.get().scopes()));
    }

    /**
     * A header that is a token alone, with no scheme: Okta's "SCIM 2.0 Test App (Header Auth)" sends the API token
     * exactly as the administrator pasted it, so a pasted token without {@code Bearer } still works. A token has
     * no space in it, which tells it apart from any {@code scheme credentials} header.
     */
    private static Optional<String> schemeless(@Nullable String header) {
        if (header == null) {
            return Optional.empty();
        }
        String token = header.strip();
        return token.isEmpty() || token.indexOf(' ') >= 0 ? Optional.empty() : Optional.of(token);
    }

    /** Okta's OIN app sends Basic; Entra ID, Okta's header-auth app and OAuth clients send Bearer. */
    @Override
    public List<String> challenges() {
        return List.of("Basic realm=\"SCIM\", charset=\"UTF-8\"", "Bearer realm=\"SCIM\"");
    }
}
