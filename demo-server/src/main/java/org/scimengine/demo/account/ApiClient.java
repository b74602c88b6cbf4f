package org.scimengine.demo.account;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An API client of an account for the OAuth 2.0 client-credentials grant (seed 001), as kept: its client id and
 * the hash of its secret.
 *
 * @param account the account, the tenant its tokens work on
 * @param name the name, unique in the account ignoring case
 * @param clientId the generated {@code client_id}
 * @param secret the hash of the {@code client_secret}
 * @param scopes the scopes its tokens carry, in the order of {@link Scopes#ALL}
 * @param created when it was created
 */
public record ApiClient(String account, String name, String clientId, SecretHash secret, List<String> scopes,
        Instant created) {

    public ApiClient {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(created, "created");
        scopes = List.copyOf(scopes);
    }

    /** How logs and listings name it: {@code acme/reporting}. */
    public String displayName() {
        return account + "/" + name;
    }
}
