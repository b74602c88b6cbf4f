package org.scimengine.jaxrs.internal;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.scimengine.jaxrs.HashedCredential;
import org.scimengine.jaxrs.ScimPrincipal;

/** What the shipped authenticators share: reading the Authorization header and checking a secret. */
final class Credentials {

    /**
     * Checked when no credential has the id, so an unknown id costs the same time as a wrong secret and response
     * times do not tell which ids exist.
     */
    private static final HashedCredential DECOY = HashedCredential.of("decoy", HashedCredential.newSecret(),
            new ScimPrincipal("decoy", "decoy", Set.of()));

    private Credentials() {
    }

    /** The Authorization header's credentials after {@code scheme}, if the header uses that scheme. */
    static @Nullable String authorization(ContainerRequestContext request, String scheme) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            return null;
        }
        String value = header.strip();
        // RFC 9110 §11.1: the scheme is case-insensitive.
        if (value.length() <= scheme.length() || !value.regionMatches(true, 0, scheme, 0, scheme.length())
                || value.charAt(scheme.length()) != ' ') {
            return null;
        }
        String credentials = value.substring(scheme.length() + 1).strip();
        return credentials.isEmpty() ? null : credentials;
    }

    /** The principal if the credential exists and the secret is its own. */
    static Optional<ScimPrincipal> verify(Optional<HashedCredential> credential, String secret) {
        if (credential.isEmpty()) {
            DECOY.verify(secret);
            return Optional.empty();
        }
        return credential.get().verify(secret) ? Optional.of(credential.get().principal()) : Optional.empty();
    }
}
