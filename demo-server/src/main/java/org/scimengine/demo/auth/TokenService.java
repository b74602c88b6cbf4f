package org.scimengine.demo.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.scimengine.demo.account.AccountStore;
import org.scimengine.demo.account.ApiClient;
import org.scimengine.demo.account.BearerTokens;
import org.scimengine.demo.account.SecretHash;
import org.scimengine.demo.account.Secrets;
import org.scimengine.demo.account.StoredToken;

/**
 * The OAuth 2.0 client-credentials grant (RFC 6749 §4.4) of seed 001, without HTTP: an API client trades its id
 * and secret for an opaque bearer token that carries the client's account and scopes for 24 hours. Thread-safe.
 *
 * <p>Tokens are {@code <id>.<secret>} like the integrations' and are kept only as salted hashes, in the
 * {@link AccountStore}'s database: a token outlives a restart of the server, and works on every server that shares
 * the database. A token stops working when it expires, when it is revoked, and when its client is deleted.
 */
public final class TokenService {

    /** Seed 001: "temporarily token for 24 hours". */
    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(24);
    /**
     * Live tokens kept per client; issuing one more revokes the oldest. Keeps the table bounded when a client asks
     * for a token per request instead of reusing one.
     */
    static final int MAX_TOKENS_PER_CLIENT = 100;

    /** Checked when no token or client has the id, so an unknown id takes as long as a wrong secret. */
    private static final SecretHash DECOY = SecretHash.of(Secrets.newSecret());

    private final AccountStore accounts;
    private final Clock clock;
    private final Duration lifetime;

    /**
     * @param accounts where API clients and their tokens are kept
     * @param clock the time tokens are issued and checked at
     * @param lifetime how long a token lasts; {@link #DEFAULT_LIFETIME} for the demo
     * @throws IllegalArgumentException if the lifetime is not positive
     */
    public TokenService(AccountStore accounts, Clock clock, Duration lifetime) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("a token lifetime must be positive, was " + lifetime);
        }
    }

    /**
     * Issues a token to an API client.
     *
     * @return the token, or empty if there is no such client or the secret is not its own (RFC 6749 §5.2
     *     {@code invalid_client}; the two are not told apart)
     */
    public Optional<AccessToken> issue(String clientId, String clientSecret) {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        Optional<ApiClient> found = accounts.findClient(clientId);
        if (found.isEmpty()) {
            DECOY.matches(clientSecret);
            return Optional.empty();
        }
        ApiClient client = found.get();
        if (!client.secret().matches(clientSecret)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Instant expiresAt = now.plus(lifetime);
        String token = BearerTokens.generate();
        BearerTokens.Parts parts = BearerTokens.split(token);
        if (!accounts.addToken(new StoredToken(parts.id(), SecretHash.of(parts.secret()), expiresAt, client), now,
                MAX_TOKENS_PER_CLIENT)) {
            return Optional.empty(); // deleted since it was read
        }
        return Optional.of(new AccessToken(token, expiresAt, lifetime, client.scopes()));
    }

    /**
     * Who a token is.
     *
     * @return the caller, or empty if the token is not one this service issued, has expired or was revoked, or
     *     its client was deleted
     */
    public Optional<Caller> authenticate(String token) {
        BearerTokens.Parts parts = BearerTokens.split(Objects.requireNonNull(token, "token"));
        Optional<StoredToken> found = accounts.findToken(parts.id());
        if (found.isEmpty()) {
            DECOY.matches(parts.secret());
            return Optional.empty();
        }
        StoredToken stored = found.get();
        if (!stored.secret().matches(parts.secret())) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(stored.expiresAt())) {
            accounts.deleteToken(stored.id());
            return Optional.empty();
        }
        ApiClient client = stored.client();
        return Optional.of(new Caller("client " + client.displayName(), client.account(),
                Set.copyOf(client.scopes()), "client:" + client.clientId()));
    }

    /**
     * Revokes a token (RFC 7009): it no longer authenticates.
     *
     * @return whether it was a live token of this service
     */
    public boolean revoke(String token) {
        BearerTokens.Parts parts = BearerTokens.split(Objects.requireNonNull(token, "token"));
        Optional<StoredToken> found = accounts.findToken(parts.id());
        if (found.isEmpty()) {
            DECOY.matches(parts.secret());
            return false;
        }
        return found.get().secret().matches(parts.secret()) && accounts.deleteToken(parts.id());
    }

    /**
     * Revokes every token of a client.
     *
     * @return how many there were
     */
    public int revokeAll(String clientId) {
        return accounts.deleteTokensOf(Objects.requireNonNull(clientId, "clientId"));
    }
}
