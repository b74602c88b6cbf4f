package org.scimengine.jaxrs.internal;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.scimengine.jaxrs.CredentialStore;
import org.scimengine.jaxrs.ScimAuthenticator;
import org.scimengine.jaxrs.ScimPrincipal;

/** HTTP Basic (RFC 7617) over a credential store. */
public final class BasicAuthenticator implements ScimAuthenticator {

    private final CredentialStore store;

    public BasicAuthenticator(CredentialStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public Optional<ScimPrincipal> authenticate(ContainerRequestContext request) {
        String credentials = Credentials.authorization(request, "Basic");
        if (credentials == null) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 1) {
            return Optional.empty();
        }
        return Credentials.verify(store.findBasic(decoded.substring(0, colon)), decoded.substring(colon + 1));
    }

    @Override
    public List<String> challenges() {
        return List.of("Basic realm=\"SCIM\", charset=\"UTF-8\"");
    }
}
