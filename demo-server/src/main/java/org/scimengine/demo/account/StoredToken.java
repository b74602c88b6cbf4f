package org.scimengine.demo.account;

import java.time.Instant;
import java.util.Objects;

/**
 * An OAuth access token as kept: its id, the hash of its secret, and the API client it was issued to, whose
 * account and scopes it carries.
 *
 * @param id the token's id ({@link BearerTokens#split})
 * @param secret the hash of the token's secret
 * @param expiresAt when it stops working
 * @param client the client it was issued to
 */
public record StoredToken(String id, SecretHash secret, Instant expiresAt, ApiClient client) {

    public StoredToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(client, "client");
    }
}
