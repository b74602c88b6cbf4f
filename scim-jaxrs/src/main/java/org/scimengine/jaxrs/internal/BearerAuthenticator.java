package org.scimengine.jaxrs.internal;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.scimengine.jaxrs.CredentialStore;
import org.scimengine.jaxrs.ScimAuthenticator;
import org.scimengine.jaxrs.ScimPrincipal;

/** Bearer tokens {@code <id>.<secret>} (RFC 6750 §2.1) over a credential store. */
public final class BearerAuthenticator implements ScimAuthenticator {

    private final CredentialStore store;

    public BearerAuthenticator(CredentialStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public Optional<ScimPrincipal> authenticate(ContainerRequestContext request) {
        String token = Credentials.authorization(request, "Bearer");
        if (token == null) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot < 1 || dot == token.length() - 1) {
            return Optional.empty();
        }
        return Credentials.verify(store.findBearer(token.substring(0, dot)), token.substring(dot + 1));
    }

    @Override
    public List<String> challenges() {
        return List.of("Bearer realm=\"SCIM\"");
    }
}
