package org.scimengine.jaxrs;

import java.security.Principal;
import java.util.Objects;
import java.util.Set;

/**
 * Who is calling, as an {@link ScimAuthenticator} established it: the requests it makes see only its tenant's
 * resources, within its scopes. The adapter also sets it as the request's
 * {@link jakarta.ws.rs.core.SecurityContext#getUserPrincipal() user principal}, so host filters (rate limits,
 * audit) can read it.
 *
 * @param name who this is, for logs and {@link org.scimengine.core.RequestContext#principal()}; never a secret
 * @param tenant the tenant (account) whose resources it works on
 * @param scopes what it may do; the default {@link ScimAuthorizer#scopes()} reads {@code users:read},
 *     {@code groups:write} and so on
 * @since 0.1
 */
public record ScimPrincipal(String name, String tenant, Set<String> scopes) implements Principal {

    /** @throws IllegalArgumentException if the name or tenant is empty */
    public ScimPrincipal {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(tenant, "tenant");
        scopes = Set.copyOf(scopes);
        if (name.isEmpty() || tenant.isEmpty()) {
            throw new IllegalArgumentException("a principal needs a name and a tenant");
        }
    }

    /** The same as {@link #name()}. */
    @Override
    public String getName() {
        return name;
    }
}
