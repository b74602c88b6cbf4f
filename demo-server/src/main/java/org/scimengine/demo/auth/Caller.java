package org.scimengine.demo.auth;

import java.util.Objects;
import java.util.Set;

/**
 * Who a credential is: what the HTTP layer turns into the adapter's principal (name, tenant, scopes) and keys
 * rate limits by.
 *
 * @param name who it is, for logs: {@code integration acme/Production}, {@code client acme/reporting}; never a
 *     secret
 * @param tenant the account whose resources it works on
 * @param scopes what it may do, such as {@code users:read}
 * @param rateKey the key of its rate limit: one per integration or API client, whatever token it used
 */
public record Caller(String name, String tenant, Set<String> scopes, String rateKey) {

    public Caller {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(rateKey, "rateKey");
        scopes = Set.copyOf(scopes);
    }
}
