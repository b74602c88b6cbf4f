package org.scimengine.jaxrs.internal;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.scimengine.jaxrs.ScimPrincipal;

/** The request's security context once authenticated: the principal, its scopes as roles. */
final class ScimSecurityContext implements SecurityContext {

    private final ScimPrincipal principal;
    private final boolean secure;
    private final @Nullable String scheme;

    ScimSecurityContext(ScimPrincipal principal, ContainerRequestContext request) {
        this.principal = principal;
        SecurityContext original = request.getSecurityContext();
        this.secure = original != null ? original.isSecure()
                : "https".equalsIgnoreCase(request.getUriInfo().getRequestUri().getScheme());
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        int space = authorization == null ? -1 : authorization.strip().indexOf(' ');
        this.scheme = space > 0 ? authorization.strip().substring(0, space).toUpperCase(Locale.ROOT) : null;
    }

    @Override
    public Principal getUserPrincipal() {
        return principal;
    }

    @Override
    public boolean isUserInRole(String role) {
        return principal.scopes().contains(role);
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public @Nullable String getAuthenticationScheme() {
        return scheme;
    }
}
