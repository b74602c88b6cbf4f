package org.scimengine.demo.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.scimengine.demo.account.AccountStore;
import org.scimengine.demo.account.ApiClient;
import org.scimengine.demo.account.BearerTokens;
import org.scimengine.demo.account.SecretHash;
import org.scimengine.demo.account.Secrets;

/**
 * The OAuth 2.0 client-credentials grant (RFC 6749 §4.4) of seed 001, without HTTP: an API client trades its id
 * and secret for an opaque bearer token that carries the client's account and scopes for 24 hours. Thread-safe.
 *
 * <p>Tokens are {@code <id>.<secret>} like the integrations' and are kept only as salted hashes, in memory: a
 * restart revokes them all, and clients do what the seed tells them to on expiry, ask for a new one. A token
 * stops working when it expires, when it is revoked, and when its client is deleted.
 */
public final class TokenService {

    /** Seed 001: "temporarily token for 24 hours". */
    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(24);
    /**
     * Live tokens kept per client; issuing one more revokes the oldest. Keeps memory bounded when a client asks
     * for a token per request instead of reusing one.
     */
    static final int MAX_TOKENS_PER_CLIENT = 100;

    /** Checked when no token or client has the id, so an unknown id takes as long as a wrong secret. */
    private static final SecretHash DECOY = SecretHash.of(Secrets.newSecret());

    private final AccountStore accounts;
    private final Clock clock;
    private final Duration lifetime;
    private final ConcurrentMap<String, Issued> tokens = new ConcurrentHashMap<>();

    /** A token as kept: its hash, never the token. */
    private record Issued(String id, SecretHash secret, String clientId, String tenant, String clientName,
            List<String> scopes, Instant expiresAt) {
    }

    /**
     * @param accounts where API clients are found
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
        synchronized (this) {
            forgetExpired(now);
            limitTokensOf(client.clientId());
            tokens.put(parts.id(), new Issued(parts.id(), SecretHash.of(parts.secret()), client.clientId(),
                    client.account(), client.displayName(), client.scopes(), expiresAt));
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
        Issued issued = tokens.get(parts.id());
        if (issued == null) {
            DECOY.matches(parts.secret());
            return Optional.empty();
        }
        if (!issued.secret().matches(parts.secret())) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(issued.expiresAt())) {
            tokens.remove(issued.id(), issued);
            return Optional.empty();
        }
        Optional<ApiClient> client = accounts.findClient(issued.clientId());
        if (client.isEmpty() || !client.get().account().equals(issued.tenant())) {
            tokens.remove(issued.id(), issued);
            return Optional.empty();
        }
        return Optional.of(new Caller("client " + issued.clientName(), issued.tenant(), Set.copyOf(issued.scopes()),
                "client:" + issued.clientId()));
    }

    /**
     * Revokes a token (RFC 7009): it no longer authenticates.
     *
     * @return whether it was a live token of this service
     */
    public boolean revoke(String token) {
        BearerTokens.Parts parts = BearerTokens.split(Objects.requireNonNull(token, "token"));
        Issued issued = tokens.get(parts.id());
        if (issued == null) {
            DECOY.matches(parts.secret());
            return false;
        }
        return issued.secret().matches(parts.secret()) && tokens.remove(issued.id(), issued);
    }

    /**
     * Revokes every token of a client.
     *
     * @return how many there were
     */
    public int revokeAll(String clientId) {
        int removed = 0;
        for (Map.Entry<String, Issued> entry : tokens.entrySet()) {
            if (entry.getValue().clientId().equals(clientId) && tokens.remove(entry.getKey(), entry.getValue())) {
                removed++;
            }
        }
        return removed;
    }

    private void forgetExpired(Instant now) {
        tokens.values().removeIf(issued -> !now.isBefore(issued.expiresAt()));
    }

    private void limitTokensOf(String clientId) {
        List<Issued> own = new ArrayList<>();
        for (Issued issued : tokens.values()) {
            if (issued.clientId().equals(clientId)) {
                own.add(issued);
            }
        }
        if (own.size() < MAX_TOKENS_PER_CLIENT) {
            return;
        }
        own.sort(Comparator.comparing(Issued::expiresAt));
        for (Issued oldest : own.subList(0, own.size() - MAX_TOKENS_PER_CLIENT + 1)) {
            tokens.remove(oldest.id(), oldest);
        }
    }
}
