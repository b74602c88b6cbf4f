package org.scimengine.jaxrs.internal;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.scimengine.jaxrs.ScimAuthenticator;
import org.scimengine.jaxrs.ScimPrincipal;

/** Several authenticators, tried in order. */
public final class FirstOfAuthenticator implements ScimAuthenticator {

    private final List<ScimAuthenticator> authenticators;
    private final List<String> challenges;

    public FirstOfAuthenticator(List<ScimAuthenticator> authenticators) {
        if (authenticators.isEmpty()) {
            throw new IllegalArgumentException("firstOf needs at least one authenticator");
        }
        this.authenticators = List.copyOf(authenticators);
        List<String> all = new ArrayList<>();
        for (ScimAuthenticator authenticator : this.authenticators) {
            for (String challenge : authenticator.challenges()) {
                if (!all.contains(challenge)) {
                    all.add(challenge);
                }
            }
        }
        this.challenges = List.copyOf(all);
    }

    @Override
    public Optional<ScimPrincipal> authenticate(ContainerRequestContext request) {
        for (ScimAuthenticator authenticator : authenticators) {
            Optional<ScimPrincipal> principal = authenticator.authenticate(request);
            if (principal.isPresent()) {
                return principal;
            }
        }
        return Optional.empty();
    }

    @Override
    public List<String> challenges() {
        return challenges;
    }
}
