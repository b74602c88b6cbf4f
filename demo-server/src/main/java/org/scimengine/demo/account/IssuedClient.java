package org.scimengine.demo.account;

import java.util.Objects;

/**
 * A just-created API client with its secret, to show once: only its hash is kept.
 *
 * @param client the client as kept
 * @param clientSecret its {@code client_secret}
 */
public record IssuedClient(ApiClient client, String clientSecret) {

    public IssuedClient {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(clientSecret, "clientSecret");
    }

    /** Never the secret, should this reach a log. */
    @Override
    public String toString() {
        return "IssuedClient[" + client.displayName() + ", " + client.clientId() + "]";
    }
}
