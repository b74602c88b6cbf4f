package org.scimengine.jaxrs.internal;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import org.scimengine.jaxrs.ScimPrincipal;

/**
 * The second of the adapter's two filters: serves what {@link AuthenticationFilter} claimed and authenticated, and
 * ends the request with the response. Routing in a filter rather than in resource classes is what makes the
 * adapter portable: JAX-RS lets a {@link jakarta.ws.rs.core.Feature} register providers only, and RESTEasy ignores
 * resource classes registered from one (Jersey accepts them as an extension).
 */
@PreMatching
public final class DispatchFilter implements ContainerRequestFilter {

    private final Dispatcher dispatcher;

    public DispatchFilter(Settings settings) {
        this.dispatcher = new Dispatcher(settings);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Object route = request.getProperty(AuthenticationFilter.ROUTE);
        Object principal = request.getProperty(AuthenticationFilter.PRINCIPAL);
        if (route instanceof Route && principal instanceof ScimPrincipal) {
            request.abortWith(dispatcher.handle(request, (Route) route, (ScimPrincipal) principal));
        }
    }
}
