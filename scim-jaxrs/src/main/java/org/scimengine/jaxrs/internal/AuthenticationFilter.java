package org.scimengine.jaxrs.internal;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.scimengine.core.error.ScimException;
import org.scimengine.jaxrs.ScimPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first of the adapter's two filters: claims the requests the adapter serves, and authenticates them or
 * answers 401. A host filter with a priority between the two sees the principal before any work is done (a rate
 * limit per credential, say).
 */
@PreMatching
public final class AuthenticationFilter implements ContainerRequestFilter {

    /** The request property holding the {@link Route}. */
    static final String ROUTE = "org.scimengine.jaxrs.route";
    /** The request property holding the {@link ScimPrincipal}. */
    static final String PRINCIPAL = "org.scimengine.jaxrs.principal";

    private static final Logger LOG = LoggerFactory.getLogger(AuthenticationFilter.class);

    private final Settings settings;

    public AuthenticationFilter(Settings settings) {
        this.settings = settings;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Route route = route(request);
        if (route == null) {
            return;
        }
        request.setProperty(ROUTE, route);
        MediaType type = Responses.negotiate(request);
        MediaType errorType = type == null ? Responses.SCIM_JSON : type;
        try {
            Optional<ScimPrincipal> principal = settings.authenticator().authenticate(request);
            if (principal.isEmpty()) {
                String detail = request.getHeaderString(HttpHeaders.AUTHORIZATION) == null
                        ? "The request is not authenticated; send credentials in the Authorization header."
                        : "The request's credentials were not accepted; check them, or ask for new ones.";
                request.abortWith(unauthorized(new ScimException(401, null, detail), errorType));
                return;
            }
            request.setProperty(PRINCIPAL, principal.get());
            request.setSecurityContext(new ScimSecurityContext(principal.get(), request));
        } catch (ScimException e) {
            request.abortWith(e.status() == 401 ? unauthorized(e, errorType) : Responses.error(e, errorType));
        } catch (RuntimeException e) {
            LOG.error("authenticating {} {} failed", request.getMethod(), request.getUriInfo().getPath(false), e);
            request.abortWith(Responses.error(Responses.internalError(), errorType));
        }
    }

    private Response unauthorized(ScimException error, MediaType type) {
        Response.ResponseBuilder response = Response.fromResponse(Responses.error(error, type));
        for (String challenge : settings.authenticator().challenges()) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, challenge);
        }
        return response.build();
    }

    /** The route of a request, or null if the adapter does not serve its path. */
    private @Nullable Route route(ContainerRequestContext request) {
        List<PathSegment> raw = request.getUriInfo().getPathSegments(true);
        List<String> segments = new ArrayList<>(raw.size());
        for (PathSegment segment : raw) {
            segments.add(segment.getPath());
        }
        // A path ending in '/' (or the base URL itself) has a last, empty segment.
        while (!segments.isEmpty() && segments.get(segments.size() - 1).isEmpty()) {
            segments.remove(segments.size() - 1);
        }
        List<String> base = settings.basePath();
        if (segments.size() < base.size() || !segments.subList(0, base.size()).equals(base)) {
            return null;
        }
        return Route.of(segments.subList(base.size(), segments.size()), settings.engine().registry(),
                !base.isEmpty());
    }
}
