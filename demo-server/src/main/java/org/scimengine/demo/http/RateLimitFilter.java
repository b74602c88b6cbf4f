package org.scimengine.demo.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Objects;
import org.scimengine.core.error.ScimException;
import org.scimengine.demo.auth.Caller;
import org.scimengine.demo.auth.RateLimiter;
import org.scimengine.jaxrs.ScimFeature;
import org.scimengine.jaxrs.ScimMediaType;

/**
 * Counts each authenticated SCIM request against its credential's token bucket and answers 429 with
 * {@code Retry-After} when the bucket is empty. It runs between the adapter's authentication and its dispatch,
 * so a refused request costs no engine work.
 */
@PreMatching
final class RateLimitFilter implements ContainerRequestFilter {

    /** After the adapter has authenticated, before it dispatches. */
    static final int PRIORITY = ScimFeature.AUTHENTICATION_PRIORITY + 100;

    private final RateLimiter limiter;

    RateLimitFilter(RateLimiter limiter) {
        this.limiter = Objects.requireNonNull(limiter, "limiter");
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Object property = request.getProperty(DemoAuthenticator.CALLER);
        if (!(property instanceof Caller)) {
            return; // not a SCIM request, or not authenticated: the adapter has answered it already
        }
        RateLimiter.Decision decision = limiter.acquire(((Caller) property).rateKey());
        if (decision.allowed()) {
            return;
        }
        ScimException error = new ScimException(429, null, "Too many requests with these credentials: they may"
                + " send " + limiter.burst() + " requests at once and " + limiter.rate() + " per second after"
                + " that. Wait " + decision.retryAfterSeconds() + " s (Retry-After) and send the request again.");
        request.abortWith(Response.status(429)
                .header(HttpHeaders.RETRY_AFTER, decision.retryAfterSeconds())
                .type(ScimMediaType.APPLICATION_SCIM_JSON_TYPE)
                .entity(Json.bytes(error.toErrorResponse()))
                .build());
    }
}
