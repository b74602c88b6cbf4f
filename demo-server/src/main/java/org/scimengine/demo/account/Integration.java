package org.scimengine.demo.account;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A named SCIM integration of an account (seed 002: "Production", "Staging"), as kept: its credential's id and
 * the hash of its secret, never the secret.
 *
 * @param account the account, which is the tenant its requests work on
 * @param name the name, unique in the account ignoring case
 * @param auth Basic or Bearer
 * @param credentialId the Basic user name, or the bearer token's id (see {@link BearerTokens})
 * @param secret the hash of the Basic password or of the token's secret
 * @param scopes what it may do, in the order of {@link Scopes#ALL}
 * @param created when it was created
 */
public record Integration(String account, String name, AuthType auth, String credentialId, SecretHash secret,
        List<String> scopes, Instant created) {

    public Integration {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(credentialId, "credentialId");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(created, "created");
        scopes = List.copyOf(scopes);
    }

    /** How logs and listings name it: {@code acme/Production}. */
    public String displayName() {
        return account + "/" + name;
    }
}
