package org.scimengine.jaxrs;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A {@link CredentialStore} in memory, for tests and small hosts: it keeps only hashes, so an issued secret is
 * shown once, by the method that issues it. Thread-safe.
 *
 * @since 0.1
 */
public final class InMemoryCredentialStore implements CredentialStore {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ConcurrentMap<String, HashedCredential> basic = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, HashedCredential> bearer = new ConcurrentHashMap<>();

    @Override
    public Optional<HashedCredential> findBasic(String userName) {
        return Optional.ofNullable(basic.get(userName));
    }

    @Override
    public Optional<HashedCredential> findBearer(String tokenId) {
        return Optional.ofNullable(bearer.get(tokenId));
    }

    /**
     * Issues a new bearer token for a principal.
     *
     * @return the token, {@code <id>.<secret>}; only its hash is kept
     */
    public String issueBearerToken(ScimPrincipal principal) {
        byte[] id = new byte[12];
        RANDOM.nextBytes(id);
        String tokenId = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        String secret = HashedCredential.newSecret();
        bearer.put(tokenId, HashedCredential.of(tokenId, secret, principal));
        return tokenId + "." + secret;
    }

    /**
     * Issues a new Basic password for a user name, replacing any earlier one.
     *
     * @return the password; only its hash is kept
     * @throws IllegalArgumentException if the user name is empty or contains {@code :}
     */
    public String issueBasicPassword(String userName, ScimPrincipal principal) {
        String password = HashedCredential.newSecret();
        addBasic(userName, password, principal);
        return password;
    }

    /**
     * Adds a Basic credential with a given password (see {@link HashedCredential} on why it should be generated).
     *
     * @throws IllegalArgumentException if the user name is empty or contains {@code :}
     */
    public void addBasic(String userName, String password, ScimPrincipal principal) {
        Objects.requireNonNull(password, "password");
        if (userName.isEmpty() || userName.indexOf(':') >= 0) {
            throw new IllegalArgumentException("a Basic user name must be non-empty and without ':'");
        }
        basic.put(userName, HashedCredential.of(userName, password, principal));
    }

    /**
     * Adds a bearer token given by the host.
     *
     * @param token {@code <id>.<secret>}, both parts non-empty
     * @throws IllegalArgumentException if the token does not have that form
     */
    public void addBearer(String token, ScimPrincipal principal) {
        int dot = token.indexOf('.');
        if (dot < 1 || dot == token.length() - 1) {
            throw new IllegalArgumentException("a bearer token must have the form <id>.<secret>");
        }
        String tokenId = token.substring(0, dot);
        bearer.put(tokenId, HashedCredential.of(tokenId, token.substring(dot + 1), principal));
    }

    /** Revokes a Basic credential; whether there was one. */
    public boolean removeBasic(String userName) {
        return basic.remove(userName) != null;
    }

    /** Revokes a bearer token by its id (the part before the first {@code .}); whether there was one. */
    public boolean removeBearer(String tokenId) {
        return bearer.remove(tokenId) != null;
    }
}
