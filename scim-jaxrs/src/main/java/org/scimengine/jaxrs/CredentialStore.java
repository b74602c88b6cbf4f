package org.scimengine.jaxrs;

import java.util.Optional;

/**
 * Where {@link ScimAuthenticator#basic(CredentialStore)} and {@link ScimAuthenticator#bearer(CredentialStore)}
 * find credentials: only their salted hashes, never the secrets. {@link InMemoryCredentialStore} is one; a host
 * keeps its own in a database.
 *
 * <p>Implementations must be thread-safe; a revoked credential must not be found again.
 *
 * @since 0.1
 */
public interface CredentialStore {

    /**
     * The credential of an HTTP Basic user name (RFC 7617), or empty.
     *
     * @param userName the user name as the client sent it, matched exactly
     */
    Optional<HashedCredential> findBasic(String userName);

    /**
     * The credential of a bearer token's id, or empty. Tokens have the form {@code <id>.<secret>} (see
     * {@link HashedCredential}); the id is the part before the first {@code .}.
     *
     * @param tokenId the id, matched exactly
     */
    Optional<HashedCredential> findBearer(String tokenId);
}
