package org.scimengine.demo.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A token {@link TokenService#issue} granted: the body of an RFC 6749 §5.1 response.
 *
 * @param value the bearer token: {@code access_token}
 * @param expiresAt when it stops working
 * @param lifetime how long it lasts from its issue: {@code expires_in}
 * @param scopes what it may do: {@code scope}, space-separated on the wire
 */
public record AccessToken(String value, Instant expiresAt, Duration lifetime, List<String> scopes) {

    public AccessToken {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(lifetime, "lifetime");
        scopes = List.copyOf(scopes);
    }

    /** {@code token_type}. */
    public String type() {
        return "Bearer";
    }

    /** Never the token, should this reach a log. */
    @Override
    public String toString() {
        return "AccessToken[expiresAt=" + expiresAt + ", scopes=" + scopes + "]";
    }
}
